/**
 * Study B's industry-structure upgrading index, eq. (16): TS_it = tertiary VA / secondary VA.
 */
import { type CellTable, cellTable } from "./cell-table.js";
import { groupRows, isKeyColumn, type KeyColumn, keyValue } from "./keys.js";
import { keyArg, keyLen, numericArg, sameLength } from "./validate.js";

/**
 * Eq. (16) of study B, in two forms.
 *
 * `upgradingIndex(tertiary, secondary)`: row by row tertiary / secondary value added (e.g. WDI
 * services and industry value added per economy-year, same currency). Missing inputs or a
 * secondary value ≤ 0 give NaN; a negative tertiary value is an error.
 *
 * `upgradingIndex(valueAdded, sector, unit, time)`: from sector rows, Σ VA of the rows whose
 * `sector` is 3 (tertiary) over Σ VA of the rows whose `sector` is 2 (secondary), per (unit, time)
 * cell; rows with sector 1 (primary) are ignored, any other sector value is an error. A missing VA
 * in a secondary or tertiary row makes the cell NaN, as does a secondary total ≤ 0.
 * @example upgradingIndex(Float64Array.of(6), Float64Array.of(4)); // [1.5]
 */
export function upgradingIndex(tertiary: Float64Array, secondary: Float64Array): Float64Array;
/**
 * Eq. (16) from sector rows: Σ tertiary (sector 3) VA / Σ secondary (sector 2) VA per (unit, time).
 * @example upgradingIndex(va, Int32Array.of(2, 3), Int32Array.of(1, 1), Int32Array.of(2000, 2000)).value;
 */
export function upgradingIndex(
  valueAdded: Float64Array,
  sector: KeyColumn,
  unit: KeyColumn,
  time: KeyColumn,
): CellTable;
export function upgradingIndex(
  a: Float64Array,
  b: Float64Array | KeyColumn,
  unit?: KeyColumn,
  time?: KeyColumn,
): Float64Array | CellTable {
  const fn = "upgradingIndex";
  if (unit === undefined && time === undefined) {
    const tertiary = numericArg(fn, "tertiary", a);
    const secondary = numericArg(fn, "secondary", b);
    const n = sameLength(fn, [
      ["tertiary", tertiary.length],
      ["secondary", secondary.length],
    ]);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (tertiary[i] < 0) throw new Error(`${fn}: tertiary is negative (${tertiary[i]}) at index ${i}`);
      out[i] = secondary[i] > 0 ? tertiary[i] / secondary[i] : Number.NaN;
    }
    return out;
  }
  const valueAdded = numericArg(fn, "valueAdded", a);
  if (!isKeyColumn(b)) keyArg(fn, "sector", b);
  const sector = b as KeyColumn;
  const u = keyArg(fn, "unit", unit);
  const t = keyArg(fn, "time", time);
  const n = sameLength(fn, [
    ["valueAdded", valueAdded.length],
    keyLen("sector", sector),
    keyLen("unit", u),
    keyLen("time", t),
  ]);
  const cells = groupRows([u, t], n);
  const sec = new Float64Array(cells.count);
  const ter = new Float64Array(cells.count);
  for (let i = 0; i < n; i++) {
    const s = keyValue(sector, i);
    const code = typeof s === "string" ? Number(s) : s;
    if (code !== 1 && code !== 2 && code !== 3) {
      throw new Error(
        `${fn}: sector must be 1 (primary), 2 (secondary) or 3 (tertiary), found ${s === undefined ? "a missing value" : JSON.stringify(s)} at index ${i}`,
      );
    }
    const c = cells.group[i];
    if (c < 0) continue;
    if (code === 2) sec[c] += valueAdded[i];
    else if (code === 3) ter[c] += valueAdded[i];
  }
  const value = new Float64Array(cells.count);
  for (let c = 0; c < cells.count; c++) value[c] = sec[c] > 0 ? ter[c] / sec[c] : Number.NaN;
  return cellTable(u, t, cells, value);
}
