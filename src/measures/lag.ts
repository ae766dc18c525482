/**
 * Panel lags as Stata's `L#.` operator after `xtset id time`: the value k periods earlier for the
 * same unit, missing across gaps.
 */
import type { KeyColumn } from "./keys.js";
import { lagRows, panelIndex } from "./panel.js";
import { keyArg, keyLen, numberArg, numericArg, sameLength } from "./validate.js";

/**
 * x of the same `id` at time t − k (k an integer; k = 1 is the first lag, negative k gives leads).
 * Time is matched exactly: when no row of that id has time t − k (a gap, or the first period) the
 * result is missing, as with Stata's `L.` on `xtset` data. Rows with missing id or time get NaN.
 * Duplicate (id, time) pairs are an error. `time` must be numeric with integer values.
 * @example lag(Float64Array.of(5, 6, 8), Int32Array.of(1, 1, 1), Float64Array.of(2000, 2001, 2003), 1); // [NaN, 5, NaN]
 */
export function lag(x: Float64Array, id: KeyColumn, time: KeyColumn, k = 1): Float64Array {
  const fn = "lag";
  numericArg(fn, "x", x);
  keyArg(fn, "id", id);
  keyArg(fn, "time", time);
  numberArg(fn, "k", k, { integer: true });
  sameLength(fn, [["x", x.length], keyLen("id", id), keyLen("time", time)]);
  const prev = lagRows(panelIndex(fn, id, time), k);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = prev[i] < 0 ? Number.NaN : x[prev[i]];
  return out;
}
