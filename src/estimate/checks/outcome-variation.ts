/**
 * A regression needs an outcome that varies beyond what the intercept or the fixed effects absorb:
 * otherwise every slope is 0 up to rounding, with residuals of order 1e-16 that make t statistics
 * meaningless (a slope of 2e-47 with t = 14) and R² = −Inf. Such a model is refused.
 */

/** Relative size below which the outcome left after the intercept/FE counts as no variation. */
const NO_VARIATION = 1e-9;

export interface OutcomeVariationInput {
  readonly name: string;
  /** The outcome in the estimation sample. */
  readonly y: Float64Array;
  /** The outcome after absorbing the fixed effects (same as `y` without FE), or its Σ w·ỹ² when not stored. */
  readonly yAbsorbed: Float64Array | number;
  readonly intercept: boolean;
  /** Names of the absorbed fixed effects (empty without FE). */
  readonly fixedEffects: readonly string[];
  readonly weights: Float64Array | null;
  readonly where: string;
}

/**
 * Throw when the outcome has no variation left to explain.
 * @example checkOutcomeVariation({ name: "y", y, yAbsorbed: y, intercept: true, fixedEffects: [], weights: null, where: "" });
 */
export function checkOutcomeVariation(inp: OutcomeVariationInput): void {
  const { y, weights: w } = inp;
  const n = y.length;
  let sw = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    sy += wi * y[i];
  }
  const centre = inp.intercept || inp.fixedEffects.length ? sy / sw : 0;
  let total = 0;
  let left = 0;
  let first = Number.NaN;
  let constant = true;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    if (wi === 0) continue;
    if (Number.isNaN(first)) first = y[i];
    else if (y[i] !== first) constant = false;
    total += wi * (y[i] - centre) ** 2;
    if (typeof inp.yAbsorbed !== "number") left += wi * inp.yAbsorbed[i] ** 2;
  }
  if (typeof inp.yAbsorbed === "number") left = inp.yAbsorbed;
  if (constant && (inp.intercept || inp.fixedEffects.length || first === 0)) {
    throw new Error(
      `the outcome "${inp.name}"${inp.where} is constant (${first}) in all ${n} rows of the estimation sample: there is nothing to explain, and every slope would be 0 with an undefined R²; check the outcome and the sample restrictions`,
    );
  }
  if (inp.fixedEffects.length && !(Math.sqrt(left) > NO_VARIATION * Math.sqrt(total))) {
    throw new Error(
      `the outcome "${inp.name}"${inp.where} has no variation within the fixed effects (${inp.fixedEffects.join(", ")}): they explain it exactly, so every slope would be 0 with an undefined within R²; drop or coarsen a fixed effect`,
    );
  }
}
