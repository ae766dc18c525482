/**
 * Under- and weak-identification statistics as ivreg2 reports them: Anderson LM and Cragg–Donald F
 * under iid; Kleibergen–Paap rk LM and rk Wald F under robust or cluster VCE (Cragg–Donald always).
 * Cluster-robust rk statistics get no dofminus adjustment; the rk Wald F is scaled like a cluster F.
 */
import { pChi2 } from "../pvalues.js";
import { canonicalCorrelations } from "./canonical-correlations.js";
import { andersonLM, craggDonaldF } from "./cragg-donald.js";
import { kpRkStatistic } from "./kleibergen-paap.js";
import { momentCovariance } from "./moment-covariance.js";
import type { Setup } from "./setup.js";
import type { DiagnosticTest } from "./types.js";

export interface Identification {
  readonly underid: DiagnosticTest;
  /** Cragg–Donald Wald F. */
  readonly cdf: number | null;
  /** ivreg2's widstat: Cragg–Donald F under iid, Kleibergen–Paap rk Wald F otherwise. */
  readonly widstat: number | null;
}

/**
 * Identification statistics; `firstStageResid` are the residuals of each endogenous regressor on the
 * excluded instruments.
 * @example const id = identification(setup, fits.map((f) => f.resid));
 */
export function identification(s: Setup, firstStageResid: readonly Float64Array[]): Identification {
  const robust = s.vce !== "iid";
  const name = robust ? "Kleibergen-Paap rk LM" : "Anderson canon. corr. LM";
  const df = s.L1 - s.K1 + 1;
  const cd = canonicalCorrelations(s);
  // ranktest treats a largest canonical correlation of 1 as collinearity; 1 − 1e-10 absorbs rounding.
  if (!cd || !(cd.cc[0] < 1 - 1e-10)) {
    const note =
      "canonical correlation of 1 or singular moment matrix: the endogenous regressors or instruments are collinear";
    return { underid: { name, stat: null, df, p: null, note }, cdf: null, widstat: null };
  }
  const cdf = craggDonaldF(s, cd);
  if (!robust) {
    const stat = andersonLM(s, cd);
    return { underid: { name, stat, df, p: pChi2(stat, df), note: null }, cdf, widstat: cdf };
  }
  const lm = kpRkStatistic(s, cd, momentCovariance(s, s.z, s.x, 0));
  const stat = lm === null ? null : s.nClust !== null ? lm : (lm / s.N) * (s.N - s.dofminus);
  const wald = kpRkStatistic(s, cd, momentCovariance(s, s.z, firstStageResid, 0));
  let widstat: number | null = null;
  if (wald !== null) {
    widstat =
      s.nClust !== null
        ? ((wald / (s.N - 1)) * (s.N - s.L - s.sdofminus) * (s.nClust - 1)) / s.nClust / s.L1
        : ((wald / s.N) * (s.N - s.L - s.sdofminus - s.dofminus)) / s.L1;
  }
  const underid: DiagnosticTest = {
    name,
    stat,
    df,
    p: stat === null ? null : pChi2(stat, df),
    note: stat === null ? "the covariance matrix of the rk statistic is singular" : null,
  };
  return { underid, cdf, widstat };
}
