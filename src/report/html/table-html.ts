/** A printed table (TextTable) as an HTML table in the papers' three-line style (rules come from the CSS). */
import { expandHeader, type HeaderLine, mergeRuns, type TextTable } from "../text-table.js";
import { escapeHtml } from "./escape-html.js";

/**
 * An HTML `<table class="three-line">` with caption, spanning header cells (a rule under spanning
 * groups), one `<tbody>` per block (a thin rule between blocks) and the notes in a `<tfoot>`-like paragraph block.
 * @example const html = tableHtml(layout, "upstream-innovation--table2");
 */
export function tableHtml(t: TextTable, id: string): string {
  const out: string[] = [
    `<div class="table-scroll"><table class="three-line" id="${escapeHtml(id)}" data-table="${escapeHtml(t.id)}">`,
    `<caption>${escapeHtml(t.title)}</caption>`,
    "<thead>",
  ];
  for (const h of t.header) out.push(headerRow(h));
  out.push("</thead>");
  for (const block of t.blocks) {
    out.push("<tbody>");
    for (const r of block) {
      if (r.kind === "panel") {
        out.push(
          `<tr class="panel"><th scope="rowgroup" colspan="${t.ncols + 1}">${escapeHtml(r.label)}</th></tr>`,
        );
        continue;
      }
      const cells = r.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("");
      out.push(`<tr class="${r.kind}"><th scope="row">${escapeHtml(r.label)}</th>${cells}</tr>`);
    }
    out.push("</tbody>");
  }
  out.push("</table></div>");
  if (t.notes.length)
    out.push(`<div class="notes">${t.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join("")}</div>`);
  return out.join("\n");
}

function headerRow(h: HeaderLine): string {
  const cells = (h.mergeEqual ? mergeRuns(expandHeader(h)) : h.cells).map((c) => {
    const rule = h.ruleUnderSpans && c.span > 1 && c.text !== "" ? ' class="span-rule"' : "";
    const span = c.span > 1 ? ` colspan="${c.span}"` : "";
    return `<th scope="col"${span}${rule}>${escapeHtml(c.text)}</th>`;
  });
  return `<tr><th scope="col" class="stub">${escapeHtml(h.stub)}</th>${cells.join("")}</tr>`;
}
