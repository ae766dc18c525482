/**
 * Standardisation (z-scores) as Stata's `egen z = std(x)`: (x − mean) / s.d. with the n−1 s.d.
 */
import { groupMeans } from "./group-mean.js";
import { groupRows, type KeyColumn } from "./keys.js";
import { keyLen, keysArg, numericArg, optionsArg, sameLength } from "./validate.js";

/** Options of {@link standardize}. */
export interface StandardizeOptions {
  /** Standardise within the groups of this key (or combination of keys). */
  readonly by?: KeyColumn | readonly KeyColumn[];
}

/**
 * (x − mean(x)) / sd(x), mean and s.d. (denominator n−1) over the non-missing values. Missing x
 * stays missing. Without `by`, fewer than two non-missing values or a zero s.d. is an error; with
 * `by`, such groups (and rows with a missing group key) get NaN, as `egen std()` gives missing.
 * @example standardize(Float64Array.of(1, 2, 3)); // Float64Array [-1, 0, 1]
 */
export function standardize(x: Float64Array, opts?: StandardizeOptions): Float64Array {
  const fn = "standardize";
  numericArg(fn, "x", x);
  const o = optionsArg(fn, opts);
  const n = x.length;
  let group: Int32Array;
  let count: number;
  if (o.by === undefined) {
    group = new Int32Array(n);
    count = 1;
  } else {
    const keys = keysArg(fn, "by", o.by);
    sameLength(fn, [["x", n], ...keys.map((k, j) => keyLen(keys.length > 1 ? `by[${j}]` : "by", k))]);
    ({ group, count } = groupRows(keys, n));
  }
  const { mean, n: cnt } = groupMeans(x, group, count);
  const ss = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const g = group[i];
    if (g < 0 || Number.isNaN(x[i])) continue;
    const d = x[i] - mean[g];
    ss[g] += d * d;
  }
  const sd = new Float64Array(count);
  for (let g = 0; g < count; g++) sd[g] = cnt[g] > 1 ? Math.sqrt(ss[g] / (cnt[g] - 1)) : Number.NaN;
  if (o.by === undefined && !(sd[0] > 0)) {
    throw new Error(
      `${fn}: x has ${cnt[0]} non-missing value(s)${cnt[0] > 1 ? " and zero standard deviation" : ""}; ` +
        `a z-score needs at least two distinct values`,
    );
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = group[i];
    out[i] = g < 0 || !(sd[g] > 0) ? Number.NaN : (x[i] - mean[g]) / sd[g];
  }
  return out;
}
