/**
 * Rendering a table summary as aligned text: variable | type | N | missing | mean | s.d. | min | max.
 */
import { alignColumns, columnWidths } from "../text/align-columns.js";
import { truncateDisplay } from "../text/display-width.js";
import type { DescribeRow } from "./describe-table.js";

/**
 * A number for the summary table: integers in full, others with 6 significant digits; "." for none.
 * @example formatStat(13.263455) // => "13.2635"
 */
export function formatStat(v: number | string | null): string {
  if (v === null) return ".";
  if (typeof v === "string") return truncateDisplay(v, 24);
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
  const widths = columnWidths([header, ...body]);
  const [head, ...lines] = alignColumns([header, ...body], 2);
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const labelled = rows.filter((r) => r.label !== "");
  const labels = labelled.length ? `\n${labelled.map((r) => `  ${r.name}: ${r.label}`).join("\n")}\n` : "";
  return `${source}: ${nrows} rows, ${rows.length} columns\n${head}\n${rule}\n${lines.join("\n")}\n${labels}`;
}
