/**
 * The range of magnitudes the engine estimates reliably. Model columns are scaled by powers of two
 * before QR, so any magnitude whose squares and cross-products stay within double precision (about
 * 1e±150 for the values and 1e±300 for their products in the VCOV) is estimated to full accuracy;
 * a column whose largest value lies outside that range is refused with its name, never dropped as
 * "collinear" or reported with a null standard error.
 */

/** Largest |value| accepted in a model column: anything of order 1e150 (decimal exponent ≤ 150). */
export const MAX_MAGNITUDE = 1e151;
/** Smallest non-zero largest |value| accepted in a model column (decimal exponent ≥ −151). */
export const MIN_MAGNITUDE = 1e-151;

/**
 * Throw, naming the column, when a model column's largest |value| lies outside [1e-150, 1e150]
 * (an all-zero column is left to the collinearity check).
 * @example checkMagnitudes([{ name: "x", values: new Float64Array([1e300]) }], " in data.csv"); // throws
 */
export function checkMagnitudes(
  cols: readonly { name: string; values: Float64Array }[],
  where: string,
): void {
  for (const { name, values } of cols) {
    let max = 0;
    for (let i = 0; i < values.length; i++) {
      const a = Math.abs(values[i]);
      if (a > max) max = a;
    }
    if (max === 0 || (max >= MIN_MAGNITUDE && max < MAX_MAGNITUDE)) continue;
    const size = max >= MAX_MAGNITUDE ? "too large" : "too small";
    throw new Error(
      `variable "${name}"${where} has values up to ${max.toExponential(3)} in absolute value, ${size} to estimate reliably (the engine handles magnitudes from 1e-150 to 1e150); rescale it, e.g. divide it by 1e${Math.round(Math.log10(max))}, or use its logarithm`,
    );
  }
}
