/**
 * Tail probabilities computed from the regularised incomplete beta and gamma functions (stdlib), so
 * that tiny p-values (1e-80) keep full relative precision instead of underflowing as 1 − cdf.
 */
import betainc from "@stdlib/math-base-special-betainc";
import erfc from "@stdlib/math-base-special-erfc";
import gammainc from "@stdlib/math-base-special-gammainc";

/**
 * Two-sided p-value of a t statistic with `df` degrees of freedom.
 * @example pT(1.96, 1000); // ≈ 0.0503
 */
export function pT(t: number, df: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? Number.NaN : 0;
  if (!(df > 0)) return Number.NaN;
  return betainc(df / (df + t * t), df / 2, 0.5, true, false);
}

/**
 * Upper-tail p-value of an F statistic with (d1, d2) degrees of freedom.
 * @example pF(3.84, 1, 1e6); // ≈ 0.05
 */
export function pF(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f) || !(d1 > 0) || !(d2 > 0)) return Number.NaN;
  if (f <= 0) return 1;
  if (!Number.isFinite(f)) return 0;
  return betainc(d2 / (d2 + d1 * f), d2 / 2, d1 / 2, true, false);
}

/**
 * Upper-tail p-value of a χ² statistic with `df` degrees of freedom.
 * @example pChi2(3.841458820694124, 1); // ≈ 0.05
 */
export function pChi2(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  return gammainc(x / 2, df / 2, true, true);
}

/**
 * Two-sided p-value of a standard normal statistic.
 * @example pNorm(1.959963984540054); // ≈ 0.05
 */
export function pNorm(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return erfc(Math.abs(z) / Math.SQRT2);
}
