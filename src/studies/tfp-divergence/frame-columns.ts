/**
 * Small helpers to read typed columns from a frame and to extend a frame with computed columns.
 */
import type { CategoricalColumn, Column, Frame } from "../../frame/frame.js";
import { getColumn } from "../../frame/frame.js";

/**
 * The numeric column `name` (an error if it is text).
 * @example const y = num(frame, "ctfp");
 */
export function num(frame: Frame, name: string): Float64Array {
  const c = getColumn(frame, name);
  if (c.type !== "number") throw new Error(`${frame.source ?? "frame"}: column "${name}" should be numeric`);
  return c.values;
}

/**
 * The categorical column `name` (an error if it is numeric).
 * @example const iso3 = cat(frame, "iso3");
 */
export function cat(frame: Frame, name: string): CategoricalColumn {
  const c = getColumn(frame, name);
  if (c.type !== "category") throw new Error(`${frame.source ?? "frame"}: column "${name}" should be text`);
  return c;
}

/**
 * A new frame with extra (or replaced) columns appended in the given order.
 * @example const f2 = withColumns(frame, { Exposure: exposure });
 */
export function withColumns(
  frame: Frame,
  extra: Readonly<Record<string, Float64Array | CategoricalColumn>>,
): Frame {
  const columns: Record<string, Column> = { ...frame.columns };
  const names = [...frame.names];
  for (const [name, col] of Object.entries(extra)) {
    const length = col instanceof Float64Array ? col.length : col.codes.length;
    if (length !== frame.nrows)
      throw new Error(
        `${frame.source ?? "frame"}: new column "${name}" has ${length} rows, the frame ${frame.nrows}`,
      );
    columns[name] = col instanceof Float64Array ? { type: "number", values: col } : col;
    if (!names.includes(name)) names.push(name);
  }
  return { nrows: frame.nrows, names, columns, source: frame.source };
}

/**
 * Element-wise map of one or more numeric columns into a new one.
 * @example const lnsize = mapColumns([go], (g) => Math.log(g));
 */
export function mapColumns(cols: readonly Float64Array[], f: (...v: number[]) => number): Float64Array {
  const n = cols[0].length;
  const out = new Float64Array(n);
  const args = new Array<number>(cols.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < cols.length; j++) args[j] = cols[j][i];
    const v = f(...args);
    out[i] = Number.isFinite(v) ? v : Number.NaN;
  }
  return out;
}

/**
 * The level text of a categorical column at each row ("" when missing).
 * @example levelsOf(cat(frame, "iso3"))[0]; // "AUS"
 */
export function levelsOf(c: CategoricalColumn): string[] {
  return Array.from(c.codes, (code) => (code < 0 ? "" : c.levels[code]));
}
