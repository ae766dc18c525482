/**
 * Cholesky factorisation and inverses of small symmetric positive-(semi)definite matrices (row-major).
 */

/**
 * Lower-triangular L with A = LL' (row-major k×k), or null if A is not numerically positive definite.
 * @example const l = cholesky(new Float64Array([4, 2, 2, 3]), 2);
 */
export function cholesky(a: Float64Array, k: number): Float64Array | null {
  const l = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j];
    for (let p = 0; p < j; p++) d -= l[j * k + p] * l[j * k + p];
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = a[i * k + j];
      for (let p = 0; p < j; p++) s -= l[i * k + p] * l[j * k + p];
      l[i * k + j] = s / ljj;
    }
  }
  return l;
}

/**
 * Inverse of a lower-triangular row-major matrix.
 * @example const li = invLower(l, 2);
 */
export function invLower(l: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    out[j * k + j] = 1 / l[j * k + j];
    for (let i = j + 1; i < k; i++) {
      let s = 0;
      for (let p = j; p < i; p++) s -= l[i * k + p] * out[p * k + j];
      out[i * k + j] = s / l[i * k + i];
    }
  }
  return out;
}

/**
 * Inverse of a symmetric positive-definite matrix through its Cholesky factor; throws if singular.
 * @example const ainv = invSPD(new Float64Array([4, 2, 2, 3]), 2);
 */
export function invSPD(a: Float64Array, k: number): Float64Array {
  const l = cholesky(a, k);
  if (!l) throw new Error("matrix is not positive definite (singular or collinear inputs)");
  const li = invLower(l, k);
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let p = i; p < k; p++) s += li[p * k + i] * li[p * k + j];
      out[i * k + j] = s;
      out[j * k + i] = s;
    }
  }
  return out;
}

/**
 * Generalised inverse of a symmetric positive-semidefinite matrix, as Stata's `invsym`: Goodnight's
 * sweep, pivoting at each step on the largest remaining diagonal element; a pivot whose remaining
 * value is at most `tol` times its original diagonal is collinear with the swept ones, and its row and
 * column are set to zero.
 * @example const g = invSym(a, 3);
 */
export function invSym(a: Float64Array, k: number, tol = 1e-13): Float64Array {
  const m = Float64Array.from(a);
  const swept = new Uint8Array(k);
  const done = new Uint8Array(k);
  for (let step = 0; step < k; step++) {
    let p = -1;
    for (let j = 0; j < k; j++) {
      if (done[j]) continue;
      if (p < 0 || m[j * k + j] > m[p * k + p]) p = j;
    }
    done[p] = 1;
    const d = m[p * k + p];
    if (!(a[p * k + p] > 0) || !(d > tol * a[p * k + p])) continue;
    swept[p] = 1;
    for (let j = 0; j < k; j++) m[p * k + j] /= d;
    for (let i = 0; i < k; i++) {
      if (i === p) continue;
      const b = m[i * k + p];
      if (b === 0) continue;
      for (let j = 0; j < k; j++) m[i * k + j] -= b * m[p * k + j];
      m[i * k + p] = -b / d;
    }
    m[p * k + p] = 1 / d;
  }
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) if (swept[i] && swept[j]) out[i * k + j] = m[i * k + j];
  return out;
}
