/**
 * Regressions on the (partialled) excluded instruments, shared by the first stages, the
 * Sanderson–Windmeijer/Angrist–Pischke auxiliaries and the Anderson–Rubin reduced form, plus the
 * Wald test that all their coefficients are zero under the model's VCE.
 */
import { crossprod, sandwich } from "../../linalg/dense.js";
import { residual } from "../../linalg/least-squares.js";
import { applyQt, householderQR, inverseRtR, type QRFactor, solveR } from "../../linalg/qr.js";
import { quadSolve, wdot } from "../../linalg/symmetric.js";
import { momentCovariance } from "./moment-covariance.js";
import type { Setup } from "./setup.js";

export interface InstrumentRegression {
  /** Coefficients on the excluded instruments. */
  readonly coef: Float64Array;
  readonly resid: Float64Array;
  /** Σ w·e². */
  readonly rss: number;
}

export interface ExcludedWald {
  /** Wald statistic under the model's VCE; null when its covariance matrix is singular. */
  readonly chi2: number | null;
  /** Wald statistic with the classical covariance σ²(Z'WZ)⁻¹, σ² = rss/(N−dofminus) (for partial R²). */
  readonly classical: number;
  /** The covariance matrix behind `chi2` (row-major L1×L1), before any small-sample factor. */
  readonly vcov: Float64Array;
}

export interface InstrumentBasis {
  /** Z'WZ (row-major L1×L1). */
  readonly zz: Float64Array;
  /** (Z'WZ)⁻¹. */
  readonly zzInv: Float64Array;
  regress(v: Float64Array): InstrumentRegression;
  wald(r: InstrumentRegression): ExcludedWald;
}

/**
 * Factor √W·Z once by Householder QR (R's lm collinearity rule); throws naming an instrument that is
 * collinear with the others. Each regression is solved on the factor with one step of iterative
 * refinement on the residual.
 * @example const basis = instrumentBasis(setup, ["nearc2", "nearc4"]);
 */
export function instrumentBasis(s: Setup, names: readonly string[]): InstrumentBasis {
  const w = s.w ?? undefined;
  const sw = s.w ? s.w.map(Math.sqrt) : null;
  const scaled = (v: Float64Array) => (sw ? v.map((x, i) => x * sw[i]) : v);
  const factor = householderQR(s.z.map(scaled));
  if (factor.dropped.length) {
    const bad = factor.dropped.map((j) => `"${names[j]}"`).join(", ");
    throw new Error(
      `ivDiagnostics: excluded instrument(s) ${bad} are collinear with the other instruments (after partialling out the exogenous regressors); drop them`,
    );
  }
  const zz = crossprod(s.z, s.z, w);
  const zzInv = inverseRtR(factor);
  const l1 = s.z.length;
  const regress = (v: Float64Array): InstrumentRegression => {
    const coef = project(factor, scaled(v));
    let resid = residual(s.z, v, coef);
    const step = project(factor, scaled(resid));
    for (let j = 0; j < l1; j++) coef[j] += step[j];
    resid = residual(s.z, v, coef);
    return { coef, resid, rss: wdot(s.w, resid, resid) };
  };
  const wald = (r: InstrumentRegression): ExcludedWald => {
    const sigma2 = r.rss / (s.N - s.dofminus);
    let bzb = 0;
    for (let i = 0; i < l1; i++) for (let j = 0; j < l1; j++) bzb += r.coef[i] * zz[i * l1 + j] * r.coef[j];
    const classical = bzb / sigma2;
    if (s.vce === "iid") return { chi2: classical, classical, vcov: zzInv.map((v) => v * sigma2) };
    const omega = momentCovariance(s, s.z, [r.resid], s.dofminus);
    // ivreg2: QZZ⁻¹·Ω·QZZ⁻¹/N with QZZ = Z'WZ/N, i.e. N·(Z'WZ)⁻¹·Ω·(Z'WZ)⁻¹.
    const vcov = sandwich(zzInv, omega, l1, s.N);
    return { chi2: quadSolve(r.coef, vcov), classical, vcov };
  };
  return { zz, zzInv, regress, wald };
}

/** Least-squares coefficients of a (scaled) vector on the factored columns. */
function project(f: QRFactor, v: Float64Array): Float64Array {
  return solveR(f, applyQt(f, v).subarray(0, f.kept.length));
}
