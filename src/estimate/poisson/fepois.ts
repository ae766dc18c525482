/**
 * `fepois`: Poisson pseudo-maximum likelihood with any number of absorbed fixed effects and
 * observation weights (R `fixest::fepois`, Stata `ppmlhdfe`). The sample drops missing values,
 * all-zero FE groups, singletons (unless kept) and observations separated by the regressors; the fit
 * is IRLS on the absorbed FE; the VCOV is the inverse Hessian (`iid`, no dispersion factor) or a
 * sandwich on the scores (y − μ)·x̃ with the same finite-sample factors as OLS under `--ssc`.
 */
import type { Frame } from "../../frame/frame.js";
import { type Formula, parseFormula } from "../../formula/formula.js";
import { toNested } from "../../linalg/dense.js";
import { checkOutcomeVariation } from "../checks/outcome-variation.js";
import { coefficientRows } from "../coef-table.js";
import { fixedEffectDof, totalFeDof } from "../fe-dof.js";
import type { Absorbed } from "../fit.js";
import { resolveBandwidth, resolveVcov } from "../infer.js";
import { buildModelData } from "../model-data.js";
import { type EstimateOptions, parseVcov } from "../options.js";
import { pweightRobust } from "../vcov/registry.js";
import { type Convention, computeVcov } from "../vcov/compute.js";
import { poissonDeviance, poissonLogLik, poissonNullLogLik, squaredCorrelation } from "./poisson-stats.js";
import { type PoissonFit, poissonFit } from "./poisson-fit.js";
import { prunePoissonSample } from "./prune-sample.js";
import { subsetSample } from "./subset-sample.js";
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
export function fepois(frame: Frame, formula: string | Formula, opts: PoissonOptions = {}): PoissonResult {
  const f = typeof formula === "string" ? parseFormula(formula) : formula;
  if (f.endog.length || f.instruments.length)
    throw new Error("--family poisson has no IV part: remove the endogenous part of the formula (… | x ~ z)");
  if (opts.estimator !== undefined && opts.estimator !== "poisson")
    throw new Error(`--estimator ${opts.estimator} does not combine with --family poisson`);
  const notes: string[] = [];
  const warnings: string[] = [];
  const requested = parseVcov(opts.vcov, opts);
  const vcovSpec = pweightRobust(requested, opts.weightType);
  if (vcovSpec !== requested) notes.push("probability weights imply a robust VCOV (as in Stata)");
  if (vcovSpec.type === "ac")
    throw new Error(
      "--kernel with --vcov iid (ivreg2's AC) assumes conditional homoskedasticity, which Poisson PML does not have: use --vcov hetero with --kernel (HAC)",
    );
  const ssc = opts.ssc ?? "stata";
  const conv: Convention = ssc === "fixest" ? "fixest" : "small";
  const progress = opts.onProgress ?? (() => {});
  progress("preparing the estimation sample");
  const md0 = buildModelData(frame, f, vcovSpec, { ...opts, keepSingletons: true });
  for (let i = 0; i < md0.n; i++) {
    if (md0.y[i] < 0)
      throw new Error(
        `Poisson outcome ${md0.yName}${frame.source ? ` in ${frame.source}` : ""} is negative (${md0.y[i]}) at row ${md0.rows[i] + 1}; PPML needs y ≥ 0`,
      );
  }
  const hasFE = md0.factors.length > 0;
  const intercept = !hasFE && f.intercept && opts.constant !== false;
  const xNames = [...(intercept ? ["(Intercept)"] : []), ...md0.exog.names];
  const xRaw = [...(intercept ? [new Float64Array(md0.n).fill(1)] : []), ...md0.exog.cols];

  progress("removing all-zero fixed-effect groups, singletons and separated observations");
  const pr = prunePoissonSample({
    y: md0.y,
    x: xRaw,
    factors: md0.factors,
    keepSingletons: opts.keepSingletons ?? false,
    checkSeparation: opts.separation ?? true,
  });
  if (pr.kept === 0)
    throw new Error(`no observations left: every fixed-effect group of ${md0.yName} is all zero`);
  if (pr.allZero)
    notes.push(`${pr.allZero} observation(s) of fixed-effect groups whose outcome is all zero were removed`);
  if (pr.separated)
    notes.push(
      `${pr.separated} observation(s) separated by the regressors were removed (ReLU check, Correia, Guimarães & Zylkin 2019)`,
    );
  const md = subsetSample(md0, pr.keep, pr.kept, pr.singletons);
  // The constant-outcome refusal of OLS; its within-FE check is linear demeaning, which does not
  // describe a Poisson fit, so the FE count only as absorbing the level here.
  checkOutcomeVariation({
    name: md.yName,
    y: md.y,
    yAbsorbed: md.y,
    intercept: intercept || hasFE,
    fixedEffects: [],
    weights: md.weights,
    where: frame.source ? ` in ${frame.source}` : "",
  });
  const clusters = md.clusters;
  // fixest's fixef.K = "nested" under multi-way clustering: see the note below.
  const feDofs = fixedEffectDof(md.factors, clusters, ssc !== "fixest").map((d) =>
    ssc === "fixest" && clusters.length > 1
      ? { ...d, nestedInCluster: clusters.some((c) => c.name === d.name) }
      : d,
  );
  const feTot = totalFeDof(feDofs);
  const xP = md.exog.cols;
  const absorbed: Absorbed = {
    md,
    y: md.y,
    x: [...(intercept ? [new Float64Array(md.n).fill(1)] : []), ...xP],
    xNames,
    xRef: [],
    isExog: xNames.map(() => true),
    exog: [],
    exogNames: xNames,
    exogRef: [],
    endog: [],
    inst: [],
    instNames: [],
    instRef: [],
    hasFE,
    intercept,
    feDof: feTot,
  };

  progress("Poisson IRLS");
  // The registry's `poisson` row (estimators/registry.ts) is this fit; called directly for its IRLS state.
  const fit: PoissonFit = poissonFit(absorbed, {
    tol: opts.glmTol ?? 1e-10,
    maxIter: opts.glmMaxIter ?? 100,
    demeanTol: opts.demean?.tol,
    demeanMaxIter: opts.demean?.maxIter,
    onIteration: (it, dev) => progress(`IRLS iteration ${it}: deviance ${dev.toPrecision(10)}`),
  });
  const irls = fit.irls;
  if (!irls.converged)
    warnings.push(
      `Poisson IRLS did not converge within ${irls.iterations} iterations; raise the iteration cap or check for separation`,
    );
  if (irls.demeanWarning) warnings.push(irls.demeanWarning);
  const collinear = fit.dropped.map((j) => xNames[j]);
  for (const name of collinear)
    notes.push(
      `${name} is collinear with the other regressors${hasFE ? ` or with the fixed effects (${md.factors.map((x) => x.name).join(", ")})` : ""} and was dropped`,
    );
  if (!fit.kept.length) throw new Error(`every regressor was dropped (${collinear.join(", ")})`);

  const kReg = fit.kept.length;
  const k = kReg + feTot.all;
  const kNested = kReg + feTot.withoutNested;
  const resolved = resolveBandwidth(resolveVcov(md, vcovSpec, null), fit.scores, fit.resid);
  let vc: Float64Array;
  let dofK = k;
  if (vcovSpec.type === "iid") vc = iidVcov(fit.bread, md.nobs, k, conv);
  else {
    const v = computeVcov({
      kind: resolved.kind,
      ctx: resolved.ctx,
      bread: fit.bread,
      scores: fit.scores,
      resid: fit.resid,
      form: "sandwich",
      rss: fit.rss,
      k,
      kNested,
      dofminus: 0,
      sdofminus: 0,
      convention: conv,
    });
    vc = v.matrix;
    dofK = v.kUsed;
    if (v.eigenFixed)
      notes.push(
        "the multi-way cluster VCOV was not positive semi-definite; negative eigenvalues were set to zero (Cameron, Gelbach & Miller 2011)",
      );
    if (v.notPositive)
      warnings.push(
        `the ${resolved.kind.label} VCOV is not positive definite: a coefficient has a negative or zero variance, and its standard error is reported missing`,
      );
  }
  const keptNames = fit.kept.map((j) => xNames[j]);
  const coefficients = coefficientRows(keptNames, fit.coef, vc, null);
  const y = md.y;
  const w = md.weights;
  const loglik = poissonLogLik(y, irls.mu, w);
  const nullLoglik = poissonNullLogLik(y, w);
  const ybar = weightedMean(y, w);
  return {
    formula: f.text,
    estimator: "poisson",
    depvar: md.yName,
    nobs: md.nobs,
    removed: {
      missing: md.removed.missing,
      singletons: pr.singletons,
      separation: pr.allZero + pr.separated,
    },
    collinear,
    coefficients,
    vcov: {
      type: resolved.spec.type,
      label: resolved.kind.label,
      kernel: resolved.ctx.kernel,
      bw: resolved.ctx.bw,
      clusters: resolved.ctx.clusters.map((c) => c.name),
      n_clusters: resolved.ctx.clusters.map((c) => c.groups),
      terms: keptNames,
      matrix: toNested(vc, kReg),
    },
    dof: { k: dofK, resid: null },
    fit: {
      deviance: irls.deviance,
      null_deviance: poissonDeviance(y, new Float64Array(md.n).fill(ybar), w),
      loglik,
      null_loglik: nullLoglik,
      pseudo_r2: 1 - loglik / nullLoglik,
      squared_cor: squaredCorrelation(y, irls.mu, w),
    },
    iterations: irls.iterations,
    converged: irls.converged,
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
