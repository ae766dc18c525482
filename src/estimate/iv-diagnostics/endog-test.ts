/**
 * ivreg2's `endog()` test that all endogenous regressors are in fact exogenous: the difference of two
 * Sargan–Hansen statistics computed with the same S — J of the restricted model (the regressors moved
 * to the instruments, i.e. OLS with S from its residuals) minus J of the original model re-estimated
 * by efficient GMM with the corresponding block of that S — which guarantees C ≥ 0 (Hayashi 2000).
 */
import { crossprod } from "../../linalg/dense.js";
import { leastSquares } from "../../linalg/least-squares.js";
import { pChi2 } from "../pvalues.js";
import { efficientJ } from "./gmm-j.js";
import { block, wdot } from "../../linalg/symmetric.js";
import { momentCovariance } from "./moment-covariance.js";
import { momentRankProblem } from "./moment-rank.js";
import type { Setup } from "./setup.js";
import type { DiagnosticTest } from "./types.js";

/**
 * C statistic with K1 degrees of freedom; `mainRankProblem` (a rank-deficient S of the main model)
 * makes ivreg2 report it as missing, as does a rank-deficient S of the restricted model.
 * @example const t = endogeneityTest(setup, null);
 */
export function endogeneityTest(s: Setup, mainRankProblem: string | null): DiagnosticTest {
  const name = "Endogeneity (C) test";
  const df = s.K1;
  const w = s.w ?? undefined;
  const restricted = leastSquares(s.x, s.y, { weights: w });
  const er = restricted.resid;
  const zr = [...s.z, ...s.x];
  const problem = mainRankProblem ?? momentRankProblem(s, zr, er, s.L + s.K1);
  if (problem) return { name, stat: null, df, p: null, note: problem };
  let omega: Float64Array;
  if (s.vce === "iid") {
    const sigma2 = wdot(s.w, er, er) / (s.N - s.dofminus);
    omega = crossprod(zr, zr, w).map((v) => (v * sigma2) / s.N);
  } else {
    omega = momentCovariance(s, zr, [er], s.dofminus);
  }
  const jr = efficientJ(s, zr, s.x, omega);
  const jf = s.L1 > s.K1 ? efficientJ(s, s.z, s.x, block(omega, zr.length, 0, 0, s.L1, s.L1)) : 0;
  const stat = jr === null || jf === null ? null : jr - jf;
  return {
    name,
    stat,
    df,
    p: stat === null ? null : pChi2(stat, df),
    note: stat === null ? "singular covariance matrix of the moment conditions" : null,
  };
}
