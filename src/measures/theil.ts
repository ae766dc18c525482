/**
 * Study B's industry-structure rationalisation Theil index, eq. (15):
 * TL_it = Σ_j (y_ijt / Y_it) · ln((y_ijt / l_ijt) / (Y_it / L_it)).
 */
import { type CellTable, cellTable } from "./cell-table.js";
import { groupRows, type KeyColumn } from "./keys.js";
import { keyArg, keyLen, numericArg, sameLength } from "./validate.js";

/**
 * The Theil index of each (unit, time) cell from its sector rows: `valueAdded` y_ijt and
 * `employment` l_ijt of sector j (one row per unit × sector × year; any currency and any employment
 * unit — the index is invariant to rescaling either), with Y_it, L_it the sums over the cell's rows.
 * It is 0 when every sector has the same labour productivity.
 *
 * Missing values are not skipped (dropping a sector would change the totals): a cell with a missing
 * y or l in any row gets NaN. A sector with y = 0 contributes 0 (the limit of s·ln s); a cell with a
 * negative y or l, or with l = 0 where y > 0, gets NaN (the log is undefined).
 * @example theilRationalization(Float64Array.of(2, 2), Float64Array.of(1, 3), Int32Array.of(1, 1), Int32Array.of(2000, 2000)).value; // [0.5·ln(2/1) + 0.5·ln((2/3)/1)]
 */
export function theilRationalization(
  valueAdded: Float64Array,
  employment: Float64Array,
  unit: KeyColumn,
  time: KeyColumn,
): CellTable {
  const fn = "theilRationalization";
  numericArg(fn, "valueAdded", valueAdded);
  numericArg(fn, "employment", employment);
  keyArg(fn, "unit", unit);
  keyArg(fn, "time", time);
  const n = sameLength(fn, [
    ["valueAdded", valueAdded.length],
    ["employment", employment.length],
    keyLen("unit", unit),
    keyLen("time", time),
  ]);
  const cells = groupRows([unit, time], n);
  const Y = new Float64Array(cells.count);
  const L = new Float64Array(cells.count);
  const bad = new Uint8Array(cells.count);
  for (let i = 0; i < n; i++) {
    const c = cells.group[i];
    if (c < 0) continue;
    const y = valueAdded[i];
    const l = employment[i];
    if (!(y >= 0) || !(l >= 0) || (l === 0 && y > 0)) bad[c] = 1;
    Y[c] += y;
    L[c] += l;
  }
  const tl = new Float64Array(cells.count);
  for (let i = 0; i < n; i++) {
    const c = cells.group[i];
    if (c < 0 || bad[c]) continue;
    const y = valueAdded[i];
    if (y === 0) continue;
    const share = y / Y[c];
    tl[c] += share * Math.log(share / (employment[i] / L[c]));
  }
  for (let c = 0; c < cells.count; c++) if (bad[c] || !(Y[c] > 0) || !(L[c] > 0)) tl[c] = Number.NaN;
  return cellTable(unit, time, cells, tl);
}
