/**
 * A printed table as CSV for spreadsheets: title, header lines, one row per printed line (coefficient,
 * SE, footer), notes; first column the row label. UTF-8 with a byte-order mark so Excel reads Chinese,
 * and cells Excel would silently convert — "(0.7600)" to −0.76, "(1)" to −1, "0.7600" to 0.76,
 * a leading "=" to a formula — written as Stata's esttab does, `="(0.7600)"`, which spreadsheets show
 * verbatim. Machine-readable numbers are in the JSON output.
 */
import { expandHeader, type TextTable } from "./text-table.js";

/**
 * Render a table as CSV text (RFC 4180 quoting, LF line ends, leading BOM).
 * @example const csv = renderCsv(regressionTextTable(spec, "en"));
 */
export function renderCsv(t: TextTable): string {
  const width = t.ncols + 1;
  const lines: string[][] = [[t.title]];
  for (const h of t.header) lines.push([h.stub, ...expandHeader(h)]);
  for (const block of t.blocks) for (const r of block) lines.push([r.label, ...r.cells]);
  for (const n of t.notes) lines.push([n]);
  const text = lines.map((cells) => padTo(cells, width).map(spreadsheetCell).map(csvField).join(","));
  return `\uFEFF${text.join("\n")}\n`;
}

function padTo(cells: string[], width: number): string[] {
  const out = cells.slice();
  while (out.length < width) out.push("");
  return out;
}

/**
 * A cell as a spreadsheet will show it: text a spreadsheet would convert (a number, a parenthesised
 * number, a leading sign, "=" or "@") is wrapped as the formula ="…" so it is displayed exactly as
 * printed; other text (labels, notes) is kept. Formula strings are limited to 255 characters, so a
 * longer text that would need wrapping gets a leading space instead.
 * @example spreadsheetCell("(0.7600)"); // '="(0.7600)"'
 */
export function spreadsheetCell(s: string): string {
  const flat = s.replace(/\s*[\r\n]+\s*/g, " ");
  if (!/^[=+\-@]|^\(?[\d.]/.test(flat)) return flat;
  if (flat.length > 250) return ` ${flat}`;
  return `="${flat.replace(/"/g, '""')}"`;
}

/**
 * One CSV field with RFC 4180 quoting (quoted when it holds a comma, quote, line break or edge space).
 * @example csvField('a,b'); // '"a,b"'
 */
export function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
