/**
 * The Hadlock–Pierce (2010) SA index of financing constraints: −0.737·size + 0.043·size² − 0.040·age.
 */
import { numberArg, numericArg, optionsArg, sameLength } from "./validate.js";

/** Options of {@link saIndex}. */
export interface SaIndexOptions {
  /**
   * Cap size at this value before applying the formula. Hadlock & Pierce cap size at ln($4.5 bn),
   * i.e. ln(4500) with assets in millions; the default is no cap (as study A states the formula).
   */
  readonly maxSize?: number;
  /** Cap age (years) at this value; Hadlock & Pierce use 37. Default: no cap. */
  readonly maxAge?: number;
}

/**
 * SA = −0.737·size + 0.043·size² − 0.040·age, row by row, with size = ln(total assets in
 * millions) (pass the log, e.g. ln(assets / 1e6) for assets in yuan) and age in years since
 * founding. Missing in either input gives NaN. The index falls with age and, below size ≈ 8.57
 * (0.737 / 0.086), with size, so higher values mean tighter financing constraints.
 * @example saIndex(Float64Array.of(2), Float64Array.of(10)); // [−0.737·2 + 0.043·4 − 0.4 = −1.702]
 */
export function saIndex(
  lnAssetsMillions: Float64Array,
  age: Float64Array,
  opts?: SaIndexOptions,
): Float64Array {
  const fn = "saIndex";
  numericArg(fn, "lnAssetsMillions", lnAssetsMillions);
  numericArg(fn, "age", age);
  const o = optionsArg(fn, opts);
  const maxSize = o.maxSize === undefined ? Number.POSITIVE_INFINITY : numberArg(fn, "maxSize", o.maxSize);
  const maxAge = o.maxAge === undefined ? Number.POSITIVE_INFINITY : numberArg(fn, "maxAge", o.maxAge);
  const n = sameLength(fn, [
    ["lnAssetsMillions", lnAssetsMillions.length],
    ["age", age.length],
  ]);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const size = Math.min(lnAssetsMillions[i], maxSize);
    const a = Math.min(age[i], maxAge);
    out[i] = -0.737 * size + 0.043 * size * size - 0.04 * a;
  }
  return out;
}
