/** The small Markdown the run writes (headings, bullets, paragraphs, pipe tables, bold) as HTML. */
import { escapeHtml } from "./escape-html.js";

/**
 * Render run-written Markdown as HTML (no raw HTML passes through: everything is escaped first).
 * @example markdownHtml("# Summary\n- 12 of 13 signs agree"); // "<h4>Summary</h4><ul><li>12 of 13 signs agree</li></ul>"
 */
export function markdownHtml(md: string): string {
  const out: string[] = [];
  const lines = md.replace(/\r\n/g, "\n").split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
    } else if (/^#{1,6}\s/.test(line)) {
      out.push(`<h4>${inline(line.replace(/^#+\s*/, ""))}</h4>`);
      i++;
    } else if (/^\s*[-*]\s/.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*[-*]\s/.test(lines[i]))
        items.push(`<li>${inline(lines[i++].replace(/^\s*[-*]\s/, ""))}</li>`);
      out.push(`<ul>${items.join("")}</ul>`);
    } else if (tableStarts(lines, i)) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].trim().startsWith("|")) rows.push(pipeCells(lines[i++]));
      out.push(pipeTable(rows));
    } else {
      // A paragraph runs on to a blank line, a heading, a bullet or a table; a line that merely
      // starts with "|" (such as "|a − b| ≤ 2") continues it, as in GitHub's Markdown.
      const para: string[] = [lines[i++]];
      while (
        i < lines.length &&
        lines[i].trim() !== "" &&
        !/^(#{1,6}\s|\s*[-*]\s)/.test(lines[i]) &&
        !tableStarts(lines, i)
      )
        para.push(lines[i++]);
      out.push(`<p>${inline(para.join(" "))}</p>`);
    }
  }
  return out.join("\n");
}

function inline(s: string): string {
  return escapeHtml(s)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** Whether a pipe table starts at line `i`: a row starting with "|" followed by a delimiter row (GFM). */
function tableStarts(lines: readonly string[], i: number): boolean {
  const next = lines[i + 1];
  return lines[i].trim().startsWith("|") && next !== undefined && isRule(pipeCells(next));
}

const isRule = (r: readonly string[]) => r.length > 0 && r.every((c) => /^:?-{1,}:?$/.test(c));

function pipeCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, "|"));
}

function pipeTable(rows: string[][]): string {
  const body = rows.filter((r) => !isRule(r));
  if (!body.length) return "";
  const [head, ...rest] = body;
  const tr = (r: string[], tag: string) =>
    `<tr>${r.map((c) => `<${tag}>${inline(c)}</${tag}>`).join("")}</tr>`;
  return `<div class="table-scroll"><table class="grid"><thead>${tr(head, "th")}</thead><tbody>${rest.map((r) => tr(r, "td")).join("")}</tbody></table></div>`;
}
