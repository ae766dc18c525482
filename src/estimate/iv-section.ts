/**
 * The IV part of a result: first-stage regressions (coefficients under the model's VCOV) and
 * ivreg2's identification and specification diagnostics.
 */
import { leastSquares } from "../linalg/least-squares.js";
import { inverseRtR } from "../linalg/qr.js";
import { coefficientRows } from "./coef-table.js";
import { ivDiagnostics } from "./iv-diagnostics/index.js";
import type { ModelData } from "./model-data.js";
import type { IVResult } from "./result.js";
import { type Convention, computeVcov } from "./vcov.js";

export interface IVSectionInput {
  readonly md: ModelData;
  /** Kept exogenous regressors (demeaned), incl. the intercept column when there is one. */
  readonly exogD: readonly Float64Array[];
  readonly exogNames: readonly string[];
  readonly endogD: readonly Float64Array[];
  /** Kept excluded instruments (demeaned) and their names. */
  readonly instD: readonly Float64Array[];
  readonly instNames: readonly string[];
  readonly yD: Float64Array;
  readonly vcovType: "iid" | "hetero" | "cluster";
  readonly conv: Convention;
  readonly feDof: { readonly all: number; readonly withoutNested: number };
  readonly dofminus: number;
  readonly sdofminus: number;
  readonly small: boolean;
}

/**
 * First stages and diagnostics for a 2SLS fit.
 * @example const iv = ivSection({ md, exogD, exogNames, endogD, instD, yD, vcovType: "iid", … });
 */
export function ivSection(inp: IVSectionInput): IVResult {
  const { md } = inp;
  const z = [...inp.instD, ...inp.exogD];
  const zNames = [...inp.instNames, ...inp.exogNames];
  const w = md.weights;
  const firstStage = inp.endogD.map((x, e) => {
    const fit = leastSquares(z, x, { weights: inp.md.weights ?? undefined });
    const kept = fit.factor.kept;
    const k = kept.length + inp.feDof.all;
    let rss = 0;
    for (let i = 0; i < md.n; i++) rss += (w ? w[i] : 1) * fit.resid[i] ** 2;
    const vc = computeVcov({
      type: inp.vcovType,
      bread: inverseRtR(fit.factor),
      scores: kept.map((j) => z[j]),
      resid: fit.resid,
      weights: w,
      fweights: md.weightType === "fweight",
      clusters: md.clusters,
      rss,
      nobs: md.nobs,
      k,
      kNested: kept.length + inp.feDof.withoutNested,
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
  const vce = inp.vcovType === "hetero" ? "robust" : inp.vcovType;
  const fe = vce === "cluster" ? inp.feDof.withoutNested : inp.feDof.all;
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
    clusters: md.clusters,
    N: md.nobs,
    K: inp.exogD.length + inp.endogD.length,
    L: inp.exogD.length + inp.instD.length,
    small: inp.small,
    dofminus: inp.dofminus,
    sdofminus: inp.sdofminus + fe,
  });
  return {
    ...diag,
    first_stage: firstStage.map((fs, e) => ({ ...diag.first_stage[e], coefficients: fs.coefficients })),
  };
}
