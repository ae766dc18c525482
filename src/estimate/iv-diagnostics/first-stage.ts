/**
 * ivreg2's first-stage statistics for each endogenous regressor (`e(first)`): the F test of the
 * excluded instruments under the model's VCE, partial R², Shea's partial R², the first-stage RMSE,
 * the excluded instruments' coefficients, and (through `conditionalF`) the Sanderson–Windmeijer and
 * Angrist–Pischke conditional statistics.
 */
import { crossprod } from "../../linalg/dense.js";
import { invSPD } from "../../linalg/cholesky.js";
import { pChi2, pF, pT } from "../pvalues.js";
import { conditionalF } from "./conditional-f.js";
import { fDenominatorDf, partialR2, waldToF } from "./dof.js";
import type { InstrumentBasis, InstrumentRegression } from "./instruments.js";
import type { Setup } from "./setup.js";
import type { FirstStageCoefficient, FirstStageDiagnostics } from "./types.js";

export interface FirstStageInput {
  readonly basis: InstrumentBasis;
  /** One regression of each endogenous regressor on the excluded instruments. */
  readonly fits: readonly InstrumentRegression[];
  /** Fitted values P_Z x of each endogenous regressor. */
  readonly fitted: readonly Float64Array[];
  /** (X̂'WX̂)⁻¹ of the second stage (row-major K1×K1). */
  readonly bread: Float64Array;
  readonly endogNames: readonly string[];
  readonly excludedNames: readonly string[];
}

/**
 * First-stage diagnostics, one entry per endogenous regressor.
 * @example const fs = firstStages(setup, { basis, fits, fitted, bread, endogNames, excludedNames });
 */
export function firstStages(s: Setup, inp: FirstStageInput): FirstStageDiagnostics[] {
  const xxInv = invSPD(crossprod(s.x, s.x, s.w ?? undefined), s.K1);
  const df1 = s.L1;
  const df2 = fDenominatorDf(s);
  const residDf = s.N - s.L - s.dofminus - s.sdofminus;
  return inp.fits.map((fit, j) => {
    const wald = inp.basis.wald(fit);
    const pr2 = partialR2(s, wald.classical);
    const chi2 = wald.chi2;
    const f = chi2 === null ? null : waldToF(s, chi2, df1);
    const fp = f === null ? null : pF(f, df1, df2);
    const chi2p = chi2 === null ? null : pChi2(chi2, df1);
    const cond =
      s.K1 === 1
        ? { sw: { f, fp, chi2, chi2p, r2: pr2 }, ap: { f, fp, chi2, chi2p, r2: pr2 }, df1, df2 }
        : conditionalF(s, inp.basis, inp.fitted, j);
    const shea = xxInv[j * s.K1 + j] / inp.bread[j * s.K1 + j];
    const rmse = Math.sqrt(fit.rss / residDf);
    const stats: Record<string, number | null> = {
      rmse,
      sheapr2: shea,
      pr2,
      F: f,
      df: df1,
      df_r: df2,
      pvalue: fp,
      SWF: cond.sw.f,
      SWFdf1: cond.df1,
      SWFdf2: cond.df2,
      SWFp: cond.sw.fp,
      SWchi2: cond.sw.chi2,
      SWchi2p: cond.sw.chi2p,
      SWr2: cond.sw.r2,
      APF: cond.ap.f,
      APFdf1: cond.df1,
      APFdf2: cond.df2,
      APFp: cond.ap.fp,
      APchi2: cond.ap.chi2,
      APchi2p: cond.ap.chi2p,
      APr2: cond.ap.r2,
    };
    return {
      endogenous: inp.endogNames[j],
      coefficients: coefficientRows(s, fit.coef, wald.vcov, inp.excludedNames, residDf),
      f,
      f_p: fp,
      sw_f: cond.sw.f,
      ap_f: cond.ap.f,
      partial_r2: pr2,
      shea_partial_r2: shea,
      stats,
    };
  });
}

/**
 * Rows of ivreg2's saved first-stage equation: V scaled by (N−dofminus)/(N−L−dofminus−sdofminus), or
 * (N−1)/(N−L−sdofminus)·G/(G−1) under clustering, whatever `small`; t with N−L−dofminus−sdofminus df.
 */
function coefficientRows(
  s: Setup,
  coef: Float64Array,
  vcov: Float64Array,
  names: readonly string[],
  residDf: number,
): FirstStageCoefficient[] {
  const factor =
    s.nClust !== null
      ? (((s.N - 1) / (s.N - s.L - s.sdofminus)) * s.nClust) / (s.nClust - 1)
      : (s.N - s.dofminus) / residDf;
  return names.map((term, i) => {
    const se = Math.sqrt(vcov[i * s.L1 + i] * factor);
    const t = coef[i] / se;
    return { term, estimate: coef[i], se, t, p: pT(t, residDf) };
  });
}
