/**
 * `feols`: OLS and 2SLS with any number of absorbed fixed effects, endogenous regressors and excluded
 * instruments; iid, robust and (multi-way) cluster VCOVs under Stata's or fixest's conventions;
 * fit statistics and ivreg2's IV diagnostics.
 */
import type { Frame } from "../frame/frame.js";
import { demeanParallel } from "../fe/demean-parallel.js";
import { type Formula, parseFormula } from "../formula/formula.js";
import { fixedEffectDof, totalFeDof } from "./fe-dof.js";
import { modelFTest, fitStatistics } from "./fit-stats.js";
import { coefficientRows } from "./coef-table.js";
import { ivSection } from "./iv-section.js";
import { checkDofAdjustment } from "./checks/dof-adjustment.js";
import { checkEndogenousCollinearity } from "./checks/endogenous-collinearity.js";
import { checkFiniteResult } from "./checks/finite-result.js";
import { checkOutcomeVariation } from "./checks/outcome-variation.js";
import { scaleModelData, unscaleResult } from "./checks/rescale.js";
import { checkIdentification, nonFiniteNote } from "./checks/sample-notes.js";
import { buildModelData } from "./model-data.js";
import { NO_DIRECT_PLAN, streamedOls } from "./streamed-ols.js";
import { oneRegressorOls } from "./one-regressor-ols.js";
import { type EstimateOptions, parseVcov, type VcovSpec } from "./options.js";
import { pweightRobust } from "./vcov/registry.js";
import type { EstimationResult } from "./result.js";
import type { Convention } from "./vcov/compute.js";
import type { Absorbed, Fit } from "./fit.js";
import { estimatorDef, parseEstimator } from "./estimators/registry.js";
import type { EstimatorName } from "./estimators/types.js";
import {
  dofK,
  type InferOptions,
  type ResolvedVcov,
  bandwidthScores,
  resolveBandwidth,
  resolveVcov,
  vcovOf,
} from "./infer.js";
import { toNested } from "../linalg/dense.js";

/**
 * Estimate a fixest-style formula on a frame.
 * @example const res = feols(frame, "lwage ~ exper + expersq | educ ~ nearc4", { vcov: "hetero" });
 */
export function feols(frame: Frame, formula: string | Formula, opts: EstimateOptions = {}): EstimationResult {
  return estimateModel(frame, formula, opts).result;
}

/**
 * A fitted model: its result, and a way to get the result under another VCOV without re-demeaning.
 * Internal state (the `Fit`) stays inside; see {@link withVcov}.
 */
export interface FittedModel {
  readonly result: EstimationResult;
  /** The result under another (parsed) VCOV request. */
  readonly withSpec: (spec: VcovSpec) => EstimationResult;
  readonly opts: EstimateOptions;
  /** Residuals y − ŷ (fixed effects included) by row of the frame; NaN outside the estimation sample. */
  readonly residuals: () => Float64Array;
}

/**
 * Like {@link feols}, keeping the fit so that other VCOVs cost no re-demeaning ({@link withVcov}).
 * @example const m = estimateModel(frame, "y ~ x | firm", { vcov: "cluster:firm" });
 */
export function estimateModel(
  frame: Frame,
  formula: string | Formula,
  opts: EstimateOptions = {},
): FittedModel {
  const f = typeof formula === "string" ? parseFormula(formula) : formula;
  const notes: string[] = [];
  const warnings: string[] = [];
  const estimatorSpec = parseEstimator(opts.estimator);
  const requested = parseVcov(opts.vcov, opts);
  const vcovSpec = pweightRobust(requested, opts.weightType);
  if (vcovSpec !== requested) {
    notes.push("probability weights imply a robust VCOV (as in Stata)");
  }
  const ssc = opts.ssc ?? "stata";
  const small = opts.small ?? true;
  const conv: Convention = ssc === "fixest" ? "fixest" : small ? "small" : "large";
  const dofminus = opts.dofminus ?? 0;
  const sdofminus = opts.sdofminus ?? 0;
  const progress = opts.onProgress ?? (() => {});

  progress("preparing the estimation sample");
  const md = scaleModelData(buildModelData(frame, f, vcovSpec, opts));
  checkDofAdjustment(md.nobs, { dofminus, sdofminus });
  const hasFE = md.factors.length > 0;
  if (md.nonFinite.rows) notes.push(nonFiniteNote(md.nonFinite));
  if (hasFE && opts.constant === false)
    notes.push("--no-constant has no effect with fixed effects (the FE absorb the intercept)");
  const intercept = !hasFE && f.intercept && opts.constant !== false;
  const w = md.weights;
  const ones = intercept ? [new Float64Array(md.n).fill(1)] : [];
  const exogNames = [...(intercept ? ["(Intercept)"] : []), ...md.exog.names];
  const exogRaw = [...ones, ...md.exog.cols];
  const isIV = md.endog.cols.length > 0;

  // Absorb the fixed effects from every model column at once.
  const raw = [md.y, ...exogRaw, ...md.endog.cols, ...md.instruments.cols];
  let cols = raw;
  let convergence: EstimationResult["convergence"] = null;
  if (hasFE)
    progress(
      `absorbing ${md.factors.length} fixed effect(s): ${md.factors.map((x) => `${x.name} (${x.levels})`).join(", ")}`,
    );
  // Large OLS with directly solved FE: absorbed and fitted in streaming passes (streamed-ols.ts);
  // then `cols` stays raw and the demeaned columns are only read through `absorbed`.
  const isOls = (estimatorSpec?.name ?? "ols") === "ols";
  const tried =
    hasFE && isOls ? streamedOls(md, { tol: opts.demean?.tol, method: opts.demean?.method }) : null;
  let streamed = tried === NO_DIRECT_PLAN ? null : tried;
  if (streamed)
    convergence = { iterations: 0, converged: true, reached: streamed.reachedTol, method: "direct" };
  else if (hasFE) {
    const dm = demeanParallel(raw, md.factors, {
      weights: w,
      tol: opts.demean?.tol,
      maxIter: opts.demean?.maxIter,
      // A direct plan the streamed path found too costly is not made again.
      method: tried === NO_DIRECT_PLAN ? "iterate" : opts.demean?.method,
      onIteration: (it, r) => {
        if (it % 50 === 0) progress(`demeaning: iteration ${it}, relative residual ${r.toExponential(2)}`);
      },
    });
    cols = dm.columns;
    convergence = {
      iterations: dm.iterations,
      converged: dm.converged,
      reached: dm.reachedTol,
      ...(dm.method ? { method: dm.method } : {}),
    };
    if (!dm.converged) {
      warnings.push(
        `fixed effects did not converge within ${dm.iterations} iterations: relative residual ${dm.reachedTol.toExponential(3)} (tolerance ${(opts.demean?.tol ?? 1e-11).toExponential(1)}); raise --demean-maxiter or check poorly connected fixed effects`,
      );
    }
    // A large OLS on one regressor: R from three cross-products (one-regressor-ols.ts).
    if (isOls) streamed = oneRegressorOls(md, cols[0], cols.slice(1, 1 + exogRaw.length), dm.reachedTol);
  }
  const refNorms = raw.map((c) => weightedNorm(c, w));
  const kx = exogRaw.length;
  const ke = md.endog.cols.length;
  const yD = cols[0];
  const exogD = cols.slice(1, 1 + kx);
  const endogD = cols.slice(1 + kx, 1 + kx + ke);
  const instD = cols.slice(1 + kx + ke);
  // Regressor order: intercept, endogenous, exogenous — as fixest and ivreg2 order IV coefficients
  // (the order matters for which coefficient a generalised inverse drops in a singular Wald test).
  const nInt = intercept ? 1 : 0;
  const order = [...range(0, nInt), ...range(kx, kx + ke), ...range(nInt, kx)];
  const allNames = [...exogNames, ...md.endog.names];
  const allD = [...exogD, ...endogD];
  const allRef = refNorms.slice(1, 1 + kx + ke);
  const xNames = order.map((j) => allNames[j]);
  const xD = order.map((j) => allD[j]);
  const xRef = order.map((j) => allRef[j]);
  const isExog = order.map((j) => j < kx);
  const feNames = md.factors.map((x) => x.name);
  const where = frame.source ? ` in ${frame.source}` : "";
  checkOutcomeVariation({
    name: md.yName,
    y: md.y,
    yAbsorbed: streamed ? streamed.yCheckSumSq : yD,
    intercept,
    fixedEffects: feNames,
    weights: w,
    where,
  });
  if (isIV) {
    checkEndogenousCollinearity({
      ...{ endog: endogD, endogNames: md.endog.names, endogRef: refNorms.slice(1 + kx, 1 + kx + ke) },
      ...{ exog: exogD, exogNames, instruments: instD, weights: w, fixedEffects: feNames },
    });
  }

  const shape = {
    md,
    xNames,
    xRef,
    isExog,
    exogNames,
    exogRef: refNorms.slice(1, 1 + kx),
    instNames: md.instruments.names,
    instRef: refNorms.slice(1 + kx + ke),
    hasFE,
    intercept,
    feDof: totalFeDof(fixedEffectDof(md.factors, md.clusters, ssc !== "fixest")),
  };
  const absorbed: Absorbed = streamed
    ? streamed.absorbed(shape)
    : { ...shape, y: yD, x: xD, exog: exogD, endog: endogD, inst: instD };
  const est = estimatorSpec ?? { name: isIV ? "2sls" : "ols", param: null };
  const def = estimatorDef(est.name);
  if (def.iv === true && !isIV)
    throw new Error(`--estimator ${est.name} needs an IV part in the formula (| endogenous ~ instruments)`);
  if (opts.coviv && !["liml", "fuller", "kclass"].includes(est.name))
    throw new Error("--coviv applies to --estimator liml, fuller:A or kclass:K");

  progress(`${def.label}`);
  const inferOpts: InferOptions = {
    convention: conv,
    ssc,
    dofminus,
    sdofminus,
    coviv: opts.coviv ?? false,
    estimator: est,
  };
  let resolved = resolveVcov(md, vcovSpec, frame);
  const fitCtx = (r: ResolvedVcov) => ({
    vcov: r.kind,
    meat: r.ctx,
    dofminus,
    sdofminus: sdofminus + absorbed.feDof.all,
    coviv: opts.coviv ?? false,
  });
  const fitWith = (name: EstimatorName, r: ResolvedVcov): Fit =>
    streamed && name === "ols" ? streamed.fit(absorbed) : estimatorDef(name).fit(absorbed, est, fitCtx(r));
  let fit: Fit;
  if (vcovSpec.bw === "auto") {
    // The automatic bandwidth is chosen on the first-step (OLS or 2SLS) residuals.
    const first = fitWith(isIV ? "2sls" : "ols", resolved);
    resolved = resolveBandwidth(resolved, bandwidthScores(first), first.resid);
  }
  fit = fitWith(est.name, resolved);
  if (isIV) checkIdentification(md.instruments.names, fit.keptInst, md.endog.names, feNames);
  const { kept, dropped } = fit;
  const collinear = dropped.map((j) => xNames[j]);
  for (const j of fit.droppedInst)
    notes.push(
      `instrument ${md.instruments.names[j]} is collinear with the other instruments and was dropped`,
    );
  for (const j of dropped) {
    const withinNote = hasFE
      ? ` or with the fixed effects (${md.factors.map((x) => x.name).join(", ")})`
      : "";
    notes.push(`${xNames[j]} is collinear with the other regressors${withinNote} and was dropped`);
  }
  if (!kept.length) {
    throw new Error(
      `every regressor was dropped (${collinear.join(", ")}): none has variation left after the fixed effects and the other regressors`,
    );
  }
  for (let j = 0; j < xNames.length; j++) {
    if (!isExog[j] && dropped.includes(j))
      throw new Error(
        `endogenous regressor ${xNames[j]} is collinear with the exogenous regressors or has no variation within the fixed effects; it cannot be instrumented`,
      );
  }

  const fit0 = fit;
  const fitNotes = notes;
  /** Inference and the plain result for one VCOV request (no re-demeaning). */
  const assemble = (r: ResolvedVcov): EstimationResult => {
    const inferred = vcovOf(fit0, r.spec, inferOpts, frame);
    const fit = inferred.fit;
    const notes = [...fitNotes];
    const { feDofs, k } = dofK(fit, r.ctx.clusters, ssc);
    const rss = fit.rss;
    if (md.nobs - k - dofminus - sdofminus <= 0 && conv !== "large") {
      throw new Error(
        `no residual degrees of freedom: ${md.nobs} observations for ${k} parameters (regressors plus fixed-effect levels)`,
      );
    }

    const vc = inferred.vcov;
    if (vc.eigenFixed)
      notes.push(
        "the multi-way cluster VCOV was not positive semi-definite; negative eigenvalues were set to zero (Cameron, Gelbach & Miller 2011)",
      );
    if (vc.notPositive)
      notes.push(
        `the ${r.kind.label} VCOV is not positive definite: a coefficient has a negative variance, and its standard error, t and p are reported missing (as Stata does); try another kernel or bandwidth`,
      );
    const keptNames = kept.map((j) => xNames[j]);
    const b = Array.from(fit.coef);
    const kk = keptNames.length;
    // A negative variance (a kernel VCOV that is not positive definite): SE, t and p missing, as Stata.
    const coefficients = coefficientRows(keptNames, b, vc.matrix, vc.dfResid).map((c, j) =>
      vc.matrix[j * kk + j] < 0 ? { ...c, se: Number.NaN, t: Number.NaN, p: Number.NaN } : c,
    );
    notes.push(
      ...checkFiniteResult(
        coefficients.filter((_, j) => !(vc.matrix[j * kk + j] < 0)),
        rss,
      ),
    );

    const fitStats = fitStatistics({
      hasConstant: intercept || hasFE,
      y: md.y,
      yDemeaned: streamed ? streamed.ySumSq : hasFE ? yD : null,
      weights: w,
      rss,
      nobs: md.nobs,
      k,
      dofminus,
      sdofminus,
      conv,
    });
    const slopeIdx = keptNames.map((_, i) => i).filter((i) => keptNames[i] !== "(Intercept)");
    // ivreg2 reports the model F from the small-sample VCOV under either convention.
    const vcF =
      conv === "large" ? vcovOf(fit0, r.spec, { ...inferOpts, convention: "small" }, frame).vcov : vc;
    const ftest = modelFTest(b, vcF.matrix, slopeIdx, vcF.dfResid);

    const iv = isIV
      ? ivSection({
          md,
          fit,
          resolved: r,
          exogD: kept.filter((j) => isExog[j]).map((j) => xD[j]),
          exogNames: kept.filter((j) => isExog[j]).map((j) => xNames[j]),
          endogD,
          instD: fit.keptInst.map((j) => instD[j]),
          instNames: fit.keptInst.map((j) => md.instruments.names[j]),
          yD,
          conv,
          ssc,
          dofminus,
          sdofminus,
          small: conv !== "large",
          endogTest: opts.endogTest ?? [],
          orthog: opts.orthog ?? [],
        })
      : null;

    const result: EstimationResult = {
      formula: f.text,
      method: isIV ? "2sls" : "ols",
      estimator: est.name,
      depvar: md.yName,
      nobs: md.nobs,
      removed: md.removed,
      collinear,
      coefficients,
      vcov: {
        type: r.spec.type,
        label: r.kind.label,
        kernel: r.ctx.kernel,
        bw: r.ctx.bw,
        clusters: r.ctx.clusters.map((c) => c.name),
        n_clusters: vc.groups ?? [],
        terms: keptNames,
        matrix: toNested(vc.matrix, keptNames.length),
      },
      dof: { k: vc.kUsed, resid: vc.dfResid },
      fit: { ...fitStats, ...ftest },
      fixed_effects: feDofs.map((d) => ({
        name: d.name,
        levels: d.levels,
        redundant: d.redundant,
        nested_in_cluster: d.nestedInCluster,
      })),
      iv,
      convergence,
      options: {
        small: conv !== "large",
        ssc,
        dofminus,
        sdofminus,
        weights: opts.weights ?? null,
        weight_type: md.weightType,
        singletons_kept: opts.keepSingletons ?? false,
      },
      notes,
      warnings,
    };
    return unscaleResult(result, md.scales);
  };
  return {
    result: assemble(resolved),
    withSpec: (spec) => assemble(resolveVcov(md, pweightRobust(spec, opts.weightType), frame)),
    opts,
    residuals: () => {
      // The residual of the demeaned regression is the full model's (Frisch–Waugh–Lovell); undo the
      // outcome's internal scaling.
      const out = new Float64Array(frame.nrows).fill(Number.NaN);
      const sy = md.scales.get(md.yName) ?? 1;
      md.rows.forEach((r, i) => {
        out[r] = fit0.resid[i] / sy;
      });
      return out;
    },
  };
}

/**
 * √Σ w·c², on c scaled by a power of two near its largest magnitude (exact, and cannot overflow).
 * When the largest |c| lies within 2^±250 the unscaled sum, taken in the same pass as the maximum,
 * is the same number: scaling by a power of two commutes with rounding short of overflow and
 * underflow, and terms that would underflow are below the sum's last bit either way.
 */
function weightedNorm(c: Float64Array, w: Float64Array | null): number {
  let max = 0;
  let plain = 0;
  if (w)
    for (let i = 0; i < c.length; i++) {
      max = Math.max(max, Math.abs(c[i]));
      plain += w[i] * c[i] ** 2;
    }
  else
    for (let i = 0; i < c.length; i++) {
      max = Math.max(max, Math.abs(c[i]));
      plain += c[i] ** 2;
    }
  if (!(max > 0) || !Number.isFinite(max)) return max;
  if (max >= 2 ** -250 && max <= 2 ** 250 && Number.isFinite(plain)) return Math.sqrt(plain);
  const m = 2 ** Math.max(-1000, Math.min(1000, Math.floor(Math.log2(max))));
  let s = 0;
  for (let i = 0; i < c.length; i++) s += (w ? w[i] : 1) * (c[i] / m) ** 2;
  return m * Math.sqrt(s);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/**
 * The result of a fitted model under another VCOV request (`cluster:province^year`, `hetero`, a
 * kernel…), from the stored fit: no re-reading, no re-demeaning. New cluster variables are read
 * from the frame on the estimation rows (an error if they are missing there).
 * @example const byProvinceYear = withVcov(m, "cluster:province^year");
 */
export function withVcov(
  m: FittedModel,
  vcov: string,
  refine: Pick<EstimateOptions, "kernel" | "bw" | "time" | "panel"> = {},
): EstimationResult {
  return m.withSpec(parseVcov(vcov, { ...m.opts, ...refine }));
}
