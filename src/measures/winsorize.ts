/**
 * Winsorising: values below the p-th percentile are set to it and values above the (100−p)-th
 * percentile are set to that, as Stata's `winsor2 x, cuts(p 100−p)` does (percentiles by `_pctile`).
 */
import { groupRows, type KeyColumn } from "./keys.js";
import { sortedPctile } from "./percentile.js";
import { keyLen, keysArg, numberArg, numericArg, optionsArg, sameLength } from "./validate.js";

/** Options of {@link winsorize}. */
export interface WinsorizeOptions {
  /** Winsorise within the groups of this key (or combination of keys), e.g. `[industry, year]`. */
  readonly by?: KeyColumn | readonly KeyColumn[];
}

/**
 * Cap x at its p-th and (100−p)-th percentiles (p in percent, 0 ≤ p ≤ 50; p = 1 gives the usual
 * 1%/99% winsorising). Percentiles are Stata's `_pctile` over the non-missing values (of each `by`
 * group). Missing x stays missing; rows whose `by` key is missing get NaN (their group is unknown).
 * A new array is returned; x is not modified.
 *
 * Note: when n·p/100 is an integer the lower cut is the mean of two order statistics, so a second
 * pass can move it again — winsorising is idempotent only when n·p/100 is not an integer.
 * @example winsorize(Float64Array.from({ length: 10 }, (_, i) => i), 10); // [0.5, 1, …, 8, 8.5]
 */
export function winsorize(x: Float64Array, p: number, opts?: WinsorizeOptions): Float64Array {
  const fn = "winsorize";
  numericArg(fn, "x", x);
  numberArg(fn, "p", p, { min: 0, max: 50 });
  const o = optionsArg(fn, opts);
  const n = x.length;
  if (o.by === undefined) {
    const sorted = Float64Array.from(x.filter((v) => !Number.isNaN(v))).sort();
    return capped(x, sortedPctile(sorted, p), sortedPctile(sorted, 100 - p));
  }
  const keys = keysArg(fn, "by", o.by);
  sameLength(fn, [["x", n], ...keys.map((k, j) => keyLen(keys.length > 1 ? `by[${j}]` : "by", k))]);
  const { group, count } = groupRows(keys, n);
  // Rows with non-missing x and group, sorted by (group, x).
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (group[i] >= 0 && !Number.isNaN(x[i])) rows.push(i);
  rows.sort((a, b) => group[a] - group[b] || x[a] - x[b]);
  const lo = new Float64Array(count).fill(Number.NaN);
  const hi = new Float64Array(count).fill(Number.NaN);
  for (let s = 0; s < rows.length; ) {
    const g = group[rows[s]];
    let e = s;
    while (e < rows.length && group[rows[e]] === g) e++;
    const vals = new Float64Array(e - s);
    for (let r = s; r < e; r++) vals[r - s] = x[rows[r]];
    lo[g] = sortedPctile(vals, p);
    hi[g] = sortedPctile(vals, 100 - p);
    s = e;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = group[i];
    out[i] = g < 0 ? Number.NaN : clamp(x[i], lo[g], hi[g]);
  }
  return out;
}

function clamp(v: number, lo: number, hi: number): number {
  if (Number.isNaN(v)) return v;
  return Math.min(Math.max(v, lo), hi);
}

function capped(x: Float64Array, lo: number, hi: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = clamp(x[i], lo, hi);
  return out;
}
