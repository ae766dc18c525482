/**
 * Iteratively reweighted least squares for Poisson pseudo-maximum likelihood with absorbed fixed
 * effects (log link). Each iteration forms the working variable z = η + (y − μ)/μ and the working
 * weights w·μ, absorbs the fixed effects from z and every regressor under those weights (`src/fe`),
 * and solves the weighted least squares of the demeaned z on the demeaned regressors; the new linear
 * predictor is z minus that regression's residual (FE part included). Start: μ = y + 0.1 as R's
 * `poisson()$initialize`; convergence: |dev − dev₀| / (0.1 + |dev|) < tol as R's `glm` and fixest;
 * step-halving when the deviance is not finite or rises. Early iterations demean loosely (see below);
 * the converged step uses the full demeaning tolerance.
 */
import { demeanParallel } from "../../fe/demean-parallel.js";
import { DEFAULT_DEMEAN_TOL } from "../../fe/demean.js";
import type { Factor } from "../../fe/factor.js";
import { leastSquares } from "../../linalg/least-squares.js";
import { inverseRtR } from "../../linalg/qr.js";
import { poissonDeviance } from "./poisson-stats.js";

export interface IrlsInput {
  readonly y: Float64Array;
  readonly x: readonly Float64Array[];
  readonly factors: readonly Factor[];
  /** Observation weights, or null. */
  readonly weights: Float64Array | null;
  /** Deviance convergence tolerance (fixest's glm.tol). */
  readonly tol: number;
  readonly maxIter: number;
  /** CG tolerance of the demeaning (see `src/fe/demean.ts`). */
  readonly demeanTol?: number;
  readonly demeanMaxIter?: number;
  readonly onIteration?: (iter: number, deviance: number) => void;
}

export interface IrlsResult {
  /** Coefficients of the kept regressors (in the order of `kept`). */
  readonly coef: Float64Array;
  /** Indices of the regressors kept and dropped as collinear (given the FE and the other regressors). */
  readonly kept: readonly number[];
  readonly dropped: readonly number[];
  readonly mu: Float64Array;
  readonly eta: Float64Array;
  /** Kept regressors demeaned under the final working weights w·μ. */
  readonly xDemeaned: readonly Float64Array[];
  /** (X̃'WμX̃)⁻¹: the inverse Hessian, row-major over the kept regressors. */
  readonly bread: Float64Array;
  readonly deviance: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Whether some demeaning did not reach its tolerance. */
  readonly demeanWarning: string | null;
}

/**
 * Fit a Poisson PML model with fixed effects by IRLS.
 * @example const r = poissonIrls({ y, x: [x1], factors: [firm, year], weights: null, tol: 1e-10, maxIter: 100 });
 */
export function poissonIrls(inp: IrlsInput): IrlsResult {
  const { y, factors } = inp;
  const n = y.length;
  const w = inp.weights;
  let mu = new Float64Array(n);
  let eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = y[i] + 0.1;
    eta[i] = Math.log(mu[i]);
  }
  let dev = poissonDeviance(y, mu, w);
  let cols = inp.x.slice();
  let kept: number[] = inp.x.map((_, j) => j);
  let dropped: number[] = [];
  let refNorms: number[] | null = null;
  let coef = new Float64Array(kept.length);
  let xD: Float64Array[] = [];
  let bread: Float64Array = new Float64Array(0);
  let converged = false;
  let iter = 0;
  let demeanWarning: string | null = null;
  // Early IRLS steps only set the path: demean them loosely (tolerance 1e-2 × the last relative
  // deviance change, at most 1e-5), tightening to the requested tolerance as the deviance settles.
  const finalTol = inp.demeanTol ?? DEFAULT_DEMEAN_TOL;
  let lastChange = 1;
  const ww = new Float64Array(n);
  const z = new Float64Array(n);
  let zFE: Float64Array | null = null;
  let zDprev: Float64Array | null = null;
  while (iter < inp.maxIter) {
    iter++;
    for (let i = 0; i < n; i++) {
      ww[i] = w ? w[i] * mu[i] : mu[i];
      z[i] = eta[i] + (y[i] - mu[i]) / mu[i];
    }
    const tolIter = Math.max(finalTol, Math.min(1e-5, lastChange * 1e-2));
    // Warm start (after the first step): z minus last step's FE component, and last step's X̃ —
    // both differ from z and X only within the FE span, so they demean to the same result, starting
    // close to it; the stopping rule is then absolute: tolerance × the W-norm of last step's result.
    const warm = iter > 1 && zFE !== null && xD.length === cols.length;
    const start = warm ? [minus(z, zFE as Float64Array), ...xD] : [z, ...cols];
    const dm: { columns: Float64Array[]; converged: boolean; reachedTol: number; iterations?: number } =
      factors.length
        ? demeanParallel(start, factors, {
            weights: ww,
            tol: tolIter,
            maxIter: inp.demeanMaxIter,
            targets: warm
              ? [zDprev as Float64Array, ...xD].map((c) => tolIter * weightedNorm(c, ww))
              : undefined,
          })
        : { columns: [Float64Array.from(z), ...cols], converged: true, reachedTol: 0 };
    if (!dm.converged)
      demeanWarning = `fixed effects did not converge in IRLS iteration ${iter}: relative residual ${dm.reachedTol.toExponential(3)}`;
    const zD: Float64Array = dm.columns[0];
    xD = dm.columns.slice(1);
    zFE = minus(z, zD);
    zDprev = zD;
    if (!refNorms) refNorms = cols.map((c) => weightedNorm(c, ww));
    const ls = leastSquares(xD, zD, { weights: ww, refNorms });
    if (ls.dropped.length) {
      // Collinear regressors (given the FE under the working weights): drop them for good, as fixest.
      const keepIdx = ls.factor.kept.slice();
      dropped = [...dropped, ...ls.dropped.map((j) => kept[j])].sort((a, b) => a - b);
      kept = keepIdx.map((j) => kept[j]);
      cols = keepIdx.map((j) => cols[j]);
      refNorms = keepIdx.map((j) => (refNorms as number[])[j]);
      xD = keepIdx.map((j) => xD[j]);
    }
    const coefPrev = coef.length === ls.factor.kept.length ? coef : null;
    coef = Float64Array.from(ls.factor.kept.map((j) => ls.coef[j]));
    bread = kept.length ? inverseRtR(ls.factor) : new Float64Array(0);
    // New linear predictor: z minus the residual of the demeaned regression.
    const etaNew = new Float64Array(n);
    for (let i = 0; i < n; i++) etaNew[i] = z[i] - ls.resid[i];
    let muNew = etaNew.map(Math.exp);
    let devNew = poissonDeviance(y, muNew, w);
    let halvings = 0;
    while ((!Number.isFinite(devNew) || devNew > dev * (1 + 1e-12) + 1e-12) && halvings < 30 && iter > 1) {
      for (let i = 0; i < n; i++) etaNew[i] = (etaNew[i] + eta[i]) / 2;
      if (coefPrev) for (let j = 0; j < coef.length; j++) coef[j] = (coef[j] + coefPrev[j]) / 2;
      muNew = etaNew.map(Math.exp);
      devNew = poissonDeviance(y, muNew, w);
      halvings++;
    }
    if (!Number.isFinite(devNew))
      throw new Error(
        "Poisson IRLS diverged (the deviance is not finite): check the scale of the outcome and regressors",
      );
    const change = Math.abs(devNew - dev) / (0.1 + Math.abs(devNew));
    lastChange = change;
    eta = etaNew;
    mu = muNew;
    dev = devNew;
    inp.onIteration?.(iter, dev);
    if (change < inp.tol) {
      converged = true;
      break;
    }
  }
  return {
    coef,
    kept,
    dropped,
    mu,
    eta,
    xDemeaned: xD,
    bread,
    deviance: dev,
    iterations: iter,
    converged,
    demeanWarning,
  };
}

function weightedNorm(c: Float64Array, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < c.length; i++) s += w[i] * c[i] * c[i];
  return Math.sqrt(s);
}

function minus(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}
