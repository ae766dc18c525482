/**
 * Stock–Wright LM S statistic (the LM counterpart of Anderson–Rubin, as in ivreg2 ≥ 4.1.01 and
 * weakiv): J of the model with all endogenous coefficients set to zero, ḡ = Z'W·ỹ/N with ỹ the
 * residual of y on the included exogenous regressors, S from ỹ over all instruments. Under robust or
 * cluster VCE the included exogenous regressors change S, so they must be supplied for ivreg2's value.
 */
import { crossprodVec } from "../../linalg/dense.js";
import { pChi2 } from "../pvalues.js";
import { quadSolve } from "../../linalg/symmetric.js";
import { momentCovariance } from "./moment-covariance.js";
import type { Setup } from "./setup.js";
import type { DiagnosticTest } from "./types.js";

/**
 * S statistic with L1 degrees of freedom (null, with a note, when its S is singular).
 * @example const sw = stockWright(setup); // 38.99 on Card
 */
export function stockWright(s: Setup): DiagnosticTest {
  const name = "Stock-Wright LM S";
  const df = s.L1;
  const z = s.vce !== "iid" && s.included ? [...s.z, ...s.included] : s.z;
  const omega = momentCovariance(s, z, [s.y], s.dofminus);
  const gbar = crossprodVec(z, s.y, s.w ?? undefined).map((v) => v / s.N);
  const q = quadSolve(gbar, omega);
  if (q === null) {
    return {
      name,
      stat: null,
      df,
      p: null,
      note: `the covariance matrix of the moment conditions is singular${s.nClust !== null ? ` (${s.nClust} clusters)` : ""}`,
    };
  }
  const stat = s.N * q;
  const note =
    s.vce !== "iid" && !s.included
      ? "computed with the included exogenous regressors partialled out (ivreg2's partial() convention); pass `included` for ivreg2's default"
      : null;
  return { name, stat, df, p: pChi2(stat, df), note };
}
