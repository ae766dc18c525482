/**
 * A Wald test that several coefficients are jointly zero, from a result's coefficient vector and
 * covariance matrix (the Chow-type test of equal slopes across two groups), on the engine's Wald F
 * test (`modelFTest`).
 */
import { modelFTest } from "../../estimate/fit-stats.js";
import type { EstimationResult } from "../../estimate/result.js";
import { submatrix } from "../../linalg/dense.js";
import { cholesky } from "../../linalg/cholesky.js";

/** F statistic, degrees of freedom and p-value. */
export interface WaldTest {
  readonly f: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
}

/**
 * F = b'V⁻¹b / q for the named terms (q of them), p from F(q, residual df). Terms dropped as
 * collinear are left out; null when none remains, the residual df is unknown, or their covariance
 * matrix is not positive definite (the test does not exist).
 * @example waldZero(result, ["Exposure:High", "Hc:High"]);
 */
export function waldZero(result: EstimationResult, terms: readonly string[]): WaldTest | null {
  const names = result.vcov.terms;
  const idx = terms.map((t) => names.indexOf(t)).filter((i) => i >= 0);
  const df2 = result.dof.resid;
  if (idx.length === 0 || df2 === null) return null;
  const b = names.map((name) => {
    const row = result.coefficients.find((c) => c.term === name);
    if (!row) throw new Error(`waldZero: term "${name}" has a variance but no coefficient`);
    return row.estimate;
  });
  const k = names.length;
  const v = Float64Array.from(result.vcov.matrix.flat());
  if (cholesky(submatrix(v, k, idx, idx), idx.length) === null) return null;
  const { f, f_p } = modelFTest(b, v, idx, df2);
  if (f === null || f_p === null) return null;
  return { f, df1: idx.length, df2, p: f_p };
}
