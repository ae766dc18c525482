/**
 * Kleibergen–Paap (2006) rk statistic for H0: rank(Π) = K1−1, as ranktest computes it: with θ's
 * singular value decomposition, the projection of θ on the directions of its K1−1 largest singular
 * values is removed, and the remainder λ = A_q'·θ·v_K is tested with the robust covariance of
 * vec(θ) — N·λ'·(G·S₀·G')⁻¹·λ, G = (L_yy⁻¹)'v_K ⊗ (L_zz⁻¹)'A_q. With S₀ built from the endogenous
 * regressors themselves this is the LM version (underidentification), from the first-stage residuals
 * the Wald version (weak identification). Invariant to the square-root convention for θ.
 */
import { block, quadSolve, symPower } from "../../linalg/symmetric.js";
import type { CanonicalDecomposition } from "./canonical-correlations.js";
import type { Setup } from "./setup.js";

/**
 * The rk χ² statistic (before ivreg2's dof scaling), or null when its covariance matrix is rank-deficient.
 * @example const lm = kpRkStatistic(setup, cd, momentCovariance(setup, setup.z, setup.x, 0));
 */
export function kpRkStatistic(s: Setup, cd: CanonicalDecomposition, s0: Float64Array): number | null {
  const k1 = s.K1;
  const l1 = s.L1;
  const kk = k1 - 1;
  const m = l1 - kk;
  // Projector on the complement of the first kk left singular vectors u_j = θ·v_j / cc_j.
  const p = new Float64Array(l1 * l1);
  for (let i = 0; i < l1; i++) p[i * l1 + i] = 1;
  for (let j = 0; j < kk; j++) {
    const u = new Float64Array(l1);
    for (let r = 0; r < l1; r++) {
      let acc = 0;
      for (let c = 0; c < k1; c++) acc += cd.theta[r * k1 + c] * cd.v[c * k1 + j];
      u[r] = acc / cd.cc[j];
    }
    for (let a = 0; a < l1; a++) for (let b = 0; b < l1; b++) p[a * l1 + b] -= u[a] * u[b];
  }
  const pll = block(p, l1, kk, kk, m, m);
  const pul = block(p, l1, 0, kk, kk, m);
  const half = symPower(pll, m, 0.5);
  const invHalf = symPower(pll, m, -0.5);
  // A_q (l1×m) = [P_ul·P_ll^{-1/2}; P_ll^{1/2}] — ranktest's [u12; u22]·u22⁻¹·(u22·u22')^{1/2}.
  const aq = new Float64Array(l1 * m);
  for (let r = 0; r < kk; r++) {
    for (let a = 0; a < m; a++) {
      let acc = 0;
      for (let q = 0; q < m; q++) acc += pul[r * m + q] * invHalf[q * m + a];
      aq[r * m + a] = acc;
    }
  }
  for (let r = 0; r < m; r++) for (let a = 0; a < m; a++) aq[(kk + r) * m + a] = half[r * m + a];
  const vK = new Float64Array(k1);
  for (let r = 0; r < k1; r++) vK[r] = cd.v[r * k1 + kk];
  // λ = A_q'·θ·v_K.
  const thetaV = new Float64Array(l1);
  for (let r = 0; r < l1; r++) for (let c = 0; c < k1; c++) thetaV[r] += cd.theta[r * k1 + c] * vK[c];
  const lab = new Float64Array(m);
  for (let a = 0; a < m; a++) for (let r = 0; r < l1; r++) lab[a] += aq[r * m + a] * thetaV[r];
  // c = (L_yy⁻¹)'·v_K, D = (L_zz⁻¹)'·A_q, G[a, k·l1 + l] = c_k·D[l, a].
  const c = new Float64Array(k1);
  for (let k = 0; k < k1; k++) for (let r = 0; r < k1; r++) c[k] += cd.lyyInv[r * k1 + k] * vK[r];
  const d = new Float64Array(l1 * m);
  for (let l = 0; l < l1; l++) {
    for (let a = 0; a < m; a++) {
      let acc = 0;
      for (let r = 0; r < l1; r++) acc += cd.lzzInv[r * l1 + l] * aq[r * m + a];
      d[l * m + a] = acc;
    }
  }
  const dim = k1 * l1;
  const g = new Float64Array(m * dim);
  for (let a = 0; a < m; a++)
    for (let k = 0; k < k1; k++) for (let l = 0; l < l1; l++) g[a * dim + k * l1 + l] = c[k] * d[l * m + a];
  const gs = new Float64Array(m * dim);
  for (let a = 0; a < m; a++) {
    for (let j = 0; j < dim; j++) {
      let acc = 0;
      for (let q = 0; q < dim; q++) acc += g[a * dim + q] * s0[q * dim + j];
      gs[a * dim + j] = acc;
    }
  }
  const vlab = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b <= a; b++) {
      let acc = 0;
      for (let q = 0; q < dim; q++) acc += gs[a * dim + q] * g[b * dim + q];
      vlab[a * m + b] = acc;
      vlab[b * m + a] = acc;
    }
  }
  const q = quadSolve(lab, vlab, { indefinite: true });
  // A zero leading canonical correlation (no identification at all) leaves u_j undefined.
  return q === null || !Number.isFinite(q) ? null : s.N * q;
}
