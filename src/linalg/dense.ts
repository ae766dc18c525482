/**
 * Small dense helpers. Data matrices are lists of columns (`Float64Array[]`, one per regressor, each of
 * length n); small k×k matrices are row-major `Float64Array`s of length k·k.
 */

/**
 * Weighted cross-product A'WB of two column lists (W diagonal; omitted = identity), row-major |A|×|B|.
 * @example const xtx = crossprod([x1, x2], [x1, x2]);
 */
export function crossprod(
  a: readonly Float64Array[],
  b: readonly Float64Array[],
  w?: Float64Array,
): Float64Array {
  const ka = a.length;
  const kb = b.length;
  const out = new Float64Array(ka * kb);
  const same = a === b;
  for (let i = 0; i < ka; i++) {
    const ai = a[i];
    for (let j = same ? i : 0; j < kb; j++) {
      const bj = b[j];
      let s = 0;
      if (w) for (let r = 0; r < ai.length; r++) s += ai[r] * w[r] * bj[r];
      else for (let r = 0; r < ai.length; r++) s += ai[r] * bj[r];
      out[i * kb + j] = s;
      if (same) out[j * kb + i] = s;
    }
  }
  return out;
}

/**
 * Weighted inner products A'Wv of a column list with one vector.
 * @example const xty = crossprodVec([x1, x2], y);
 */
export function crossprodVec(a: readonly Float64Array[], v: Float64Array, w?: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    let s = 0;
    if (w) for (let r = 0; r < ai.length; r++) s += ai[r] * w[r] * v[r];
    else for (let r = 0; r < ai.length; r++) s += ai[r] * v[r];
    out[i] = s;
  }
  return out;
}

/**
 * Product of row-major matrices: (m×p)·(p×q).
 * @example const c = matmul(a, b, 2, 3, 2);
 */
export function matmul(a: Float64Array, b: Float64Array, m: number, p: number, q: number): Float64Array {
  const out = new Float64Array(m * q);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < p; l++) {
      const ail = a[i * p + l];
      if (ail === 0) continue;
      for (let j = 0; j < q; j++) out[i * q + j] += ail * b[l * q + j];
    }
  }
  return out;
}

/**
 * Transpose of a row-major m×n matrix.
 * @example const at = transpose(a, 2, 3);
 */
export function transpose(a: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = a[i * n + j];
  return out;
}

/**
 * Quadratic form v'Av for a row-major k×k matrix.
 * @example const q = quadForm(v, a);
 */
export function quadForm(v: Float64Array, a: Float64Array): number {
  const k = v.length;
  let s = 0;
  for (let i = 0; i < k; i++) {
    let r = 0;
    for (let j = 0; j < k; j++) r += a[i * k + j] * v[j];
    s += v[i] * r;
  }
  return s;
}

/**
 * The sub-matrix of a row-major square matrix keeping rows `rows` and columns `cols`.
 * @example const sub = submatrix(a, 3, [0, 2], [0, 2]);
 */
export function submatrix(
  a: Float64Array,
  k: number,
  rows: readonly number[],
  cols: readonly number[],
): Float64Array {
  const out = new Float64Array(rows.length * cols.length);
  for (let i = 0; i < rows.length; i++)
    for (let j = 0; j < cols.length; j++) out[i * cols.length + j] = a[rows[i] * k + cols[j]];
  return out;
}

/**
 * Row-major k×k matrix as nested arrays (for JSON results).
 * @example toNested(new Float64Array([1, 0, 0, 1]), 2); // [[1,0],[0,1]]
 */
export function toNested(a: Float64Array, k: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < k; i++) out.push(Array.from(a.subarray(i * k, i * k + k)));
  return out;
}

/**
 * c·B·S·B for symmetric k×k B and S, symmetrised (the sandwich of every VCOV and IV-diagnostic
 * covariance).
 * @example const v = sandwich(bread, meat, 2, 1.01);
 */
export function sandwich(bread: Float64Array, meat: Float64Array, k: number, c: number): Float64Array {
  const v = matmul(matmul(bread, meat, k, k, k), bread, k, k, k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      const avg = (v[i * k + j] + v[j * k + i]) / 2;
      v[i * k + j] = avg;
      v[j * k + i] = avg;
    }
  }
  return v.map((x) => x * c);
}
