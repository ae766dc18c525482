/**
 * Anderson–Rubin test of H0: all endogenous coefficients are zero (and the instruments valid): the
 * Wald test of the excluded instruments in the reduced form of y, under the model's VCE; F with
 * (L1, N−L−dofminus−sdofminus) or, clustered, (L1, G−1) degrees of freedom.
 */
import { pChi2, pF } from "../pvalues.js";
import { fDenominatorDf, waldToF } from "./dof.js";
import type { InstrumentBasis } from "./instruments.js";
import type { Setup } from "./setup.js";
import type { AndersonRubin } from "./types.js";

/**
 * AR F and χ² statistics (null, with a note, when the Wald covariance is singular).
 * @example const ar = andersonRubin(setup, basis); // ar.f = 39.42 on Card
 */
export function andersonRubin(s: Setup, basis: InstrumentBasis): AndersonRubin {
  const wald = basis.wald(basis.regress(s.y));
  const df = s.L1;
  const dfR = fDenominatorDf(s);
  const chi2 = wald.chi2;
  const f = chi2 === null ? null : waldToF(s, chi2, df);
  return {
    f,
    f_p: f === null ? null : pF(f, df, dfR),
    df,
    df_r: dfR,
    chi2,
    chi2_p: chi2 === null ? null : pChi2(chi2, df),
    note:
      chi2 === null
        ? `singular covariance matrix of the reduced-form coefficients${s.nClust !== null ? ` (${s.nClust} clusters)` : ""}`
        : null,
  };
}
