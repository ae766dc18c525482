/**
 * ivreg2's difference-in-Sargan (C) tests, `endog()` and `orthog()`: the difference of two
 * Sargan–Hansen statistics computed with the same S — J of the model with more moment conditions
 * (the restricted one) minus J of the model without the tested conditions, re-estimated by efficient
 * GMM with the corresponding block of that S — which guarantees C ≥ 0 (Hayashi 2000).
 * - `endog(X₁)`: the tested endogenous regressors are moved to the instruments; S from the
 *   residuals of that restricted model (2SLS, or OLS when every regressor is tested).
 * - `orthog(Z₁)`: the tested excluded instruments are dropped in the unrestricted model; S from the
 *   residuals of the full model.
 */
import { crossprod } from "../../linalg/dense.js";
import { residual } from "../../linalg/least-squares.js";
import { wdot } from "../../linalg/symmetric.js";
import { pChi2 } from "../pvalues.js";
import { tsls } from "../tsls.js";
import { efficientJ } from "./gmm-j.js";
import { momentCovariance } from "./moment-covariance.js";
import { momentRankProblem } from "./moment-rank.js";
import type { Setup } from "./setup.js";
import type { DiagnosticTest } from "./types.js";

/**
 * C statistic that the endogenous regressors at `tested` (default all) are exogenous; `mainRankProblem`
 * (a rank-deficient S of the main model) makes ivreg2 report it as missing, as does a rank-deficient
 * S of the restricted model.
 * @example const t = endogeneityTest(setup, null);
 */
export function endogeneityTest(
  s: Setup,
  mainRankProblem: string | null,
  tested: readonly number[] = s.x.map((_, j) => j),
): DiagnosticTest {
  const name = "Endogeneity (C) test";
  const zr = [...s.z, ...tested.map((j) => s.x[j])];
  const er = residual(s.x, s.y, tsls(s.y, s.x, zr, { weights: s.w }).coef);
  const unrestricted = s.z.map((_, j) => j);
  return cStatistic(s, name, zr, er, unrestricted, tested.length, mainRankProblem, s.L + tested.length);
}

/**
 * C statistic for the validity of the excluded instruments at `tested`, with S from the full model's
 * residuals `e`.
 * @example const t = orthogTest(setup, resid, [1], null);
 */
export function orthogTest(
  s: Setup,
  e: Float64Array,
  tested: readonly number[],
  mainRankProblem: string | null,
): DiagnosticTest {
  const name = "Instrument orthogonality (C) test";
  const kept = s.z.map((_, j) => j).filter((j) => !tested.includes(j));
  if (kept.length < s.K1)
    return {
      name,
      stat: null,
      df: tested.length,
      p: null,
      note: "without the tested instruments the equation is not identified",
    };
  return cStatistic(s, name, s.z, e, kept, tested.length, mainRankProblem, s.L);
}

function cStatistic(
  s: Setup,
  name: string,
  zr: readonly Float64Array[],
  er: Float64Array,
  unrestricted: readonly number[],
  df: number,
  mainRankProblem: string | null,
  fullCount: number,
): DiagnosticTest {
  const w = s.w ?? undefined;
  const problem = mainRankProblem ?? momentRankProblem(s, zr, er, fullCount);
  if (problem) return { name, stat: null, df, p: null, note: problem };
  let omega: Float64Array;
  if (s.vce === "iid") {
    const sigma2 = wdot(s.w, er, er) / (s.N - s.dofminus);
    omega = crossprod(zr, zr, w).map((v) => (v * sigma2) / s.N);
  } else {
    omega = momentCovariance(s, zr, [er], s.dofminus);
  }
  const jr = efficientJ(s, zr, s.x, omega);
  const m = zr.length;
  const sub = new Float64Array(unrestricted.length ** 2);
  unrestricted.forEach((a, i) => {
    unrestricted.forEach((b, j) => {
      sub[i * unrestricted.length + j] = omega[a * m + b];
    });
  });
  const zu = unrestricted.map((j) => zr[j]);
  const ju = zu.length > s.K1 ? efficientJ(s, zu, s.x, sub) : 0;
  const stat = jr === null || ju === null ? null : jr - ju;
  return {
    name,
    stat,
    df,
    p: stat === null ? null : pChi2(stat, df),
    note: stat === null ? "singular covariance matrix of the moment conditions" : null,
  };
}
