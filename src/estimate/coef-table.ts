/** Coefficient rows (estimate, SE, t or z, p) from coefficients and their VCOV. */
import type { CoefficientRow } from "./result.js";
import { pNorm, pT } from "./pvalues.js";

/**
 * Rows for the named coefficients; `dfResid` null means normal (z) p-values.
 * @example coefficientRows(["x"], new Float64Array([2]), new Float64Array([0.25]), 100);
 */
export function coefficientRows(
  names: readonly string[],
  coef: ArrayLike<number>,
  vcov: Float64Array,
  dfResid: number | null,
): CoefficientRow[] {
  const k = names.length;
  return names.map((term, j) => {
    const estimate = coef[j];
    const se = Math.sqrt(Math.max(vcov[j * k + j], 0));
    const t = estimate / se;
    const p = dfResid === null ? pNorm(t) : pT(t, dfResid);
    return { term, estimate, se, t, p };
  });
}
