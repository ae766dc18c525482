/**
 * A Wald test that several coefficients are jointly zero, from a result's coefficient vector and
 * covariance matrix (the Chow-type test of equal slopes across two groups).
 */
import { pF } from "../../estimate/pvalues.js";
import type { EstimationResult } from "../../estimate/result.js";
import { cholesky, invSPD } from "../../linalg/cholesky.js";

/** F statistic, degrees of freedom and p-value. */
export interface WaldTest {
  readonly f: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
}

/**
 * F = b'V⁻¹b / q for the named terms (q of them), p from F(q, residual df). Terms dropped as
 * collinear are left out; null when none remains or the residual df is unknown.
 * @example waldZero(result, ["Exposure:High", "Hc:High"]);
 */
export function waldZero(result: EstimationResult, terms: readonly string[]): WaldTest | null {
  const names = result.vcov.terms;
  const idx = terms.map((t) => names.indexOf(t)).filter((i) => i >= 0);
  const df2 = result.dof.resid;
  if (idx.length === 0 || df2 === null) return null;
  const b = idx.map((i) => {
    const row = result.coefficients.find((c) => c.term === names[i]);
    if (!row) throw new Error(`waldZero: term "${names[i]}" has a variance but no coefficient`);
    return row.estimate;
  });
  const q = idx.length;
  const v = new Float64Array(q * q);
  idx.forEach((i, r) => {
    idx.forEach((j, c) => {
      v[r * q + c] = result.vcov.matrix[i][j];
    });
  });
  if (cholesky(v, q) === null) return null;
  const vi = invSPD(v, q);
  let quad = 0;
  for (let r = 0; r < q; r++) for (let c = 0; c < q; c++) quad += b[r] * vi[r * q + c] * b[c];
  const f = quad / q;
  return { f, df1: q, df2, p: pF(f, q, df2) };
}
