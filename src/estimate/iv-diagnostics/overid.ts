/**
 * Overidentification test of all instruments: Sargan e'P_Z e/σ² with σ² = e'We/(N−dofminus) under
 * iid, Hansen's J of two-step efficient GMM under robust or cluster VCE (S from the 2SLS residuals).
 */
import { crossprodVec } from "../../linalg/dense.js";
import { pChi2 } from "../pvalues.js";
import { efficientJ } from "./gmm-j.js";
import { quadSolve, wdot } from "../../linalg/symmetric.js";
import { momentCovariance } from "./moment-covariance.js";
import type { Setup } from "./setup.js";
import type { DiagnosticTest } from "./types.js";

/**
 * The test on 2SLS residuals `e` (J is 0 with 0 df when exactly identified, as ivreg2 reports);
 * `rankProblem` is the note of a rank-deficient S, which makes ivreg2 report J as missing.
 * @example const t = overidTest(setup, resid, zz, null);
 */
export function overidTest(
  s: Setup,
  e: Float64Array,
  zz: Float64Array,
  rankProblem: string | null,
): DiagnosticTest {
  const robust = s.vce !== "iid";
  const name = robust ? "Hansen J" : "Sargan";
  const df = s.L1 - s.K1;
  if (rankProblem) return { name, stat: null, df, p: null, note: rankProblem };
  if (df === 0) return { name, stat: 0, df, p: null, note: "equation exactly identified" };
  let stat: number | null;
  if (!robust) {
    const ze = crossprodVec(s.z, e, s.w ?? undefined);
    const q = quadSolve(ze, zz);
    stat = q === null ? null : q / (wdot(s.w, e, e) / (s.N - s.dofminus));
  } else {
    stat = efficientJ(s, s.z, s.x, momentCovariance(s, s.z, [e], s.dofminus));
  }
  return {
    name,
    stat,
    df,
    p: stat === null ? null : pChi2(stat, df),
    note: stat === null ? "singular covariance matrix of the moment conditions" : null,
  };
}
