/**
 * A frame restricted to some rows (split samples: one industry, one class of economies).
 */
import type { Column, Frame } from "./frame.js";

/**
 * The rows of `frame` where `keep(i)` is true, all columns, in order.
 * @example const c29 = filterRows(frame, (i) => industry.codes[i] === code, "motor vehicles");
 */
export function filterRows(frame: Frame, keep: (row: number) => boolean, label: string): Frame {
  const all = new Int32Array(frame.nrows);
  let m = 0;
  for (let i = 0; i < frame.nrows; i++) if (keep(i)) all[m++] = i;
  const rows = all.subarray(0, m);
  const columns: Record<string, Column> = {};
  for (const name of frame.names) {
    const c = frame.columns[name];
    columns[name] =
      c.type === "number"
        ? { type: "number", values: gather(c.values, rows, new Float64Array(m)) }
        : { type: "category", codes: gather(c.codes, rows, new Int32Array(m)), levels: c.levels };
  }
  return { nrows: m, names: frame.names, columns, source: `${frame.source ?? "frame"} (${label})` };
}

/** out[k] = src[rows[k]] (a typed-array loop: much faster than `TypedArray.from` with a map function). */
function gather<T extends Float64Array | Int32Array>(src: T, rows: Int32Array, out: T): T {
  for (let k = 0; k < rows.length; k++) out[k] = src[rows[k]];
  return out;
}
