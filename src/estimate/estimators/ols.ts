/** Ordinary (weighted) least squares on the absorbed data. */
import { leastSquares } from "../../linalg/least-squares.js";
import { inverseRtR } from "../../linalg/qr.js";
import type { Absorbed, Fit } from "../fit.js";

/**
 * OLS by Householder QR with R's collinearity rule; the bread is (X'WX)⁻¹, the scores X.
 * @example const fit = olsFit(absorbed);
 */
export function olsFit(a: Absorbed): Fit {
  const w = a.md.weights;
  const ls = leastSquares(a.x, a.y, { weights: w ?? undefined, refNorms: a.xRef });
  const kept = ls.factor.kept.slice();
  return {
    estimator: "ols",
    absorbed: a,
    kept,
    dropped: ls.dropped.slice(),
    keptInst: [],
    droppedInst: [],
    coef: Float64Array.from(kept, (j) => ls.coef[j]),
    resid: ls.resid,
    rss: weightedSS(ls.resid, w),
    bread: inverseRtR(ls.factor),
    scores: kept.map((j) => a.x[j]),
    form: "sandwich",
    kclass: null,
    lambda: null,
  };
}

/**
 * Σ w e² (w omitted when unweighted).
 * @example weightedSS(Float64Array.of(1, 2), null); // 5
 */
export function weightedSS(e: Float64Array, w: Float64Array | null): number {
  let s = 0;
  if (w) for (let i = 0; i < e.length; i++) s += w[i] * e[i] * e[i];
  else for (let i = 0; i < e.length; i++) s += e[i] * e[i];
  return s;
}
