/**
 * Frames of text and number columns built from plain arrays, with text columns always categorical
 * (even when every value is missing), for registering small result tables in DuckDB.
 */
import type { Column, Frame } from "../../frame/frame.js";

/**
 * A frame from arrays: string arrays (null = missing) become categorical columns, Float64Arrays
 * numeric ones.
 * @example const f = textFrame({ name: ["甲", null], score: Float64Array.of(1, 2) }, "review");
 */
export function textFrame(
  data: Readonly<Record<string, readonly (string | null)[] | Float64Array>>,
  source: string,
): Frame {
  const names = Object.keys(data);
  const nrows = names.length ? data[names[0]].length : 0;
  const columns: Record<string, Column> = {};
  for (const name of names) {
    const values = data[name];
    if (values.length !== nrows)
      throw new Error(`${source}: column ${name} has ${values.length} rows, not ${nrows}`);
    if (values instanceof Float64Array) {
      columns[name] = { type: "number", values };
      continue;
    }
    const index = new Map<string, number>();
    const levels: string[] = [];
    const codes = new Int32Array(nrows);
    values.forEach((v, i) => {
      if (v === null) {
        codes[i] = -1;
        return;
      }
      let c = index.get(v);
      if (c === undefined) {
        c = levels.length;
        levels.push(v);
        index.set(v, c);
      }
      codes[i] = c;
    });
    columns[name] = { type: "category", codes, levels };
  }
  return { nrows, names, columns, source };
}
