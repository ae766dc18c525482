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
  for (const v of vars) {
    const raw = rawCodes(frame, v);
    if (!codes) {
      codes = raw.codes;
      levels = raw.levels;
      continue;
    }
    ({ codes, levels } = combineCodes(codes, raw.codes, raw.levels));
  }
  if (!codes) throw new Error("buildFactor: no variables given");
  return { name, codes, levels };
}

function rawCodes(frame: Frame, name: string): { codes: Int32Array; levels: number } {
  const col = getColumn(frame, name);
  if (col.type === "category") return { codes: col.codes, levels: col.levels.length };
  return integerCodes(col.values) ?? hashedCodes(col.values);
}

/** Codes by first appearance through a direct lookup table, for whole numbers in a compact range. */
function integerCodes(v: Float64Array): { codes: Int32Array; levels: number } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) continue;
    if (!Number.isInteger(x)) return null;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const range = max - min + 1;
  if (!(range > 0) || range > Math.max(4 * v.length, 1 << 16) || range > 1 << 28)
    return range > 0 ? null : { codes: new Int32Array(v.length).fill(-1), levels: 0 };
  const table = new Int32Array(range).fill(-1);
  const codes = new Int32Array(v.length);
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
  return { codes, levels };
}

/** Codes by first appearance through a hash map (any numbers). */
function hashedCodes(v: Float64Array): { codes: Int32Array; levels: number } {
  const codes = new Int32Array(v.length);
  const seen = new Map<number, number>();
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) {
      codes[i] = -1;
      continue;
    }
    let g = seen.get(x);
    if (g === undefined) {
      g = seen.size;
      seen.set(x, g);
    }
    codes[i] = g;
  }
  return { codes, levels: seen.size };
}

/**
 * Restrict codes to the rows where `keep` is 1 and renumber them 0..G−1 (levels absent from the kept rows vanish).
 * @example const sub = subsetFactor(firm, mask);
 */
export function subsetFactor(f: Factor, keep: Uint8Array, nkept: number): Factor {
  if (nkept === keep.length && f.values) return f; // every level occurs in a value-coded factor
  if (nkept === keep.length) {
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
  const codes = new Int32Array(nkept);
  const map = new Int32Array(f.levels).fill(-1);
  let levels = 0;
  let r = 0;
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    const c = f.codes[i];
    if (map[c] < 0) map[c] = levels++;
    codes[r++] = map[c];
  }
  return { name: f.name, codes, levels };
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
