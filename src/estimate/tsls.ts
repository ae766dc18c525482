/**
 * Two-stage least squares by QR: X̂ = P_Z X under weights, then least squares of y on X̂;
 * residuals use the original X. Instruments and regressors that are collinear are left out.
 */
import { inverseRtR } from "../linalg/qr.js";
import { leastSquares, residual } from "../linalg/least-squares.js";
import { applyQ, applyQt, householderQR } from "../linalg/qr.js";

export interface TslsResult {
  /** Coefficients for every column of x; NaN where dropped. */
  readonly coef: Float64Array;
  /** y − Xb (unweighted, with the original regressors). */
  readonly resid: Float64Array;
  /** The fitted regressors P_Z X (unweighted scale), one per column of x. */
  readonly xhat: Float64Array[];
  /** Indices of x kept / dropped for collinearity. */
  readonly kept: number[];
  readonly dropped: number[];
  /** Indices of z dropped for collinearity. */
  readonly droppedInstruments: number[];
  /** (X̂'WX̂)⁻¹ over the kept columns, row-major. */
  readonly bread: Float64Array;
  /** √w (null when unweighted). */
  readonly sqrtWeights: Float64Array | null;
  /** P_Z v for a √w-scaled vector v (the projection on the kept, √w-scaled instruments). */
  readonly projectScaled: (v: Float64Array) => Float64Array;
}

/**
 * 2SLS of y on x with instruments z (z includes the exogenous regressors; no constant is added).
 * @example const fit = tsls(y, [ones, educ, exper], [ones, nearc4, exper]);
 */
export function tsls(
  y: Float64Array,
  x: readonly Float64Array[],
  z: readonly Float64Array[],
  opts: { weights?: Float64Array | null; refNormsX?: ArrayLike<number>; refNormsZ?: ArrayLike<number> } = {},
): TslsResult {
  const n = y.length;
  const w = opts.weights ?? null;
  const sw = w ? Float64Array.from(w, Math.sqrt) : null;
  const scale = (v: Float64Array) => (sw ? v.map((a, i) => a * sw[i]) : v);
  const zs = z.map(scale);
  const zf = householderQR(zs, { refNorms: opts.refNormsZ });
  const m = zf.kept.length;
  const projectScaled = (v: Float64Array) => {
    const c = applyQt(zf, v);
    c.fill(0, m);
    return applyQ(zf, c);
  };
  const xhatScaled = x.map((col) => projectScaled(scale(col)));
  const fit = leastSquares(xhatScaled, scale(y), {
    refNorms: opts.refNormsX ?? x.map((c) => norm(scale(c))),
  });
  const kept = fit.factor.kept.slice();
  const b = kept.map((j) => fit.coef[j]);
  const resid = residual(
    kept.map((j) => x[j]),
    y,
    b,
  );
  const xhat = sw ? xhatScaled.map((c) => c.map((a, i) => (sw[i] > 0 ? a / sw[i] : 0))) : xhatScaled;
  if (xhat.length && xhat[0].length !== n) throw new Error("tsls: internal length mismatch");
  return {
    coef: fit.coef,
    resid,
    xhat,
    kept,
    dropped: fit.dropped.slice(),
    droppedInstruments: zf.dropped.slice(),
    bread: inverseRtR(fit.factor),
    sqrtWeights: sw,
    projectScaled,
  };
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}
