/**
 * Convert a whole-file `.dta` table into the engine's {@link Frame}.
 */
import type { Column, Frame } from "../../frame/frame.js";
import { type CategoricalOptions, stringsToCategorical } from "./categorical.js";
import type { DtaTable } from "./types.js";

/**
 * A Frame of the table: numeric variables (dates included, as Stata day/ms counts) become numeric
 * columns, strings become categorical columns ("" is missing unless told otherwise).
 * @example const frame = dtaToFrame(await readDta("firms.dta"), "firms.dta");
 */
export function dtaToFrame(table: DtaTable, source?: string, opts: CategoricalOptions = {}): Frame {
  const names = table.meta.variables.map((v) => v.name);
  const columns: Record<string, Column> = Object.create(null);
  table.columns.forEach((col, j) => {
    columns[names[j]] =
      col instanceof Float64Array ? { type: "number", values: col } : stringsToCategorical(col, opts);
  });
  return { nrows: table.meta.nrows, names, columns, source };
}
