/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method (accurate to working
 * precision for the k ≤ a few hundred matrices of the engine: VCOVs, canonical correlations).
 */

export interface SymEigen {
  /** Eigenvalues in ascending order. */
  readonly values: Float64Array;
  /** Eigenvectors as columns of a row-major k×k matrix, in the order of `values`. */
  readonly vectors: Float64Array;
}

/**
 * Eigenvalues (ascending) and eigenvectors of a symmetric row-major k×k matrix.
 * @example const { values } = eigenSym(new Float64Array([2, 1, 1, 2]), 2); // [1, 3]
 */
export function eigenSym(a: Float64Array, k: number): SymEigen {
  const m = Float64Array.from(a);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < k; i++) {
      diag += m[i * k + i] * m[i * k + i];
      for (let j = i + 1; j < k; j++) off += m[i * k + j] * m[i * k + j];
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = m[p * k + q];
        if (apq === 0) continue;
        const app = m[p * k + p];
        const aqq = m[q * k + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const mrp = m[r * k + p];
          const mrq = m[r * k + q];
          m[r * k + p] = c * mrp - s * mrq;
          m[r * k + q] = s * mrp + c * mrq;
        }
        for (let r = 0; r < k; r++) {
          const mpr = m[p * k + r];
          const mqr = m[q * k + r];
          m[p * k + r] = c * mpr - s * mqr;
          m[q * k + r] = s * mpr + c * mqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((i, j) => m[i * k + i] - m[j * k + j]);
  const values = Float64Array.from(order, (i) => m[i * k + i]);
  const vectors = new Float64Array(k * k);
  order.forEach((src, dst) => {
    for (let r = 0; r < k; r++) vectors[r * k + dst] = v[r * k + src];
  });
  return { values, vectors };
}

/**
 * Symmetric matrix function V·diag(f(λ))·V' — e.g. the inverse square root, or clipping negative
 * eigenvalues at zero (the Cameron–Gelbach–Miller fix for a multi-way cluster VCOV).
 * @example const half = symFunction(a, 2, Math.sqrt);
 */
export function symFunction(a: Float64Array, k: number, f: (lambda: number) => number): Float64Array {
  const { values, vectors } = eigenSym(a, k);
  const out = new Float64Array(k * k);
  for (let e = 0; e < k; e++) {
    const fe = f(values[e]);
    if (fe === 0) continue;
    for (let i = 0; i < k; i++) {
      const vi = vectors[i * k + e] * fe;
      for (let j = 0; j < k; j++) out[i * k + j] += vi * vectors[j * k + e];
    }
  }
  return out;
}
