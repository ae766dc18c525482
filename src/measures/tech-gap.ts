/**
 * Study A's technology gap, eq. (3): gap_ijt = ln lp^US_jt − ln lp_ijt.
 */
import { numericArg, sameLength } from "./validate.js";

/**
 * The distance to the frontier, frontierLnLp − lnLp, row by row: `frontierLnLp` is ln labour
 * productivity of the matched US industry in the same year (NBER-CES, merged onto each firm row),
 * `lnLp` the firm's ln labour productivity; both natural logs of productivity in the same currency
 * units (convert before taking logs). Missing in either gives NaN.
 * @example techGap(Float64Array.of(5), Float64Array.of(3.5)); // [1.5]
 */
export function techGap(frontierLnLp: Float64Array, lnLp: Float64Array): Float64Array {
  const fn = "techGap";
  numericArg(fn, "frontierLnLp", frontierLnLp);
  numericArg(fn, "lnLp", lnLp);
  const n = sameLength(fn, [
    ["frontierLnLp", frontierLnLp.length],
    ["lnLp", lnLp.length],
  ]);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = frontierLnLp[i] - lnLp[i];
  return out;
}
