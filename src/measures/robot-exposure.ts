/**
 * Study B's robot exposure, eq. (14): Exposure_ijt = ln((Robot_ijt + 1) / Emp_ij,base).
 */
import { numericArg, sameLength } from "./validate.js";

/**
 * ln((robots + 1) / baseEmployment), row by row. `robots` is the robot stock (or installations, for
 * `Exposure_Install`) in units; `baseEmployment` the unit's employment in the base year (2000 for
 * industries, 1994 for economies), already merged onto each row, in the units you want the density
 * expressed in (WIOD: thousands of persons). Missing inputs or a zero base employment give NaN;
 * negative robots or employment are an error.
 * @example robotExposure(Float64Array.of(99), Float64Array.of(10)); // [ln(10)]
 */
export function robotExposure(robots: Float64Array, baseEmployment: Float64Array): Float64Array {
  const fn = "robotExposure";
  numericArg(fn, "robots", robots);
  numericArg(fn, "baseEmployment", baseEmployment);
  const n = sameLength(fn, [
    ["robots", robots.length],
    ["baseEmployment", baseEmployment.length],
  ]);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = robots[i];
    const e = baseEmployment[i];
    if (r < 0) throw new Error(`${fn}: robots is negative (${r}) at index ${i}; robot counts must be ≥ 0`);
    if (e < 0)
      throw new Error(`${fn}: baseEmployment is negative (${e}) at index ${i}; employment must be ≥ 0`);
    out[i] = e > 0 ? Math.log((r + 1) / e) : Number.NaN;
  }
  return out;
}
