/**
 * Canonical correlations between the (partialled) endogenous regressors and excluded instruments,
 * through ranktest's standardised reduced form θ = R_zz·Π·R_yy⁻¹ (Q = R'R Cholesky factors of the
 * weighted second-moment matrices, Π = Q_zz⁻¹Q_zy) and its singular value decomposition.
 */
import { cholesky, invLower } from "../../linalg/cholesky.js";
import { crossprod, matmul, transpose } from "../../linalg/dense.js";
import { eigenSym } from "../../linalg/eigen-sym.js";
import { solveSPD } from "../../linalg/symmetric.js";
import type { Setup } from "./setup.js";

export interface CanonicalDecomposition {
  /** θ, row-major L1×K1. */
  readonly theta: Float64Array;
  /** Π = Q_zz⁻¹Q_zy, row-major L1×K1 (the first-stage coefficients). */
  readonly pi: Float64Array;
  /** L_zz⁻¹ with Q_zz = L_zz·L_zz' (row-major L1×L1, lower triangular); R_zz⁻¹ = (L_zz⁻¹)'. */
  readonly lzzInv: Float64Array;
  /** L_yy⁻¹ with Q_yy = L_yy·L_yy' (row-major K1×K1). */
  readonly lyyInv: Float64Array;
  /** Singular values of θ (canonical correlations), descending. */
  readonly cc: Float64Array;
  /** Right singular vectors of θ as columns (row-major K1×K1), in the order of `cc`. */
  readonly v: Float64Array;
}

/**
 * Decompose, or null when a second-moment matrix is singular (collinear regressors or instruments).
 * @example const cd = canonicalCorrelations(setup); cd?.cc; // [0.1076] on Card
 */
export function canonicalCorrelations(s: Setup): CanonicalDecomposition | null {
  const w = s.w ?? undefined;
  const k1 = s.K1;
  const l1 = s.L1;
  const qzz = crossprod(s.z, s.z, w).map((v) => v / s.N);
  const qzy = crossprod(s.z, s.x, w).map((v) => v / s.N);
  const qyy = crossprod(s.x, s.x, w).map((v) => v / s.N);
  const lzz = cholesky(qzz, l1);
  const lyy = cholesky(qyy, k1);
  const pi = solveSPD(qzz, l1, qzy, k1);
  if (!lzz || !lyy || !pi) return null;
  const lzzInv = invLower(lzz, l1);
  const lyyInv = invLower(lyy, k1);
  // θ = L_zz'·Π·(L_yy')⁻¹ = L_zz'·Π·(L_yy⁻¹)'.
  const theta = matmul(matmul(transpose(lzz, l1, l1), pi, l1, l1, k1), transpose(lyyInv, k1, k1), l1, k1, k1);
  const { values, vectors } = eigenSym(matmul(transpose(theta, l1, k1), theta, k1, l1, k1), k1);
  const cc = new Float64Array(k1);
  const v = new Float64Array(k1 * k1);
  for (let d = 0; d < k1; d++) {
    const src = k1 - 1 - d;
    cc[d] = Math.sqrt(Math.max(values[src], 0));
    for (let r = 0; r < k1; r++) v[r * k1 + d] = vectors[r * k1 + src];
  }
  return { theta, pi, lzzInv, lyyInv, cc, v };
}
