/**
 * Fixed-effect (and cluster) factors: dense Int32Array codes 0..G−1 per row, built from numeric or
 * categorical columns and their interactions (`a^b`). Missing (NaN / −1) gives −1.
 */
import { combineCodes } from "../frame/combine-codes.js";
import { type Frame, getColumn } from "../frame/frame.js";
import { valueCodedFactor } from "./value-codes.js";

export interface Factor {
  readonly name: string;
  readonly codes: Int32Array;
  readonly levels: number;
  /** True when every level 0…levels − 1 occurs (codes numbered by first appearance). */
  readonly dense?: boolean;
  /** True when no row is missing (no code is −1), known from building the codes (absent: unknown). */
  readonly complete?: boolean;
  /** Value-coded factors (value-codes.ts): the column and the value of code 0; `codes` is built only when read. */
  readonly values?: { readonly column: Float64Array; readonly base: number };
}

/**
 * Codes for one variable or an interaction of variables, numbered by first appearance.
 * @example const firm = buildFactor(frame, ["firm"]); firm.levels; // number of firms
 */
export function buildFactor(frame: Frame, vars: readonly string[], name = vars.join("^")): Factor {
  const col = vars.length === 1 ? getColumn(frame, vars[0]) : null;
  const valueCoded = col?.type === "number" ? valueCodedFactor(col.values, name) : null;
  if (valueCoded) return valueCoded;
  let codes: Int32Array | null = null;
  let levels = 0;
  // Numeric columns and interactions are numbered by first appearance (every level occurs); a
  // categorical column's levels may include some that never occur.
  let dense = true;
  let complete: boolean | undefined;
  for (const v of vars) {
    const raw = rawCodes(frame, v);
    if (!codes) {
      codes = raw.codes;
      levels = raw.levels;
      dense = raw.dense;
      complete = raw.complete;
      continue;
    }
    ({ codes, levels } = combineCodes(codes, raw.codes, raw.levels));
    dense = true;
    complete = undefined;
  }
  if (!codes) throw new Error("buildFactor: no variables given");
  return { name, codes, levels, dense, ...(complete ? { complete } : {}) };
}

function rawCodes(
  frame: Frame,
  name: string,
): { codes: Int32Array; levels: number; dense: boolean; complete?: boolean } {
  const col = getColumn(frame, name);
  if (col.type === "category") return { codes: col.codes, levels: col.levels.length, dense: false };
  return { ...(integerCodes(col.values) ?? hashedCodes(col.values)), dense: true };
}

/** Rows from which codes go to a SharedArrayBuffer: the parallel demeaning then shares them uncopied. */
const SHARED_FROM = 1 << 16;

/**
 * A zeroed code vector of n rows (on a SharedArrayBuffer for large n).
 * @example const codes = newCodes(frame.nrows);
 */
export function newCodes(n: number): Int32Array {
  return n >= SHARED_FROM ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n);
}

/** Codes of a numeric column, and whether no value was missing. */
interface Coded {
  readonly codes: Int32Array;
  readonly levels: number;
  readonly complete: boolean;
}

/**
 * Codes by first appearance through a direct lookup table, for whole numbers in a compact range.
 * When the values first appear in increasing order from the first one (IDs 1, 1, 2, 3, 3, …), the
 * code is the value minus the first one and no table is needed.
 */
function integerCodes(v: Float64Array): Coded | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let ordered = true;
  let complete = true;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) {
      complete = false;
      continue;
    }
    if (!Number.isInteger(x)) return null;
    if (x > max) {
      if (max !== Number.NEGATIVE_INFINITY && x !== max + 1) ordered = false;
      max = x;
    }
    if (x < min) {
      if (min !== Number.POSITIVE_INFINITY) ordered = false;
      min = x;
    }
  }
  const range = max - min + 1;
  if (!(range > 0) || range > Math.max(4 * v.length, 1 << 16) || range > 1 << 28)
    return range > 0 ? null : { codes: newCodes(v.length).fill(-1), levels: 0, complete: v.length === 0 };
  const codes = newCodes(v.length);
  if (ordered) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      codes[i] = Number.isNaN(x) ? -1 : x - min;
    }
    return { codes, levels: range, complete };
  }
  const table = new Int32Array(range).fill(-1);
  let levels = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) {
      codes[i] = -1;
      continue;
    }
    const k = x - min;
    let g = table[k];
    if (g < 0) {
      g = levels++;
      table[k] = g;
    }
    codes[i] = g;
  }
  return { codes, levels, complete };
}

/** Codes by first appearance through a hash map (any numbers). */
function hashedCodes(v: Float64Array): Coded {
  const codes = newCodes(v.length);
  const seen = new Map<number, number>();
  let complete = true;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) {
      codes[i] = -1;
      complete = false;
      continue;
    }
    let g = seen.get(x);
    if (g === undefined) {
      g = seen.size;
      seen.set(x, g);
    }
    codes[i] = g;
  }
  return { codes, levels: seen.size, complete };
}

/**
 * Restrict codes to the rows where `keep` is 1 and renumber them 0..G−1 (levels absent from the kept rows vanish).
 * @example const sub = subsetFactor(firm, mask);
 */
export function subsetFactor(f: Factor, keep: Uint8Array, nkept: number): Factor {
  if (nkept === keep.length) {
    if (f.dense) return f;
    // All rows kept: codes are already dense 0..G−1 unless some level never occurs (then renumber below).
    const seen = new Uint8Array(f.levels);
    let present = 0;
    for (let i = 0; i < f.codes.length; i++) {
      if (seen[f.codes[i]]) continue;
      seen[f.codes[i]] = 1;
      present++;
    }
    if (present === f.levels) return f;
  }
  const codes = newCodes(nkept);
  const map = new Int32Array(f.levels).fill(-1);
  let levels = 0;
  let r = 0;
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    const c = f.codes[i];
    if (map[c] < 0) map[c] = levels++;
    codes[r++] = map[c];
  }
  return { name: f.name, codes, levels, dense: true };
}

/**
 * Number of rows in each level.
 * @example const sizes = levelCounts(firm);
 */
export function levelCounts(f: Factor): Int32Array {
  const counts = new Int32Array(f.levels);
  for (let i = 0; i < f.codes.length; i++) counts[f.codes[i]]++;
  return counts;
}

/**
 * Whether every level of `inner` lies within a single level of `outer` (e.g. firm FE nested in a city cluster).
 * @example isNested(firm, city); // true if no firm moves between cities
 */
export function isNested(inner: Factor, outer: { codes: Int32Array }): boolean {
  const owner = new Int32Array(inner.levels).fill(-1);
  for (let i = 0; i < inner.codes.length; i++) {
    const g = inner.codes[i];
    const o = outer.codes[i];
    if (owner[g] < 0) owner[g] = o;
    else if (owner[g] !== o) return false;
  }
  return true;
}
