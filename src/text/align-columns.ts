/** Plain-text tables for the console, aligned by display width so Chinese names and values line up. */
import { displayWidth, padEndDisplay, padStartDisplay } from "./display-width.js";

/**
 * Lay out rows as aligned text lines: the first `leftColumns` columns padded on the right, the
 * others (numbers) on the left, columns separated by two spaces, trailing blanks trimmed.
 * @example alignColumns([["变量", "N"], ["robot", "12"]], 1); // ["变量     N", "robot   12"]
 */
export function alignColumns(rows: readonly (readonly string[])[], leftColumns = 1): string[] {
  const widths = columnWidths(rows);
  return rows.map((cells) =>
    cells
      .map((c, j) => (j < leftColumns ? padEndDisplay(c, widths[j]) : padStartDisplay(c, widths[j])))
      .join("  ")
      .trimEnd(),
  );
}

/**
 * Display widths of each column of `rows` (the widest cell per column).
 * @example columnWidths([["中国", "1"]]); // [4, 1]
 */
export function columnWidths(rows: readonly (readonly string[])[]): number[] {
  const ncol = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: ncol }, (_, j) => Math.max(0, ...rows.map((r) => displayWidth(r[j] ?? ""))));
}
