/**
 * The `poisson` row of the estimator registry: Poisson PML fitted by IRLS (irls.ts). Unlike the
 * least-squares estimators it reads the undemeaned columns (`absorbed.md`: y, the regressors, the
 * factors and weights of an already pruned sample, see fepois.ts), because IRLS absorbs the fixed
 * effects anew under its working weights w·μ at every step. The Fit holds what inference needs: the
 * inverse Hessian as bread, X̃ (demeaned under the final working weights) as scores and y − μ as
 * residuals, so every sandwich VCOV of the registry applies unchanged.
 */
import type { Absorbed, Fit } from "../fit.js";
import { type IrlsResult, poissonIrls } from "./irls.js";

export interface PoissonFitOptions {
  readonly tol?: number;
  readonly maxIter?: number;
  readonly demeanTol?: number;
  readonly demeanMaxIter?: number;
  readonly onIteration?: (iter: number, deviance: number) => void;
}

/** A Poisson fit: the registry's Fit plus the IRLS state (μ, deviance, iterations). */
export interface PoissonFit extends Fit {
  readonly irls: IrlsResult;
}

/**
 * Fit Poisson PML on an (already pruned) sample.
 * @example const fit = poissonFit(absorbed, { tol: 1e-10 });
 */
export function poissonFit(a: Absorbed, o: PoissonFitOptions = {}): PoissonFit {
  const md = a.md;
  const x = [...(a.intercept ? [new Float64Array(md.n).fill(1)] : []), ...md.exog.cols];
  const irls = poissonIrls({
    y: md.y,
    x,
    factors: md.factors,
    weights: md.weights,
    tol: o.tol ?? 1e-10,
    maxIter: o.maxIter ?? 100,
    demeanTol: o.demeanTol,
    demeanMaxIter: o.demeanMaxIter,
    onIteration: o.onIteration,
  });
  const resid = new Float64Array(md.n);
  let rss = 0;
  for (let i = 0; i < md.n; i++) {
    resid[i] = md.y[i] - irls.mu[i];
    rss += (md.weights ? md.weights[i] : 1) * resid[i] * resid[i];
  }
  return {
    estimator: "poisson",
    absorbed: a,
    kept: irls.kept,
    dropped: irls.dropped,
    keptInst: [],
    droppedInst: [],
    coef: irls.coef,
    resid,
    rss,
    bread: irls.bread,
    scores: irls.xDemeaned,
    form: "sandwich",
    kclass: null,
    lambda: null,
    irls,
  };
}
