/** A printed table as GitHub-flavoured Markdown: bold title, one pipe table, notes as paragraphs. */
import { expandHeader, type TextTable } from "./text-table.js";

/**
 * Render a table as GitHub Markdown (the primary header line is the pipe-table header; panel headings are bold).
 * @example const md = renderMarkdown(regressionTextTable(spec, "en"));
 */
export function renderMarkdown(t: TextTable): string {
  const lines: string[] = [`**${oneLine(t.title)}**`, ""];
  const row = (label: string, cells: readonly string[]) =>
    `| ${[label, ...cells].map((c) => escapeCell(c)).join(" | ")} |`.replace(/ {2,}\|/g, " |");
  const primary = t.header[t.primaryHeader];
  lines.push(row(primary.stub, expandHeader(primary)));
  lines.push(`|${[":--", ...Array.from({ length: t.ncols }, () => ":-:")].join("|")}|`);
  t.header.forEach((h, i) => {
    if (i !== t.primaryHeader) lines.push(row(h.stub, expandHeader(h)));
  });
  for (const block of t.blocks) {
    for (const r of block) {
      const label = r.kind === "panel" && r.label ? `**${r.label}**` : r.label;
      lines.push(row(label, r.cells));
    }
  }
  for (const n of t.notes) lines.push("", oneLine(n));
  return `${lines.join("\n")}\n`;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ");
}

function escapeCell(s: string): string {
  return oneLine(s).replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}
