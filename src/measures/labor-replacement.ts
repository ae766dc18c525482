/**
 * Study B's labour replacement index, eq. (18): RE_ijt = ln(Emp_ij,t−1 / Emp_ijt).
 */
import type { KeyColumn } from "./keys.js";
import { lagRows, panelIndex } from "./panel.js";
import { keyArg, keyLen, numericArg, sameLength } from "./validate.js";

/**
 * ln(emp(t−1) / emp(t)) within each `id` (for study B the id is economy × industry), with the
 * previous period matched exactly on time (a gap or the first period gives NaN). Employment in any
 * unit (persons, thousands) — the ratio is unit-free. Missing or zero employment in either period
 * gives NaN; negative employment is an error. Duplicate (id, time) pairs are an error.
 * @example laborReplacement(Float64Array.of(100, 80), Int32Array.of(1, 1), Int32Array.of(2000, 2001)); // [NaN, ln(1.25)]
 */
export function laborReplacement(emp: Float64Array, id: KeyColumn, time: KeyColumn): Float64Array {
  const fn = "laborReplacement";
  numericArg(fn, "emp", emp);
  keyArg(fn, "id", id);
  keyArg(fn, "time", time);
  const n = sameLength(fn, [["emp", emp.length], keyLen("id", id), keyLen("time", time)]);
  for (let i = 0; i < n; i++) {
    if (emp[i] < 0)
      throw new Error(`${fn}: emp is negative (${emp[i]}) at index ${i}; employment must be ≥ 0`);
  }
  const prev = lagRows(panelIndex(fn, id, time), 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = prev[i];
    const now = emp[i];
    const before = j < 0 ? Number.NaN : emp[j];
    out[i] = now > 0 && before > 0 ? Math.log(before / now) : Number.NaN;
  }
  return out;
}
