/**
 * Small operations on frames the pipeline needs between SQL and estimation: reading a numeric
 * column, adding columns, and keeping a subset of rows.
 */
import type { Column, Frame } from "../../frame/frame.js";

/**
 * The values of numeric column `name`, or an error naming the frame.
 * @example const y = numericColumn(panel, "lnspatent");
 */
export function numericColumn(frame: Frame, name: string): Float64Array {
  const c = frame.columns[name];
  if (!c) throw new Error(`${frame.source ?? "frame"}: no column "${name}"`);
  if (c.type !== "number")
    throw new Error(`${frame.source ?? "frame"}: column "${name}" is text, a number was expected`);
  return c.values;
}

/**
 * How many values of numeric column `name` are missing.
 * @example countMissing(panel, "us_lnlp"); // makers whose CIC industry has no NBER-CES row
 */
export function countMissing(frame: Frame, name: string): number {
  let n = 0;
  for (const v of numericColumn(frame, name)) if (Number.isNaN(v)) n++;
  return n;
}

/**
 * The frame with numeric columns added (or replaced).
 * @example const f2 = withColumns(panel, { y: standardized });
 */
export function withColumns(frame: Frame, extra: Readonly<Record<string, Float64Array>>): Frame {
  const columns: Record<string, Column> = { ...frame.columns };
  const names = [...frame.names];
  for (const [name, values] of Object.entries(extra)) {
    if (values.length !== frame.nrows) {
      throw new Error(
        `${frame.source ?? "frame"}: new column "${name}" has ${values.length} rows, not ${frame.nrows}`,
      );
    }
    if (!(name in columns)) names.push(name);
    columns[name] = { type: "number", values };
  }
  return { ...frame, names, columns };
}

/**
 * Whether text column `name` holds `value` at row i, as a predicate over rows.
 * @example subsetRows(panel, textEquals(panel, "ownership", "state"), "SOEs");
 */
export function textEquals(frame: Frame, name: string, value: string): (i: number) => boolean {
  const c = frame.columns[name];
  if (c?.type !== "category") throw new Error(`${frame.source ?? "frame"}: no text column "${name}"`);
  const code = c.levels.indexOf(value);
  return (i) => code >= 0 && c.codes[i] === code;
}
