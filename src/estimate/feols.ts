/**
 * `feols`: OLS and 2SLS with any number of absorbed fixed effects, endogenous regressors and excluded
 * instruments; iid, robust and (multi-way) cluster VCOVs under Stata's or fixest's conventions;
 * fit statistics and ivreg2's IV diagnostics.
 */
import type { Frame } from "../frame/frame.js";
import { demeanParallel } from "../fe/demean-parallel.js";
import { type Formula, parseFormula } from "../formula/formula.js";
import { leastSquares } from "../linalg/least-squares.js";
import { inverseRtR } from "../linalg/qr.js";
import { fixedEffectDof, totalFeDof } from "./fe-dof.js";
import { modelFTest, fitStatistics } from "./fit-stats.js";
import { coefficientRows } from "./coef-table.js";
import { ivSection } from "./iv-section.js";
import { checkEndogenousCollinearity } from "./checks/endogenous-collinearity.js";
import { checkFiniteResult } from "./checks/finite-result.js";
import { checkOutcomeVariation } from "./checks/outcome-variation.js";
import { scaleModelData, unscaleResult } from "./checks/rescale.js";
import { checkIdentification, nonFiniteNote } from "./checks/sample-notes.js";
import { buildModelData } from "./model-data.js";
import { type EstimateOptions, parseVcov } from "./options.js";
import type { EstimationResult } from "./result.js";
import { tsls } from "./tsls.js";
import { type Convention, computeVcov } from "./vcov.js";
import { toNested } from "../linalg/dense.js";

/**
 * Estimate a fixest-style formula on a frame.
 * @example const res = feols(frame, "lwage ~ exper + expersq | educ ~ nearc4", { vcov: "hetero" });
 */
export function feols(frame: Frame, formula: string | Formula, opts: EstimateOptions = {}): EstimationResult {
  const f = typeof formula === "string" ? parseFormula(formula) : formula;
  const notes: string[] = [];
  const warnings: string[] = [];
  let vcovSpec = parseVcov(opts.vcov);
  if (opts.weightType === "pweight" && vcovSpec.type === "iid") {
    vcovSpec = { type: "hetero" };
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
  if (hasFE) {
    progress(
      `absorbing ${md.factors.length} fixed effect(s): ${md.factors.map((x) => `${x.name} (${x.levels})`).join(", ")}`,
    );
    const dm = demeanParallel(raw, md.factors, {
      weights: w,
      tol: opts.demean?.tol,
      maxIter: opts.demean?.maxIter,
      onIteration: (it, r) => {
        if (it % 50 === 0) progress(`demeaning: iteration ${it}, relative residual ${r.toExponential(2)}`);
      },
    });
    cols = dm.columns;
    convergence = { iterations: dm.iterations, converged: dm.converged, reached: dm.reachedTol };
    if (!dm.converged) {
      warnings.push(
        `fixed effects did not converge within ${dm.iterations} iterations: relative residual ${dm.reachedTol.toExponential(3)} (tolerance ${(opts.demean?.tol ?? 1e-11).toExponential(1)}); raise --demean-maxiter or check poorly connected fixed effects`,
      );
    }
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
    yAbsorbed: yD,
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

  progress(isIV ? "two-stage least squares" : "least squares");
  let coefAll: Float64Array;
  let resid: Float64Array;
  let kept: number[];
  let dropped: number[];
  let bread: Float64Array;
  let scores: Float64Array[];
  let keptInst: number[] = [];
  if (isIV) {
    const zRef = [...refNorms.slice(1, 1 + kx), ...refNorms.slice(1 + kx + ke)];
    const fit = tsls(yD, xD, [...exogD, ...instD], { weights: w, refNormsX: xRef, refNormsZ: zRef });
    coefAll = fit.coef;
    resid = fit.resid;
    kept = fit.kept;
    dropped = fit.dropped;
    bread = fit.bread;
    scores = kept.map((j) => fit.xhat[j]);
    const zNames = [...exogNames, ...md.instruments.names];
    for (const j of fit.droppedInstruments)
      notes.push(`instrument ${zNames[j]} is collinear with the other instruments and was dropped`);
    keptInst = md.instruments.names.map((_, j) => j).filter((j) => !fit.droppedInstruments.includes(kx + j));
    checkIdentification(md.instruments.names, keptInst, md.endog.names, feNames);
  } else {
    const fit = leastSquares(xD, yD, { weights: w ?? undefined, refNorms: xRef });
    coefAll = fit.coef;
    resid = fit.resid;
    kept = fit.factor.kept.slice();
    dropped = fit.dropped.slice();
    bread = inverseRtR(fit.factor);
    scores = kept.map((j) => xD[j]);
  }
  const collinear = dropped.map((j) => xNames[j]);
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

  const feDofs = fixedEffectDof(md.factors, md.clusters, ssc !== "fixest");
  const feTot = totalFeDof(feDofs);
  const k = kept.length + feTot.all;
  const kNested = kept.length + feTot.withoutNested;
  let rss = 0;
  for (let i = 0; i < md.n; i++) rss += (w ? w[i] : 1) * resid[i] * resid[i];
  if (md.nobs - k - dofminus - sdofminus <= 0 && conv !== "large") {
    throw new Error(
      `no residual degrees of freedom: ${md.nobs} observations for ${k} parameters (regressors plus fixed-effect levels)`,
    );
  }

  const vcInput = {
    type: vcovSpec.type,
    bread,
    scores,
    resid,
    weights: w,
    fweights: md.weightType === "fweight",
    clusters: md.clusters,
    rss,
    nobs: md.nobs,
    k,
    kNested,
    dofminus,
    sdofminus,
    convention: conv,
  };
  const vc = computeVcov(vcInput);
  if (vc.eigenFixed)
    notes.push(
      "the multi-way cluster VCOV was not positive semi-definite; negative eigenvalues were set to zero (Cameron, Gelbach & Miller 2011)",
    );
  const keptNames = kept.map((j) => xNames[j]);
  const b = kept.map((j) => coefAll[j]);
  const coefficients = coefficientRows(keptNames, b, vc.matrix, vc.dfResid);
  notes.push(...checkFiniteResult(coefficients, rss));

  const fit = fitStatistics({
    hasConstant: intercept || hasFE,
    y: md.y,
    yDemeaned: hasFE ? yD : null,
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
  const vcF = conv === "large" ? computeVcov({ ...vcInput, convention: "small" }) : vc;
  const ftest = modelFTest(b, vcF.matrix, slopeIdx, vcF.dfResid);

  const iv = isIV
    ? ivSection({
        md,
        exogD: kept.filter((j) => isExog[j]).map((j) => xD[j]),
        exogNames: kept.filter((j) => isExog[j]).map((j) => xNames[j]),
        endogD,
        instD: keptInst.map((j) => instD[j]),
        instNames: keptInst.map((j) => md.instruments.names[j]),
        yD,
        vcovType: vcovSpec.type,
        conv,
        feDof: feTot,
        dofminus,
        sdofminus,
        small: conv !== "large",
      })
    : null;

  return unscaleResult(
    {
      formula: f.text,
      method: isIV ? "2sls" : "ols",
      depvar: md.yName,
      nobs: md.nobs,
      removed: md.removed,
      collinear,
      coefficients,
      vcov: {
        type: vcovSpec.type,
        clusters: md.clusters.map((c) => c.name),
        n_clusters: md.clusters.map((c) => c.groups),
        terms: keptNames,
        matrix: toNested(vc.matrix, keptNames.length),
      },
      dof: { k: vc.kUsed, resid: vc.dfResid },
      fit: { ...fit, ...ftest },
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
    },
    md.scales,
  );
}

/** √Σ w·c², on c scaled by a power of two near its largest magnitude (exact, and cannot overflow). */
function weightedNorm(c: Float64Array, w: Float64Array | null): number {
  let max = 0;
  for (let i = 0; i < c.length; i++) max = Math.max(max, Math.abs(c[i]));
  if (!(max > 0) || !Number.isFinite(max)) return max;
  const m = 2 ** Math.max(-1000, Math.min(1000, Math.floor(Math.log2(max))));
  let s = 0;
  for (let i = 0; i < c.length; i++) s += (w ? w[i] : 1) * (c[i] / m) ** 2;
  return m * Math.sqrt(s);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
