/**
 * The 2SLS fit on partialled data from the first-stage fitted values: β = (X̂'WX̂)⁻¹X̂'Wy, residuals
 * y − Xβ with the actual regressors, and the bread (X̂'WX̂)⁻¹ (for Shea's partial R²).
 */
import { leastSquares, residual } from "../../linalg/least-squares.js";
import { inverseRtR } from "../../linalg/qr.js";
import type { Setup } from "./setup.js";

export interface SecondStage {
  readonly coef: Float64Array;
  readonly resid: Float64Array;
  /** (X̂'WX̂)⁻¹, row-major K1×K1. */
  readonly bread: Float64Array;
}

/**
 * 2SLS given the fitted endogenous regressors; throws naming regressors that are not separately identified.
 * @example const { resid } = secondStage(setup, fitted, ["educ"]);
 */
export function secondStage(
  s: Setup,
  fitted: readonly Float64Array[],
  endogNames: readonly string[],
): SecondStage {
  const fit = leastSquares(fitted, s.y, { weights: s.w ?? undefined });
  if (fit.dropped.length) {
    const bad = fit.dropped.map((j) => `"${endogNames[j]}"`).join(", ");
    throw new Error(
      `ivDiagnostics: endogenous regressor(s) ${bad} are collinear with the other endogenous regressors (after partialling out the exogenous regressors) or not identified by the instruments; drop them`,
    );
  }
  return { coef: fit.coef, resid: residual(s.x, s.y, fit.coef), bread: inverseRtR(fit.factor) };
}
