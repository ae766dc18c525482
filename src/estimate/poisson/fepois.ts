/**
 * `fepois`: Poisson pseudo-maximum likelihood with any number of absorbed fixed effects and
 * observation weights (R `fixest::fepois`, Stata `ppmlhdfe`). The sample drops missing values,
 * all-zero FE groups, singletons (unless kept) and observations separated by the regressors; the fit
 * is IRLS on the absorbed FE; the VCOV is the inverse Hessian (`iid`, no dispersion factor) or a
 * sandwich on the scores (y − μ)·x̃ with the same finite-sample factors as OLS under `--ssc`.
 */
import { type Factor, subsetFactor } from "../../fe/factor.js";
import { type Formula, parseFormula } from "../../formula/formula.js";
import { toNested } from "../../linalg/dense.js";
import { coefficientRows } from "../coef-table.js";
import { fixedEffectDof, totalFeDof } from "../fe-dof.js";
import type { ClusterDim } from "../meat.js";
import { buildModelData } from "../model-data.js";
import { type EstimateOptions, parseVcov } from "../options.js";
import { type Convention, computeVcov } from "../vcov.js";
import { poissonIrls } from "./irls.js";
import { poissonDeviance, poissonLogLik, poissonNullLogLik, squaredCorrelation } from "./poisson-stats.js";
import { prunePoissonSample } from "./prune-sample.js";
import type { PoissonResult } from "./types.js";

export interface PoissonOptions extends EstimateOptions {
  /** IRLS convergence tolerance on the relative deviance change (default 1e-10; fixest's glm.tol). */
  readonly glmTol?: number;
  /** IRLS iteration cap (default 100). */
  readonly glmMaxIter?: number;
  /** Check for separation by the regressors (ReLU; default true). fixest does not. */
  readonly separation?: boolean;
}

/**
 * Poisson PML with fixed effects.
 * @example const r = fepois(frame, "patents ~ robot + lnlp | firm + year", { vcov: "cluster:firm" });
 */
export function fepois(
  frame: import("../../frame/frame.js").Frame,
  formula: string | Formula,
  opts: PoissonOptions = {},
): PoissonResult {
  const f = typeof formula === "string" ? parseFormula(formula) : formula;
  if (f.endog.length || f.instruments.length)
    throw new Error("--family poisson has no IV part: remove the endogenous part of the formula (… | x ~ z)");
  const notes: string[] = [];
  const warnings: string[] = [];
  let vcovSpec = parseVcov(opts.vcov);
  if (opts.weightType === "pweight" && vcovSpec.type === "iid") {
    vcovSpec = { type: "hetero" };
    notes.push("probability weights imply a robust VCOV (as in Stata)");
  }
  const ssc = opts.ssc ?? "stata";
  const conv: Convention = ssc === "fixest" ? "fixest" : "small";
  const progress = opts.onProgress ?? (() => {});
  progress("preparing the estimation sample");
  const md = buildModelData(frame, f, vcovSpec, { ...opts, keepSingletons: true });
  for (let i = 0; i < md.n; i++) {
    if (md.y[i] < 0)
      throw new Error(
        `Poisson outcome ${md.yName}${frame.source ? ` in ${frame.source}` : ""} is negative (${md.y[i]}) at row ${md.rows[i] + 1}; PPML needs y ≥ 0`,
      );
  }
  const hasFE = md.factors.length > 0;
  const intercept = !hasFE && f.intercept && opts.constant !== false;
  const xNames = [...(intercept ? ["(Intercept)"] : []), ...md.exog.names];
  const xRaw = [...(intercept ? [new Float64Array(md.n).fill(1)] : []), ...md.exog.cols];

  progress("removing all-zero fixed-effect groups, singletons and separated observations");
  const pr = prunePoissonSample({
    y: md.y,
    x: xRaw,
    factors: md.factors,
    keepSingletons: opts.keepSingletons ?? false,
    checkSeparation: opts.separation ?? true,
  });
  if (pr.kept === 0)
    throw new Error(`no observations left: every fixed-effect group of ${md.yName} is all zero`);
  if (pr.allZero)
    notes.push(`${pr.allZero} observation(s) of fixed-effect groups whose outcome is all zero were removed`);
  if (pr.separated)
    notes.push(
      `${pr.separated} observation(s) separated by the regressors were removed (ReLU check, Correia, Guimarães & Zylkin 2019)`,
    );
  const n = pr.kept;
  const all = n === md.n;
  const rows = new Int32Array(n);
  for (let i = 0, r = 0; i < md.n; i++) if (pr.keep[i]) rows[r++] = i;
  const sub = (c: Float64Array) => (all ? c : Float64Array.from(rows, (r) => c[r]));
  const y = sub(md.y);
  const x = xRaw.map(sub);
  const w = md.weights ? sub(md.weights) : null;
  const factors: Factor[] = md.factors.map((fac) => (all ? fac : subsetFactor(fac, pr.keep, n)));
  const clusters: ClusterDim[] = md.clusters.map((c) => {
    const s = all
      ? { codes: c.codes, levels: c.groups }
      : subsetFactor({ name: c.name, codes: c.codes, levels: c.groups }, pr.keep, n);
    if (s.levels < 2)
      throw new Error(
        `cluster variable "${c.name}" has ${s.levels} group left in the Poisson sample; clustering needs at least two`,
      );
    return { name: c.name, codes: s.codes, groups: s.levels };
  });
  let nobs = n;
  if (w && md.weightType === "fweight") {
    nobs = 0;
    for (let i = 0; i < n; i++) nobs += w[i];
  }

  progress("Poisson IRLS");
  const fit = poissonIrls({
    y,
    x,
    factors,
    weights: w,
    tol: opts.glmTol ?? 1e-10,
    maxIter: opts.glmMaxIter ?? 100,
    demeanTol: opts.demean?.tol,
    demeanMaxIter: opts.demean?.maxIter,
    onIteration: (it, dev) => progress(`IRLS iteration ${it}: deviance ${dev.toPrecision(10)}`),
  });
  if (!fit.converged)
    warnings.push(
      `Poisson IRLS did not converge within ${fit.iterations} iterations; raise the iteration cap or check for separation`,
    );
  if (fit.demeanWarning) warnings.push(fit.demeanWarning);
  const collinear = fit.dropped.map((j) => xNames[j]);
  for (const name of collinear)
    notes.push(
      `${name} is collinear with the other regressors${hasFE ? ` or with the fixed effects (${factors.map((x) => x.name).join(", ")})` : ""} and was dropped`,
    );
  if (!fit.kept.length) throw new Error(`every regressor was dropped (${collinear.join(", ")})`);

  const feDofs = fixedEffectDof(factors, clusters, ssc !== "fixest").map((d) =>
    ssc === "fixest" && clusters.length > 1
      ? { ...d, nestedInCluster: clusters.some((c) => c.name === d.name) }
      : d,
  );
  const feTot = totalFeDof(feDofs);
  const kReg = fit.kept.length;
  const k = kReg + feTot.all;
  const kNested = kReg + feTot.withoutNested;
  const resid = new Float64Array(n);
  for (let i = 0; i < n; i++) resid[i] = y[i] - fit.mu[i];
  const vc =
    vcovSpec.type === "iid"
      ? iidVcov(fit.bread, nobs, k, conv)
      : computeVcov({
          type: vcovSpec.type,
          bread: fit.bread,
          scores: fit.xDemeaned,
          resid,
          weights: w,
          fweights: md.weightType === "fweight",
          clusters,
          rss: 0,
          nobs,
          k,
          kNested,
          dofminus: 0,
          sdofminus: 0,
          convention: conv,
        }).matrix;
  const keptNames = fit.kept.map((j) => xNames[j]);
  const coefficients = coefficientRows(keptNames, fit.coef, vc, null);
  const loglik = poissonLogLik(y, fit.mu, w);
  const nullLoglik = poissonNullLogLik(y, w);
  const ybar = weightedMean(y, w);
  return {
    formula: f.text,
    estimator: "poisson",
    depvar: md.yName,
    nobs,
    removed: {
      missing: md.removed.missing,
      singletons: pr.singletons,
      separation: pr.allZero + pr.separated,
    },
    collinear,
    coefficients,
    vcov: {
      type: vcovSpec.type,
      clusters: clusters.map((c) => c.name),
      n_clusters: clusters.map((c) => c.groups),
      terms: keptNames,
      matrix: toNested(vc, kReg),
    },
    dof: { k: vcovSpec.type === "cluster" ? kNested : k, resid: null },
    fit: {
      deviance: fit.deviance,
      null_deviance: poissonDeviance(y, new Float64Array(n).fill(ybar), w),
      loglik,
      null_loglik: nullLoglik,
      pseudo_r2: 1 - loglik / nullLoglik,
      squared_cor: squaredCorrelation(y, fit.mu, w),
    },
    iterations: fit.iterations,
    converged: fit.converged,
    fixed_effects: feDofs.map((d) => ({
      name: d.name,
      levels: d.levels,
      redundant: d.redundant,
      nested_in_cluster: d.nestedInCluster,
    })),
    options: {
      small: true,
      ssc,
      dofminus: 0,
      sdofminus: 0,
      weights: opts.weights ?? null,
      weight_type: md.weightType,
      singletons_kept: opts.keepSingletons ?? false,
    },
    notes,
    warnings,
  };
}

/*
 * Under `--ssc fixest` with multi-way clustering an FE counts as nested in the clusters (fixef.K =
 * "nested") only when it is itself one of the cluster variables, as fixest 0.12 counts it (the
 * oracle's firm FE, nested in the city cluster, is still counted in K with cluster:city+year).
 */

/** The inverse Hessian, times fixest's (n − 1)/(n − K) under `--ssc fixest`; unscaled otherwise (ppmlhdfe). */
function iidVcov(bread: Float64Array, nobs: number, k: number, conv: Convention): Float64Array {
  const c = conv === "fixest" ? (nobs - 1) / (nobs - k) : 1;
  return bread.map((v) => v * c);
}

function weightedMean(y: Float64Array, w: Float64Array | null): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    s += wi * y[i];
    sw += wi;
  }
  return s / sw;
}
