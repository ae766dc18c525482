/**
 * Householder QR of a tall matrix given as columns, in column order, leaving out columns that are
 * (numerically) linear combinations of the earlier ones — R's `lm` rule: a column whose norm after
 * removing the earlier columns falls below `tol` times its reference norm is dropped.
 *
 * Each column is first scaled by a power of two to a largest magnitude in [0.5, 1) (exact in binary
 * floating point, so results are bit-identical to the unscaled algorithm wherever that one neither
 * overflows nor underflows), and R is scaled back: columns of 1e±150 are factored, and judged for
 * collinearity, exactly like columns of order 1.
 */

export interface QRFactor {
  readonly n: number;
  /** Indices (into the input columns) of the kept columns, in order. */
  readonly kept: readonly number[];
  /** Indices of the dropped (collinear) columns. */
  readonly dropped: readonly number[];
  /** Householder vectors, column-major n × kept.length (entries above the diagonal are zero). */
  readonly v: Float64Array;
  /** v'v / 2 for each reflection. */
  readonly halfNorm: Float64Array;
  /** Upper-triangular R, row-major kept.length × kept.length. */
  readonly r: Float64Array;
}

export interface QROptions {
  /** Relative tolerance for dropping a column (default 1e-7, as R's lm). */
  readonly tol?: number;
  /** Norms to compare each column's remainder with (default: the column's own norm). */
  readonly refNorms?: ArrayLike<number>;
}

/**
 * Factor the columns as Q·R, skipping collinear ones.
 * @example const f = householderQR([ones, x]); f.kept; // [0, 1]
 */
export function householderQR(cols: readonly Float64Array[], opts: QROptions = {}): QRFactor {
  const tol = opts.tol ?? 1e-7;
  const n = cols.length ? cols[0].length : 0;
  const k = cols.length;
  const v = new Float64Array(n * Math.min(k, n));
  const halfNorm = new Float64Array(k);
  const rcols: Float64Array[] = [];
  const kept: number[] = [];
  const dropped: number[] = [];
  const work = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    const r = kept.length;
    const s = powerOfTwoScale(cols[j]);
    for (let i = 0; i < n; i++) work[i] = cols[j][i] * s;
    for (let p = 0; p < r; p++) applyReflection(v, halfNorm[p], n, p, work);
    let ss = 0;
    for (let i = r; i < n; i++) ss += work[i] * work[i];
    const norm = Math.sqrt(ss);
    const ref = opts.refNorms ? opts.refNorms[j] * s : columnNorm(cols[j], s);
    if (r >= n || !(norm > tol * ref) || !(ref > 0)) {
      dropped.push(j);
      continue;
    }
    const alpha = work[r] > 0 ? -norm : norm;
    const off = r * n;
    let vtv = 0;
    for (let i = r; i < n; i++) {
      const vi = i === r ? work[i] - alpha : work[i];
      v[off + i] = vi;
      vtv += vi * vi;
    }
    halfNorm[r] = vtv / 2;
    const rc = new Float64Array(r + 1);
    for (let i = 0; i < r; i++) rc[i] = work[i] / s;
    rc[r] = alpha / s;
    rcols.push(rc);
    kept.push(j);
  }
  const m = kept.length;
  const rmat = new Float64Array(m * m);
  for (let c = 0; c < m; c++) for (let i = 0; i <= c; i++) rmat[i * m + c] = rcols[c][i];
  return { n, kept, dropped, v: v.subarray(0, n * m), halfNorm: halfNorm.subarray(0, m), r: rmat };
}

/** ‖x‖·scale, computed on the scaled column so that it neither overflows nor underflows. */
function columnNorm(x: Float64Array, scale: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] * scale;
    s += a * a;
  }
  return Math.sqrt(s);
}

/** 2^−e with 2^(e−1) ≤ max|x| < 2^e (1 for a zero or non-finite column), kept in the normal range. */
function powerOfTwoScale(x: Float64Array): number {
  let max = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (a > max) max = a;
  }
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const e = Math.min(1000, Math.max(-1000, Math.floor(Math.log2(max)) + 1));
  return 2 ** -e;
}

function applyReflection(v: Float64Array, half: number, n: number, p: number, y: Float64Array): void {
  const off = p * n;
  let s = 0;
  for (let i = p; i < n; i++) s += v[off + i] * y[i];
  const f = s / half;
  if (f === 0) return;
  for (let i = p; i < n; i++) y[i] -= f * v[off + i];
}

/**
 * Q'y (in place on a copy): the first kept.length entries are the coordinates on the column space.
 * @example const qty = applyQt(f, y);
 */
export function applyQt(f: QRFactor, y: Float64Array): Float64Array {
  const out = Float64Array.from(y);
  for (let p = 0; p < f.kept.length; p++) applyReflection(f.v, f.halfNorm[p], f.n, p, out);
  return out;
}

/**
 * Qc for a vector c of length n (inverse of applyQt).
 * @example const back = applyQ(f, applyQt(f, y)); // ≈ y
 */
export function applyQ(f: QRFactor, c: Float64Array): Float64Array {
  const out = Float64Array.from(c);
  for (let p = f.kept.length - 1; p >= 0; p--) applyReflection(f.v, f.halfNorm[p], f.n, p, out);
  return out;
}

/**
 * Solve R b = c for the upper-triangular R of a factor (c of length kept.length).
 * @example const b = solveR(f, qty.subarray(0, f.kept.length));
 */
export function solveR(f: QRFactor, c: ArrayLike<number>): Float64Array {
  const m = f.kept.length;
  const b = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = c[i];
    for (let j = i + 1; j < m; j++) s -= f.r[i * m + j] * b[j];
    b[i] = s / f.r[i * m + i];
  }
  return b;
}

/**
 * (R'R)⁻¹ = (X'X)⁻¹ over the kept columns, row-major.
 * @example const xtxInv = inverseRtR(f);
 */
export function inverseRtR(f: QRFactor): Float64Array {
  const m = f.kept.length;
  // Rinv upper-triangular.
  const ri = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    ri[j * m + j] = 1 / f.r[j * m + j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let p = i + 1; p <= j; p++) s += f.r[i * m + p] * ri[p * m + j];
      ri[i * m + j] = -s / f.r[i * m + i];
    }
  }
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let p = Math.max(i, j); p < m; p++) s += ri[i * m + p] * ri[j * m + p];
      out[i * m + j] = s;
      out[j * m + i] = s;
    }
  }
  return out;
}
