/**
 * Study B's productivity divergence, eq. (13): Var_TFP_ijt = |TFP_ijt − Mean_TFP_jt| / Mean_TFP_jt.
 */
import { groupMeans } from "./group-mean.js";
import { groupRows, type KeyColumn } from "./keys.js";
import { keyLen, keysArg, numericArg, sameLength } from "./validate.js";

/**
 * |x − m_g| / m_g with m_g the mean of the non-missing x in the row's group `by` (industry × year
 * for the industry panel, year for the country panel). Missing x, a missing group key, or a group
 * mean of 0 give NaN. The measure is scale-free (multiplying x by c > 0 leaves it unchanged) and is
 * meant for positive TFP levels; with a negative group mean the ratio is negative.
 * @example divergence(Float64Array.of(1, 3), Int32Array.of(2000, 2000)); // [0.5, 0.5]
 */
export function divergence(tfp: Float64Array, by: KeyColumn | readonly KeyColumn[]): Float64Array {
  const fn = "divergence";
  numericArg(fn, "tfp", tfp);
  const keys = keysArg(fn, "by", by);
  const n = sameLength(fn, [
    ["tfp", tfp.length],
    ...keys.map((k, j) => keyLen(keys.length > 1 ? `by[${j}]` : "by", k)),
  ]);
  const { group, count } = groupRows(keys, n);
  const { mean } = groupMeans(tfp, group, count);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = group[i];
    const m = g < 0 ? Number.NaN : mean[g];
    out[i] = m === 0 ? Number.NaN : Math.abs(tfp[i] - m) / m;
  }
  return out;
}
