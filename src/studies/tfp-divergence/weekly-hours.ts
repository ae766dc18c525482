/**
 * `lnweekwork`: ln of weekly hours per employee, the paper's "员工总工作时间除以员工总人数计算得到年均
 * 工作时间,一年以 52 周计" — WIOD SEA's hours worked by employees (H_EMPE, millions) over its number
 * of employees (EMPE, thousands), not over all persons engaged (EMP, which adds the self-employed).
 */
import { mapColumns } from "./frame-columns.js";

/**
 * ln(H_EMPE · 10⁶ / (EMPE · 10³ · 52)) per row; NaN where either is missing or EMPE is not positive.
 * @example weeklyHours(Float64Array.of(2080), Float64Array.of(1000))[0]; // ln 40
 */
export function weeklyHours(hEmpe: Float64Array, empe: Float64Array): Float64Array {
  return mapColumns([hEmpe, empe], (h, e) => (e > 0 ? Math.log((h * 1000) / (e * 52)) : Number.NaN));
}
