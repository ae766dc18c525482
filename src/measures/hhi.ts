/**
 * The Herfindahl–Hirschman index of sales concentration within groups (study A's `cic4_hhi`:
 * CIC 4-digit industry × year).
 */
import { groupRows, type KeyColumn } from "./keys.js";
import { keyLen, keysArg, numericArg, sameLength } from "./validate.js";

/**
 * HHI_g = Σ_i (s_i / Σ_k s_k)² over the firms i of group g (shares as fractions, so 1 = monopoly,
 * 1/n for n equal firms), returned at every row of the group — including rows whose own sales are
 * missing, since the index describes the group. Missing sales are left out of the sums; a group
 * whose sales are all missing or sum to 0, and rows with a missing group key, get NaN. Negative
 * sales are an error.
 * @example hhi(Float64Array.of(1, 1, 2), Int32Array.of(7, 7, 7)); // [0.375, 0.375, 0.375]
 */
export function hhi(sales: Float64Array, by: KeyColumn | readonly KeyColumn[]): Float64Array {
  const fn = "hhi";
  numericArg(fn, "sales", sales);
  const keys = keysArg(fn, "by", by);
  const n = sameLength(fn, [
    ["sales", sales.length],
    ...keys.map((k, j) => keyLen(keys.length > 1 ? `by[${j}]` : "by", k)),
  ]);
  const { group, count } = groupRows(keys, n);
  const total = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const s = sales[i];
    if (s < 0) throw new Error(`${fn}: sales is negative (${s}) at index ${i}; sales must be ≥ 0`);
    if (group[i] >= 0 && !Number.isNaN(s)) total[group[i]] += s;
  }
  const sumSq = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const g = group[i];
    if (g < 0 || Number.isNaN(sales[i])) continue;
    const share = sales[i] / total[g];
    sumSq[g] += share * share;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = group[i];
    out[i] = g < 0 || !(total[g] > 0) ? Number.NaN : sumSq[g];
  }
  return out;
}
