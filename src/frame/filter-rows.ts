/**
 * A frame restricted to some rows (split samples: one industry, one class of economies).
 */
import type { Column, Frame } from "./frame.js";

/**
 * The rows of `frame` where `keep(i)` is true, all columns, in order.
 * @example const c29 = filterRows(frame, (i) => industry.codes[i] === code, "motor vehicles");
 */
export function filterRows(frame: Frame, keep: (row: number) => boolean, label: string): Frame {
  const rows: number[] = [];
  for (let i = 0; i < frame.nrows; i++) if (keep(i)) rows.push(i);
  const columns: Record<string, Column> = {};
  for (const name of frame.names) {
    const c = frame.columns[name];
    columns[name] =
      c.type === "number"
        ? { type: "number", values: Float64Array.from(rows, (i) => c.values[i]) }
        : { type: "category", codes: Int32Array.from(rows, (i) => c.codes[i]), levels: c.levels };
  }
  return { nrows: rows.length, names: frame.names, columns, source: `${frame.source ?? "frame"} (${label})` };
}
