/**
 * Study A's regressor robot_jt: city j's robot imports in year t as a share of national robot
 * imports in t.
 */
import { groupRows, type KeyColumn } from "./keys.js";
import { keyArg, keyLen, numericArg, sameLength } from "./validate.js";

/**
 * Each unit's share of the time total, returned at every input row: Σ value over the rows of the
 * row's (unit, t) divided by Σ value over all rows of t. Rows may be transactions (several per unit
 * and year; each gets its unit-year's share) or one row per unit-year. Sums skip missing values (as
 * Stata's `collapse (sum)`/`egen total()`), but a unit-year whose values are all missing gets NaN,
 * and so does a year whose total is 0; rows with a missing unit or year are left out of both sums
 * and get NaN. Negative values are an error. Units of `value` are irrelevant (shares are unit-free).
 * @example cityShare(Float64Array.of(1, 3, 2, 2), Int32Array.of(1, 2, 1, 2), Int32Array.of(2000, 2000, 2001, 2001)); // [0.25, 0.75, 0.5, 0.5]
 */
export function cityShare(value: Float64Array, unit: KeyColumn, time: KeyColumn): Float64Array {
  const fn = "cityShare";
  numericArg(fn, "value", value);
  keyArg(fn, "unit", unit);
  keyArg(fn, "time", time);
  const n = sameLength(fn, [["value", value.length], keyLen("unit", unit), keyLen("time", time)]);
  for (let i = 0; i < n; i++) {
    if (value[i] < 0)
      throw new Error(`${fn}: value is negative (${value[i]}) at index ${i}; import values must be ≥ 0`);
  }
  const cells = groupRows([unit, time], n);
  const years = groupRows([time], n);
  const cellSum = new Float64Array(cells.count);
  const cellCount = new Int32Array(cells.count);
  const yearSum = new Float64Array(years.count);
  for (let i = 0; i < n; i++) {
    const c = cells.group[i];
    if (c < 0 || Number.isNaN(value[i])) continue;
    cellSum[c] += value[i];
    cellCount[c]++;
    yearSum[years.group[i]] += value[i];
  }
  const share = new Float64Array(cells.count);
  for (let c = 0; c < cells.count; c++) {
    const total = yearSum[years.group[cells.firstRow[c]]];
    share[c] = cellCount[c] > 0 && total > 0 ? cellSum[c] / total : Number.NaN;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = cells.group[i] < 0 ? Number.NaN : share[cells.group[i]];
  return out;
}
