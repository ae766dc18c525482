/**
 * Percentiles by Stata's default definition (`_pctile`, `summarize, detail`, `pctile` without
 * `altdef`): with x(1) ≤ … ≤ x(n) the non-missing values and P = n·p/100, the p-th percentile is
 * (x(P) + x(P+1))/2 when P is an integer and x(⌈P⌉) otherwise. With weights w (order statistics
 * carrying their weights, W_i the cumulative weight, W the total) P = W·p/100 and the percentile is
 * (x(i) + x(i+1))/2 when W_i = P and x(i) for the first i with W_i > P.
 *
 * "P is an integer" is decided with a relative tolerance of 1e-12, so that e.g. n = 3000 and
 * p = 1.1 (n·p/100 = 33.00000000000001 in binary floating point) counts as the integer 33. (Whether
 * Stata applies such a fuzz has not been verified against Stata itself.)
 */
import { numberArg, numericArg, sameLength } from "./validate.js";

const INTEGER_TOL = 1e-12;

function nearInteger(v: number): number | undefined {
  const r = Math.round(v);
  return Math.abs(v - r) <= INTEGER_TOL * Math.max(1, Math.abs(v)) ? r : undefined;
}

/**
 * The p-th percentile of values sorted ascending (no NaN), Stata's definition.
 * @example sortedPctile(Float64Array.of(1, 2, 3, 4), 50); // 2.5
 */
export function sortedPctile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const P = (n * p) / 100;
  const i = nearInteger(P);
  if (i !== undefined) {
    if (i <= 0) return sorted[0];
    if (i >= n) return sorted[n - 1];
    return (sorted[i - 1] + sorted[i]) / 2;
  }
  const c = Math.ceil(P);
  return sorted[Math.min(Math.max(c, 1), n) - 1];
}

/**
 * The weighted p-th percentile of values sorted ascending with their weights (all > 0), Stata's definition.
 * @example weightedSortedPctile(Float64Array.of(1, 2), Float64Array.of(1, 3), 50); // 2
 */
export function weightedSortedPctile(
  sorted: ArrayLike<number>,
  weights: ArrayLike<number>,
  p: number,
): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  const P = (total * p) / 100;
  const tol = INTEGER_TOL * Math.max(1, Math.abs(P));
  let cum = 0;
  for (let i = 0; i < n; i++) {
    cum += weights[i];
    if (Math.abs(cum - P) <= tol) return i + 1 < n ? (sorted[i] + sorted[i + 1]) / 2 : sorted[i];
    if (cum > P) return sorted[i];
  }
  return sorted[n - 1];
}

/**
 * The p-th percentile (0 ≤ p ≤ 100) of the non-missing values of x, as Stata's `_pctile` computes
 * it; with `weights` (≥ 0; rows with zero or missing weight are left out) the weighted definition.
 * NaN when x has no non-missing value.
 * @example pctile(Float64Array.of(3, 1, NaN, 2, 4), 25); // 1.5 (P = 4·25/100 = 1 → (x(1)+x(2))/2)
 */
export function pctile(x: Float64Array, p: number, weights?: Float64Array): number {
  numericArg("pctile", "x", x);
  numberArg("pctile", "p", p, { min: 0, max: 100 });
  if (weights === undefined) return sortedPctile(sortedNonMissing(x), p);
  numericArg("pctile", "weights", weights);
  sameLength("pctile", [
    ["x", x.length],
    ["weights", weights.length],
  ]);
  const { values, w } = sortedWeighted(x, weights, "pctile");
  return weightedSortedPctile(values, w, p);
}

/**
 * The non-missing values of x, sorted ascending.
 * @example sortedNonMissing(Float64Array.of(2, NaN, 1)); // Float64Array [1, 2]
 */
export function sortedNonMissing(x: Float64Array): Float64Array {
  let m = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) m++;
  const out = new Float64Array(m);
  m = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) out[m++] = x[i];
  return out.sort();
}

/**
 * Values with positive, non-missing weight sorted ascending, with their weights; negative weights are an error.
 * @example sortedWeighted(Float64Array.of(2, 1), Float64Array.of(1, 3), "f"); // { values: [1, 2], w: [3, 1] }
 */
export function sortedWeighted(
  x: Float64Array,
  weights: Float64Array,
  fn: string,
): { values: Float64Array; w: Float64Array } {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const wi = weights[i];
    if (wi < 0 || wi === Number.POSITIVE_INFINITY) {
      throw new Error(`${fn}: weights must be finite and ≥ 0, found ${wi} at index ${i}`);
    }
    if (!Number.isNaN(x[i]) && wi > 0) idx.push(i);
  }
  idx.sort((a, b) => x[a] - x[b] || a - b);
  const values = new Float64Array(idx.length);
  const w = new Float64Array(idx.length);
  idx.forEach((i, r) => {
    values[r] = x[i];
    w[r] = weights[i];
  });
  return { values, w };
}
