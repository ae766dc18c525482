/**
 * An endogenous regressor that is a linear combination of the exogenous regressors, or of the
 * exogenous regressors and the excluded instruments, is its own first-stage fit: "2SLS" would then
 * be OLS under another label, with first-stage F and endogeneity tests beside it. Refused by name.
 */
import { applyQt, householderQR } from "../../linalg/qr.js";

/** Relative remainder below which a column counts as collinear (R's `lm` tolerance, as in the QR). */
const TOL = 1e-7;

export interface EndogenousCollinearityInput {
  /** Endogenous regressors, after the fixed effects are absorbed. */
  readonly endog: readonly Float64Array[];
  readonly endogNames: readonly string[];
  /** Their norms before absorbing the FE (the collinearity reference, as for the other regressors). */
  readonly endogRef: readonly number[];
  /** Included exogenous regressors (incl. the intercept column), after absorbing the FE. */
  readonly exog: readonly Float64Array[];
  readonly exogNames: readonly string[];
  readonly instruments: readonly Float64Array[];
  readonly weights: Float64Array | null;
  readonly fixedEffects: readonly string[];
}

/**
 * Throw, naming the regressor, when an endogenous regressor lies in the span of the exogenous
 * regressors or of the exogenous regressors and instruments.
 * @example checkEndogenousCollinearity({ endog: [w], endogNames: ["w"], endogRef: [1], exog: [x], exogNames: ["x"], instruments: [z], weights: null, fixedEffects: [] });
 */
export function checkEndogenousCollinearity(inp: EndogenousCollinearityInput): void {
  const sw = inp.weights ? Float64Array.from(inp.weights, Math.sqrt) : null;
  const scale = (c: Float64Array) => (sw ? c.map((v, i) => v * sw[i]) : c);
  const exog = inp.exog.map(scale);
  const both = [...exog, ...inp.instruments.map(scale)];
  const fe = inp.fixedEffects.length
    ? ` or has no variation within the fixed effects (${inp.fixedEffects.join(", ")})`
    : "";
  inp.endog.forEach((col, j) => {
    const c = scale(col);
    const ref = inp.endogRef[j];
    const name = inp.endogNames[j];
    if (remainderNorm(exog, c) <= TOL * ref) {
      const list = inp.exogNames.length ? ` (${inp.exogNames.join(", ")})` : "";
      throw new Error(
        `endogenous regressor ${name} is collinear with the exogenous regressors${list}${fe}: it has no variation of its own to instrument, and 2SLS would only repeat OLS; remove it from the endogenous list or from the exogenous regressors`,
      );
    }
    if (remainderNorm(both, c) <= TOL * ref) {
      throw new Error(
        `endogenous regressor ${name} is an exact linear combination of the exogenous regressors and the excluded instruments${fe ? ` (after absorbing the fixed effects ${inp.fixedEffects.join(", ")})` : ""}: its first stage fits perfectly, so 2SLS would equal OLS and the first-stage and endogeneity statistics are meaningless; check that it is not also listed (or copied) among the instruments`,
      );
    }
  });
}

/** ‖(I − P_X) c‖, with P_X over the non-collinear columns of `cols`. */
function remainderNorm(cols: readonly Float64Array[], c: Float64Array): number {
  if (!cols.length) return norm(c);
  const f = householderQR(cols);
  const q = applyQt(f, c);
  return norm(q.subarray(f.kept.length));
}

function norm(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  if (m === 0) return 0;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] / m) ** 2;
  return m * Math.sqrt(s);
}
