/**
 * The IV part of a result: first-stage regressions (coefficients under the model's VCOV) and
 * ivreg2's identification and specification diagnostics.
 */
import { leastSquares } from "../linalg/least-squares.js";
import { inverseRtR } from "../linalg/qr.js";
import { coefficientRows } from "./coef-table.js";
import { stockYogo } from "./iv-diagnostics/stock-yogo.js";
import { pChi2 } from "./pvalues.js";
import { type IVDiagnostics, ivDiagnostics } from "./iv-diagnostics/index.js";
import type { ModelData } from "./model-data.js";
import type { IVResult } from "./result.js";
import type { Fit } from "./fit.js";
import { dofK, type ResolvedVcov } from "./infer.js";
import { type Convention, computeVcov } from "./vcov/compute.js";

export interface IVSectionInput {
  readonly md: ModelData;
  readonly fit: Fit;
  /** The model's VCOV request, resolved on the sample (registry row, clusters, time index, bandwidth). */
  readonly resolved: ResolvedVcov;
  /** Kept exogenous regressors (demeaned), incl. the intercept column when there is one. */
  readonly exogD: readonly Float64Array[];
  readonly exogNames: readonly string[];
  readonly endogD: readonly Float64Array[];
  /** Kept excluded instruments (demeaned) and their names. */
  readonly instD: readonly Float64Array[];
  readonly instNames: readonly string[];
  readonly yD: Float64Array;
  readonly conv: Convention;
  readonly ssc: "stata" | "fixest";
  readonly dofminus: number;
  readonly sdofminus: number;
  readonly small: boolean;
  /** ivreg2 `endog()` and `orthog()` variable lists. */
  readonly endogTest: readonly string[];
  readonly orthog: readonly string[];
}

/**
 * First stages and diagnostics for a 2SLS fit.
 * @example const iv = ivSection({ md, fit, resolved, exogD, exogNames, endogD, instD, yD, … });
 */
export function ivSection(inp: IVSectionInput): IVResult {
  const { md } = inp;
  const { kind, ctx } = inp.resolved;
  const fe = dofK(inp.fit, ctx.clusters, inp.ssc).feTot;
  const z = [...inp.instD, ...inp.exogD];
  const zNames = [...inp.instNames, ...inp.exogNames];
  const w = md.weights;
  const firstStage = inp.endogD.map((x, e) => {
    const fit = leastSquares(z, x, { weights: inp.md.weights ?? undefined });
    const kept = fit.factor.kept;
    const k = kept.length + fe.all;
    let rss = 0;
    for (let i = 0; i < md.n; i++) rss += (w ? w[i] : 1) * fit.resid[i] ** 2;
    const vc = computeVcov({
      kind,
      ctx,
      bread: inverseRtR(fit.factor),
      scores: kept.map((j) => z[j]),
      resid: fit.resid,
      form: "sandwich",
      rss,
      k,
      kNested: kept.length + fe.withoutNested,
      dofminus: inp.dofminus,
      sdofminus: inp.sdofminus,
      convention: inp.conv,
    });
    return {
      endogenous: md.endog.names[e],
      coefficients: coefficientRows(
        kept.map((j) => zNames[j]),
        kept.map((j) => fit.coef[j]),
        vc.matrix,
        vc.dfResid,
      ),
    };
  });
  // ivreg2's diagnostics on the data with the FE and the included exogenous regressors partialled out.
  const partial = (c: Float64Array) =>
    inp.exogD.length ? leastSquares(inp.exogD, c, { weights: w ?? undefined }).resid : c;
  const vce = kind.diagnostics;
  const feS = vce === "cluster" ? fe.withoutNested : fe.all;
  const diag = ivDiagnostics({
    y: partial(inp.yD),
    endog: inp.endogD.map(partial),
    endogNames: md.endog.names,
    excluded: inp.instD.map(partial),
    excludedNames: inp.instNames,
    included: inp.exogD,
    weights: w,
    weightType: md.weightType ?? undefined,
    vce,
    clusters: ctx.clusters,
    N: md.nobs,
    K: inp.exogD.length + inp.endogD.length,
    L: inp.exogD.length + inp.instD.length,
    small: inp.small,
    dofminus: inp.dofminus,
    sdofminus: inp.sdofminus + feS,
    vcovKind: kind,
    meatContext: ctx,
    structuralResid: inp.fit.estimator === "2sls" ? undefined : inp.fit.resid,
    endogTest: inp.endogTest,
    orthog: inp.orthog,
  });
  const lambda = inp.fit.lambda;
  const overidDf = inp.instD.length - inp.endogD.length;
  const nAr = md.nobs - inp.dofminus;
  const kclassStats: Record<string, number | null> =
    lambda === null
      ? {}
      : {
          arubin: nAr * Math.log(lambda),
          arubin_lin: nAr * (lambda - 1),
          arubindf: overidDf,
          arubinp: overidDf > 0 ? pChi2(nAr * Math.log(lambda), overidDf) : null,
          arubin_linp: overidDf > 0 ? pChi2(nAr * (lambda - 1), overidDf) : null,
        };
  const weakid =
    inp.fit.estimator === "liml"
      ? { ...diag.weakid, stock_yogo: stockYogo(inp.endogD.length, inp.instD.length, "liml") }
      : diag.weakid;
  return {
    ...diag,
    weakid,
    ...gmmJ(diag, inp.fit.j),
    stats: { ...diag.stats, ...kclassStats, kclass: inp.fit.kclass, lambda, ...gmmJ(diag, inp.fit.j).stats },
    first_stage: firstStage.map((fs, e) => ({ ...diag.first_stage[e], coefficients: fs.coefficients })),
    kclass: inp.fit.kclass,
    lambda: inp.fit.lambda,
  };
}

/**
 * Two-step GMM: Hansen's J is the estimator's own criterion at the second-step residuals (on the full
 * instrument set, with the first-step weights), as ivreg2 reports it; it replaces the diagnostics'
 * re-estimated J.
 */
function gmmJ(
  diag: IVDiagnostics,
  j: number | null | undefined,
): { overid?: IVDiagnostics["overid"]; stats: Record<string, number | null> } {
  const o = diag.overid;
  if (j === undefined || o === null || o.stat === null) return { stats: {} };
  const jp = j === null ? null : pChi2(j, o.df);
  return {
    overid: {
      ...o,
      stat: j,
      p: jp,
      note: j === null ? "singular covariance matrix of the moment conditions" : null,
    },
    stats: { j, jp },
  };
}
