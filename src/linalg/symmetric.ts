/**
 * Small dense symmetric-matrix helpers (shared by the estimators and the IV diagnostics): weighted inner products, the rank of a symmetric matrix
 * as a sweep counts it (Stata `invsym`), solves that report singularity instead of throwing — by
 * Cholesky, as Stata's `cholsolve`, or falling back on pivoted elimination for a full-rank but
 * indefinite matrix (a two-way cluster S can be), as ivreg2's `cholqrsolve` — and symmetric square
 * roots. Small matrices are row-major `Float64Array`s.
 */
import { cholesky } from "./cholesky.js";
import { symFunction } from "./eigen-sym.js";

/**
 * Σ w·a·b (w omitted when unweighted).
 * @example const rss = wdot(null, e, e);
 */
export function wdot(w: Float64Array | null, a: Float64Array, b: Float64Array): number {
  let t = 0;
  if (w) for (let i = 0; i < a.length; i++) t += w[i] * a[i] * b[i];
  else for (let i = 0; i < a.length; i++) t += a[i] * b[i];
  return t;
}

/**
 * Rank of a symmetric k×k matrix as a sweep in column order counts it (ivreg2's rows − diag0cnt(invsym)):
 * a pivot whose magnitude falls below 1e-13 of its original diagonal is a dependent column. Negative
 * pivots of a full-rank indefinite matrix count as rank.
 * @example matrixRank(new Float64Array([1, 1, 1, 1]), 2); // 1
 */
export function matrixRank(a: Float64Array, k: number): number {
  const m = Float64Array.from(a);
  let rank = 0;
  for (let p = 0; p < k; p++) {
    const d = m[p * k + p];
    const ref = Math.abs(a[p * k + p]);
    if (!(ref > 0) || !(Math.abs(d) > 1e-13 * ref)) continue;
    rank++;
    for (let i = 0; i < k; i++) {
      if (i === p) continue;
      const f = m[i * k + p] / d;
      if (f === 0) continue;
      for (let j = 0; j < k; j++) if (j !== p) m[i * k + j] -= f * m[p * k + j];
    }
    for (let j = 0; j < k; j++) m[p * k + j] = 0;
    for (let i = 0; i < k; i++) m[i * k + p] = 0;
  }
  return rank;
}

/**
 * Solve A·X = B for a symmetric positive-definite k×k A and a k×m right-hand side B (row-major);
 * null when A is singular (rank below k) or not positive definite.
 * @example const x = solveSPD(new Float64Array([4, 2, 2, 3]), 2, new Float64Array([1, 2]), 1);
 */
export function solveSPD(a: Float64Array, k: number, b: Float64Array, m: number): Float64Array | null {
  if (matrixRank(a, k) < k) return null;
  const l = cholesky(a, k);
  if (!l) return null;
  const x = Float64Array.from(b);
  for (let c = 0; c < m; c++) {
    for (let i = 0; i < k; i++) {
      let s = x[i * m + c];
      for (let p = 0; p < i; p++) s -= l[i * k + p] * x[p * m + c];
      x[i * m + c] = s / l[i * k + i];
    }
    for (let i = k - 1; i >= 0; i--) {
      let s = x[i * m + c];
      for (let p = i + 1; p < k; p++) s -= l[p * k + i] * x[p * m + c];
      x[i * m + c] = s / l[i * k + i];
    }
  }
  return x;
}

/**
 * Solve A·X = B for a symmetric full-rank A: Cholesky when A is positive definite, otherwise Gaussian
 * elimination with partial pivoting; null when A is rank-deficient.
 * @example const x = solveSym(new Float64Array([1, 2, 2, 1]), 2, new Float64Array([3, 3]), 1); // [1, 1]
 */
export function solveSym(a: Float64Array, k: number, b: Float64Array, m: number): Float64Array | null {
  if (matrixRank(a, k) < k) return null;
  return solveSPD(a, k, b, m) ?? solveLU(a, k, b, m);
}

function solveLU(a: Float64Array, k: number, b: Float64Array, m: number): Float64Array | null {
  const lu = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(lu[r * k + c]) > Math.abs(lu[piv * k + c])) piv = r;
    if (lu[piv * k + c] === 0) return null;
    if (piv !== c) {
      for (let j = 0; j < k; j++) [lu[c * k + j], lu[piv * k + j]] = [lu[piv * k + j], lu[c * k + j]];
      for (let j = 0; j < m; j++) [x[c * m + j], x[piv * m + j]] = [x[piv * m + j], x[c * m + j]];
    }
    for (let r = c + 1; r < k; r++) {
      const f = lu[r * k + c] / lu[c * k + c];
      if (f === 0) continue;
      for (let j = c; j < k; j++) lu[r * k + j] -= f * lu[c * k + j];
      for (let j = 0; j < m; j++) x[r * m + j] -= f * x[c * m + j];
    }
  }
  for (let j = 0; j < m; j++) {
    for (let r = k - 1; r >= 0; r--) {
      let s = x[r * m + j];
      for (let c = r + 1; c < k; c++) s -= lu[r * k + c] * x[c * m + j];
      x[r * m + j] = s / lu[r * k + r];
    }
  }
  return x;
}

/**
 * v'·A⁻¹·v, a Wald or LM quadratic form: null when A is rank-deficient, or — unless `indefinite` is
 * allowed — not positive definite (Stata's `cholsolve` returns missing there).
 * @example quadSolve(new Float64Array([2]), new Float64Array([4])); // 1
 */
export function quadSolve(
  v: Float64Array,
  a: Float64Array,
  opts: { indefinite?: boolean } = {},
): number | null {
  const k = v.length;
  const x = opts.indefinite ? solveSym(a, k, v, 1) : solveSPD(a, k, v, 1);
  if (!x) return null;
  let s = 0;
  for (let i = 0; i < k; i++) s += v[i] * x[i];
  return s;
}

/**
 * Symmetric square root A^{1/2} (negative rounding-level eigenvalues clipped to zero), or A^{-1/2}.
 * @example const half = symPower(new Float64Array([4, 0, 0, 9]), 2, 0.5); // diag(2, 3)
 */
export function symPower(a: Float64Array, k: number, power: 0.5 | -0.5): Float64Array {
  return symFunction(a, k, (lambda) => (lambda > 0 ? lambda ** power : 0));
}

/**
 * The rows×cols block of a row-major k×k matrix starting at (r0, c0).
 * @example const b = block(a, 4, 0, 0, 2, 2);
 */
export function block(
  a: Float64Array,
  k: number,
  r0: number,
  c0: number,
  rows: number,
  cols: number,
): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = a[(r0 + i) * k + c0 + j];
  return out;
}
