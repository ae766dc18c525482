/**
 * Rendering a table summary as aligned text: variable | type | N | missing | mean | s.d. | min | max.
 */
import type { DescribeRow } from "./describe-table.js";

/**
 * A number for the summary table: integers in full, others with 6 significant digits; "." for none.
 * @example formatStat(13.263455) // => "13.2635"
 */
export function formatStat(v: number | string | null): string {
  if (v === null) return ".";
  if (typeof v === "string") return v.length > 24 ? `${v.slice(0, 23)}…` : v;
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  return String(Number(v.toPrecision(6)));
}

/**
 * The summary as lines of aligned text, with a title line naming the source.
 * @example process.stdout.write(describeText("card.csv", 3010, rows));
 */
export function describeText(source: string, nrows: number, rows: readonly DescribeRow[]): string {
  const header = ["variable", "type", "N", "missing", "mean", "s.d.", "min", "max"];
  const body = rows.map((r) => [
    r.name,
    r.type.toLowerCase(),
    String(r.n),
    String(r.missing),
    formatStat(r.mean),
    formatStat(r.sd),
    formatStat(r.min),
    formatStat(r.max),
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((b) => [...b[j]].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, j) => (j < 2 ? c.padEnd(widths[j]) : c.padStart(widths[j])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const labelled = rows.filter((r) => r.label !== "");
  const labels = labelled.length ? `\n${labelled.map((r) => `  ${r.name}: ${r.label}`).join("\n")}\n` : "";
  return `${source}: ${nrows} rows, ${rows.length} columns\n${line(header)}\n${rule}\n${body.map(line).join("\n")}\n${labels}`;
}
