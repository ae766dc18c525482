/**
 * Hansen's J of the two-step efficient GMM estimator for a given moment covariance S (ivreg2's
 * `s_iegmm`/`s_egmm`): β = (Q_xz S⁻¹ Q_zx)⁻¹ Q_xz S⁻¹ Q_zy, J = N·ḡ'S⁻¹ḡ with ḡ = Z'W(y − Xβ)/N.
 * Solves fall back from Cholesky to pivoted elimination as ivreg2's `cholqrsolve` does.
 */
import { crossprod, crossprodVec } from "../../linalg/dense.js";
import { quadSolve, solveSym } from "../../linalg/symmetric.js";
import type { Setup } from "./setup.js";

/**
 * J statistic, or null when S (or the GMM normal matrix) is rank-deficient.
 * @example const j = efficientJ(setup, setup.z, setup.x, omega);
 */
export function efficientJ(
  s: Setup,
  z: readonly Float64Array[],
  x: readonly Float64Array[],
  omega: Float64Array,
): number | null {
  const w = s.w ?? undefined;
  const l = z.length;
  const k = x.length;
  const qxz = crossprod(x, z, w).map((v) => v / s.N);
  const qzy = crossprodVec(z, s.y, w).map((v) => v / s.N);
  const qzx = new Float64Array(l * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < l; j++) qzx[j * k + i] = qxz[i * l + j];
  const aux1 = solveSym(omega, l, qzx, k);
  const aux2 = solveSym(omega, l, qzy, 1);
  if (!aux1 || !aux2) return null;
  const m = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let acc = 0;
      for (let p = 0; p < l; p++) acc += qxz[i * l + p] * aux1[p * k + j];
      m[i * k + j] = acc;
    }
    for (let p = 0; p < l; p++) rhs[i] += qxz[i * l + p] * aux2[p];
  }
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++) m[i * k + j] = m[j * k + i] = (m[i * k + j] + m[j * k + i]) / 2;
  const beta = solveSym(m, k, rhs, 1);
  if (!beta) return null;
  const e = Float64Array.from(s.y);
  for (let j = 0; j < k; j++) {
    const xj = x[j];
    const bj = beta[j];
    for (let i = 0; i < e.length; i++) e[i] -= bj * xj[i];
  }
  const gbar = crossprodVec(z, e, w).map((v) => v / s.N);
  const q = quadSolve(gbar, omega, { indefinite: true });
  return q === null ? null : s.N * q;
}
