/**
 * Argument checks shared by the measures: every failure is an `Error` naming the function, the
 * argument and (where it applies) the row, and saying what to pass instead.
 */
import { isKeyColumn, type KeyColumn, keyLength } from "./keys.js";

/**
 * A short description of a value's type, for error messages.
 * @example describeValue([1]); // "a plain Array"
 */
export function describeValue(x: unknown): string {
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (Array.isArray(x)) return "a plain Array";
  if (typeof x === "object") return `a ${(x as object).constructor?.name ?? "object"}`;
  return `a ${typeof x}`;
}

/**
 * Require a numeric column (`Float64Array`, NaN = missing).
 * @example const x = numericArg("winsorize", "x", new Float64Array([1, 2]));
 */
export function numericArg(fn: string, name: string, x: unknown): Float64Array {
  if (x instanceof Float64Array) return x;
  throw new Error(
    `${fn}: argument "${name}" must be a Float64Array (NaN = missing), got ${describeValue(x)}; ` +
      `convert it with Float64Array.from(values)`,
  );
}

/**
 * Require a key column (`Float64Array`, `Int32Array` or `{ codes, levels }`).
 * @example const id = keyArg("lag", "id", new Int32Array([1, 1]));
 */
export function keyArg(fn: string, name: string, k: unknown): KeyColumn {
  if (isKeyColumn(k)) return k;
  throw new Error(
    `${fn}: argument "${name}" must be a key column — a Float64Array of ids (NaN = missing), an Int32Array ` +
      `of codes (−1 = missing) or a categorical { codes: Int32Array, levels: string[] } — got ${describeValue(k)}`,
  );
}

/**
 * Require one key column or an array of them (grouping by their combination).
 * @example const keys = keysArg("hhi", "by", [industry, year]);
 */
export function keysArg(fn: string, name: string, by: unknown): KeyColumn[] {
  if (Array.isArray(by) && by.some((k) => typeof k !== "object" || k === null)) {
    throw new Error(
      `${fn}: argument "${name}" must be a key column or an array of key columns, got a plain Array of values; ` +
        `convert it with Float64Array.from(values) (numeric ids) or pass a categorical { codes, levels }`,
    );
  }
  if (Array.isArray(by)) {
    if (by.length === 0)
      throw new Error(`${fn}: argument "${name}" is an empty list; give at least one key column`);
    return by.map((k, j) => keyArg(fn, `${name}[${j}]`, k));
  }
  return [keyArg(fn, name, by)];
}

/**
 * Require all columns to have the same number of rows as the first one.
 * @example sameLength("lag", [["x", x.length], ["id", keyLength(id)]]);
 */
export function sameLength(fn: string, cols: readonly (readonly [string, number])[]): number {
  const [name0, n0] = cols[0];
  for (const [name, n] of cols.slice(1)) {
    if (n !== n0) {
      throw new Error(
        `${fn}: argument "${name}" has ${n} rows but "${name0}" has ${n0}; ` +
          `pass columns of the same table (equal lengths, rows aligned)`,
      );
    }
  }
  return n0;
}

/**
 * Length of a key column, named for `sameLength`.
 * @example sameLength("f", [["x", 3], keyLen("id", id)]);
 */
export function keyLen(name: string, k: KeyColumn): readonly [string, number] {
  return [name, keyLength(k)];
}

/**
 * Require a finite number in [min, max] (and an integer when asked).
 * @example const p = numberArg("winsorize", "p", 1, { min: 0, max: 50 });
 */
export function numberArg(
  fn: string,
  name: string,
  v: unknown,
  range: { min?: number; max?: number; integer?: boolean; openMin?: boolean; openMax?: boolean } = {},
): number {
  const ok =
    typeof v === "number" &&
    Number.isFinite(v) &&
    (range.min === undefined || (range.openMin ? v > range.min : v >= range.min)) &&
    (range.max === undefined || (range.openMax ? v < range.max : v <= range.max)) &&
    (!range.integer || Number.isInteger(v));
  if (ok) return v as number;
  const lo = range.min === undefined ? "" : `${range.openMin ? ">" : "≥"} ${range.min}`;
  const hi = range.max === undefined ? "" : `${range.openMax ? "<" : "≤"} ${range.max}`;
  const bounds = [lo, hi].filter((s) => s).join(" and ");
  const kind = range.integer ? "an integer" : "a finite number";
  throw new Error(
    `${fn}: argument "${name}" must be ${kind}${bounds ? ` ${bounds}` : ""}, got ${typeof v === "number" ? v : describeValue(v)}`,
  );
}

/**
 * Require an options argument to be a plain object (or absent).
 * @example const o = optionsArg("kdensity", opts);
 */
export function optionsArg<T extends object>(fn: string, opts: T | undefined, name = "opts"): Partial<T> {
  if (opts === undefined) return {};
  if (typeof opts !== "object" || opts === null || Array.isArray(opts)) {
    throw new Error(`${fn}: argument "${name}" must be an options object, got ${describeValue(opts)}`);
  }
  return opts;
}
