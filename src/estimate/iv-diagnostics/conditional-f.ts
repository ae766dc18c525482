/**
 * Sanderson–Windmeijer and Angrist–Pischke conditional first-stage statistics for one endogenous
 * regressor when there are several (ivreg2's `s_ffirst`): project x_j on the other regressors' fitted
 * values, then test the excluded instruments in a regression of the residual — built from fitted (AP)
 * or actual (SW) other regressors — on all instruments, with L1−K1+1 numerator degrees of freedom.
 */
import { leastSquares, residual } from "../../linalg/least-squares.js";
import { pChi2, pF } from "../pvalues.js";
import { fDenominatorDf, partialR2, waldToF } from "./dof.js";
import type { InstrumentBasis } from "./instruments.js";
import type { Setup } from "./setup.js";

export interface ConditionalStat {
  readonly f: number | null;
  readonly fp: number | null;
  readonly chi2: number | null;
  readonly chi2p: number | null;
  readonly r2: number;
}

export interface ConditionalF {
  readonly sw: ConditionalStat;
  readonly ap: ConditionalStat;
  readonly df1: number;
  readonly df2: number;
}

/**
 * SW and AP statistics of endogenous regressor `j` given the fitted values of all of them.
 * @example const { sw, ap } = conditionalF(setup, basis, fitted, 0);
 */
export function conditionalF(
  s: Setup,
  basis: InstrumentBasis,
  fitted: readonly Float64Array[],
  j: number,
): ConditionalF {
  const others = s.x.map((_, k) => k).filter((k) => k !== j);
  const xhatOthers = others.map((k) => fitted[k]);
  const proj = leastSquares(xhatOthers, s.x[j], { weights: s.w ?? undefined });
  const b1 = others.map((_, i) => proj.coef[i]);
  const df1 = s.L1 - s.K1 + 1;
  const df2 = fDenominatorDf(s);
  const stat = (e1: Float64Array): ConditionalStat => {
    const fit = basis.regress(e1);
    const wald = basis.wald(fit);
    const chi2 = wald.chi2;
    const f = chi2 === null ? null : waldToF(s, chi2, df1);
    return {
      f,
      fp: f === null ? null : pF(f, df1, df2),
      chi2,
      chi2p: chi2 === null ? null : pChi2(chi2, df1),
      r2: partialR2(s, wald.classical),
    };
  };
  const ap = stat(residual(xhatOthers, s.x[j], b1));
  const sw = stat(
    residual(
      others.map((k) => s.x[k]),
      s.x[j],
      b1,
    ),
  );
  return { sw, ap, df1, df2 };
}
