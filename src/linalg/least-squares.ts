/**
 * Weighted least squares by Householder QR, refined (Björck 1967) on the augmented system
 * [I X; X' 0][r; b] = [y; 0] with residuals computed in compensated (double-double) arithmetic, so
 * the solution is accurate to about κ(X)·ε rather than κ(X)²·ε.
 */
import { dot2 } from "./compensated.js";
import { applyQ, applyQt, householderQR, type QRFactor, solveR } from "./qr.js";

/**
 * Above this many rows × (columns + 2) the compensated refinement is skipped: it costs ~20 plain
 * passes, and on data that large (typically after absorbing fixed effects, whose demeaning tolerance
 * bounds the accuracy anyway) plain Householder QR is already accurate to far more digits than needed.
 */
const REFINE_LIMIT = 2_000_000;

export interface LeastSquaresResult {
  /** Coefficients for every input column; NaN for dropped (collinear) columns. */
  readonly coef: Float64Array;
  /** y − Xb (unweighted). */
  readonly resid: Float64Array;
  readonly rank: number;
  /** Indices of the dropped (collinear) columns. */
  readonly dropped: readonly number[];
  /** The QR factor of √w·X over the kept columns. */
  readonly factor: QRFactor;
}

/**
 * Least squares of y on the columns (no constant is added), optionally weighted.
 * @example const { coef } = leastSquares([ones, x], y);
 */
export function leastSquares(
  columns: readonly Float64Array[],
  y: Float64Array,
  opts: { weights?: Float64Array; tol?: number; refNorms?: ArrayLike<number> } = {},
): LeastSquaresResult {
  const n = y.length;
  for (let j = 0; j < columns.length; j++) {
    if (columns[j].length !== n)
      throw new Error(`leastSquares: column ${j} has ${columns[j].length} rows, y has ${n}`);
  }
  const sw = opts.weights ? sqrtWeights(opts.weights) : null;
  const xs = sw ? columns.map((c) => scale(c, sw)) : columns;
  const ys = sw ? scale(y, sw) : y;
  const factor = householderQR(xs, { tol: opts.tol, refNorms: opts.refNorms });
  const m = factor.kept.length;
  const keptCols = factor.kept.map((j) => xs[j]);
  let b = solveR(factor, applyQt(factor, ys).subarray(0, m));
  if (n * (m + 2) <= REFINE_LIMIT) b = refineAugmented(factor, keptCols, ys, b);
  const coef = new Float64Array(columns.length).fill(Number.NaN);
  factor.kept.forEach((j, i) => {
    coef[j] = b[i];
  });
  const resid = residual(
    factor.kept.map((j) => columns[j]),
    y,
    b,
  );
  return { coef, resid, rank: m, dropped: factor.dropped, factor };
}

/**
 * y − Σ_j b_j·X_j.
 * @example const e = residual([x], y, new Float64Array([2]));
 */
export function residual(cols: readonly Float64Array[], y: Float64Array, b: ArrayLike<number>): Float64Array {
  const r = Float64Array.from(y);
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j];
    const bj = b[j];
    if (bj === 0) continue;
    for (let i = 0; i < r.length; i++) r[i] -= bj * c[i];
  }
  return r;
}

function sqrtWeights(w: Float64Array): Float64Array {
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = Math.sqrt(w[i]);
  return out;
}

function scale(x: Float64Array, s: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * s[i];
  return out;
}

function refineAugmented(
  f: QRFactor,
  x: readonly Float64Array[],
  y: Float64Array,
  b0: Float64Array,
): Float64Array {
  const n = y.length;
  const m = b0.length;
  let b = b0;
  const r = residual(x, y, b);
  const row = new Float64Array(m + 2);
  const coefs = new Float64Array(m + 2);
  const fvec = new Float64Array(n);
  const col = new Float64Array(n);
  for (let iter = 0; iter < 3; iter++) {
    // f = y − r − Xb and g = −X'r, accurately.
    coefs[0] = 1;
    coefs[1] = -1;
    for (let j = 0; j < m; j++) coefs[j + 2] = -b[j];
    for (let i = 0; i < n; i++) {
      row[0] = y[i];
      row[1] = r[i];
      for (let j = 0; j < m; j++) row[j + 2] = x[j][i];
      fvec[i] = dot2(row, coefs);
    }
    const g = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      col.set(x[j]);
      g[j] = -dot2(col, r);
    }
    // Solve [I X; X' 0][dr; db] = [f; g] with X = Q[R; 0]: R'h = g, d = Q'f, db = R⁻¹(d₁ − h), dr = Q[h; d₂].
    const h = solveRt(f, g);
    const d = applyQt(f, fvec);
    const rhs = new Float64Array(m);
    for (let j = 0; j < m; j++) rhs[j] = d[j] - h[j];
    const db = solveR(f, rhs);
    d.set(h, 0);
    const dr = applyQ(f, d);
    let change = 0;
    let size = 0;
    b = b.map((v, j) => {
      change = Math.max(change, Math.abs(db[j]));
      size = Math.max(size, Math.abs(v));
      return v + db[j];
    });
    for (let i = 0; i < n; i++) r[i] += dr[i];
    if (change <= 1e-17 * size) break;
  }
  return b;
}

/** Solve R'h = g (R upper-triangular, so R' lower). */
function solveRt(f: QRFactor, g: Float64Array): Float64Array {
  const m = g.length;
  const h = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = g[i];
    for (let j = 0; j < i; j++) s -= f.r[j * m + i] * h[j];
    h[i] = s / f.r[i * m + i];
  }
  return h;
}
