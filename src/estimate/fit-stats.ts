/** Fit statistics: R² (centred, uncentred, adjusted, within), RSS, RMSE and the model F test. */
import { invSym } from "../linalg/cholesky.js";
import { quadForm, submatrix } from "../linalg/dense.js";
import { pF } from "./pvalues.js";
import type { Convention } from "./vcov/compute.js";

export interface FitInput {
  /** The dependent variable before demeaning. */
  readonly y: Float64Array;
  /** After absorbing the fixed effects, or its Σ w·ỹ² when it is not stored (null without FE). */
  readonly yDemeaned: Float64Array | number | null;
  readonly weights: Float64Array | null;
  readonly rss: number;
  readonly nobs: number;
  readonly k: number;
  readonly dofminus: number;
  readonly sdofminus: number;
  readonly conv: Convention;
  /** Whether the model has an intercept (or fixed effects absorbing one); without, R² is uncentred (ivreg2). */
  readonly hasConstant: boolean;
}

/**
 * R², adjusted and within R², uncentred R², RSS, RMSE (Stata: √σ̂²; fixest: √(RSS/n)) and σ̂.
 * @example const fit = fitStatistics({ y, yDemeaned: null, weights: null, rss, nobs, k, dofminus: 0, sdofminus: 0, conv: "small" });
 */
export function fitStatistics(inp: FitInput) {
  const { y, weights: w, rss, nobs: N, k, conv } = inp;
  let sw = 0;
  let swy = 0;
  let swyy = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    swy += wi * y[i];
    swyy += wi * y[i] * y[i];
  }
  const mean = swy / sw;
  // The total sum of squares and the demeaned outcome's in one pass (separate sums, same order).
  const yd = inp.yDemeaned instanceof Float64Array ? inp.yDemeaned : null;
  let tss = 0;
  let tWithin = 0;
  if (yd)
    for (let i = 0; i < y.length; i++) {
      const wi = w ? w[i] : 1;
      tss += wi * (y[i] - mean) ** 2;
      tWithin += wi * yd[i] * yd[i];
    }
  else for (let i = 0; i < y.length; i++) tss += (w ? w[i] : 1) * (y[i] - mean) ** 2;
  const r2c = 1 - rss / tss;
  const r2u = 1 - rss / swyy;
  // ivreg2: R² is the centred one with a constant, the uncentred one without; adjusted accordingly.
  const r2 = inp.hasConstant ? r2c : r2u;
  let within: number | null = null;
  if (typeof inp.yDemeaned === "number") within = 1 - rss / inp.yDemeaned;
  else if (yd) within = 1 - rss / tWithin;
  const dfSmall = N - k - inp.dofminus - inp.sdofminus;
  const adj = 1 - ((1 - r2) * (inp.hasConstant ? N - 1 : N)) / dfSmall;
  const sigma2 = conv === "large" ? rss / (N - inp.dofminus) : rss / dfSmall;
  const rmse = conv === "fixest" ? Math.sqrt(rss / N) : Math.sqrt(sigma2);
  return {
    r2,
    adj_r2: adj,
    within_r2: within,
    // With absorbed FE, ivreghdfe reports the centred and uncentred R² of the partialled (demeaned)
    // model, i.e. the within R² (demeaned y has mean zero, so both coincide).
    r2_centered: within ?? r2c,
    r2_uncentered: within ?? r2u,
    rss,
    rmse,
    sigma: Math.sqrt(rss / dfSmall),
  };
}

/**
 * A coefficient whose variance is explained to within this fraction (1 − R² ≤ tol) by the variances of
 * the coefficients already swept is treated as collinear in the Wald test (a two-cluster VCOV has rank 1).
 */
export const WALD_COLLINEAR_TOL = 1e-8;

/**
 * Wald F test that the listed coefficients are all zero: F = b'V⁻¹b / q with (q, df) degrees of
 * freedom. V⁻¹ is a generalised inverse swept in coefficient order (as Stata's invsym), so a singular
 * VCOV (e.g. two clusters) still gives ivreg2's statistic.
 * @example const { f, f_p } = modelFTest(b, V, [0, 1], 100);
 */
export function modelFTest(
  b: readonly number[],
  v: Float64Array,
  idx: readonly number[],
  dfResid: number | null,
): { f: number | null; f_p: number | null; f_df: [number, number] | null } {
  const q = idx.length;
  if (!q || dfResid === null) return { f: null, f_p: null, f_df: null };
  const kk = b.length;
  const vs = submatrix(v, kk, idx, idx);
  const bs = Float64Array.from(idx, (i) => b[i]);
  const f = quadForm(bs, invSym(vs, q, WALD_COLLINEAR_TOL)) / q;
  return { f, f_p: pF(f, q, dfResid), f_df: [q, dfResid] };
}
