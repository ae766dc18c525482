/**
 * Key columns (ids, years, industry codes) as the measures accept them, and the grouping built on
 * them. A key is one of:
 * - `Float64Array` of numeric ids or years (NaN = missing);
 * - `Int32Array` of integer ids or codes (−1 = missing, the frame's convention);
 * - a categorical column `{ codes, levels }` (code −1 = missing), compared by its level text.
 *
 * Within one table any kind works. When two tables are joined (e.g. base employment with US robot
 * data) keys are compared by value: numbers with numbers, and categorical keys by their level text,
 * so pass categorical columns (not bare `Int32Array` codes from different frames) when the codes
 * of the two tables come from different dictionaries.
 */
import { combineCodes } from "../frame/combine-codes.js";

/** A categorical key: `codes[i]` indexes `levels`; −1 is missing. */
export interface CategoricalKey {
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

/** A key column: numeric ids (`Float64Array`, NaN missing), integer codes (`Int32Array`, −1 missing) or categorical. */
export type KeyColumn = Float64Array | Int32Array | CategoricalKey;

/** One key value as compared across tables: a number, a level text, or `undefined` when missing. */
export type KeyValue = number | string | undefined;

/**
 * Whether `k` has the shape of a key column.
 * @example isKeyColumn(new Int32Array([1, 2])); // true
 */
export function isKeyColumn(k: unknown): k is KeyColumn {
  if (k instanceof Float64Array || k instanceof Int32Array) return true;
  if (typeof k !== "object" || k === null) return false;
  const c = k as { codes?: unknown; levels?: unknown };
  return c.codes instanceof Int32Array && Array.isArray(c.levels);
}

/**
 * Number of rows of a key column.
 * @example keyLength(new Float64Array(3)); // 3
 */
export function keyLength(k: KeyColumn): number {
  return k instanceof Float64Array || k instanceof Int32Array ? k.length : k.codes.length;
}

/**
 * The value of key `k` at row `i` (a number or level text), `undefined` when missing.
 * @example keyValue(new Int32Array([7, -1]), 1); // undefined
 */
export function keyValue(k: KeyColumn, i: number): KeyValue {
  if (k instanceof Float64Array) {
    const v = k[i];
    return Number.isNaN(v) ? undefined : v;
  }
  if (k instanceof Int32Array) {
    const v = k[i];
    return v === -1 ? undefined : v;
  }
  const c = k.codes[i];
  return c < 0 ? undefined : k.levels[c];
}

/**
 * The key value at row `i` as text for error messages.
 * @example keyText(new Float64Array([2000]), 0); // "2000"
 */
export function keyText(k: KeyColumn, i: number): string {
  const v = keyValue(k, i);
  if (v === undefined) return "(missing)";
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/**
 * Order of two key values: numbers numerically, text by UTF-16 code units; numbers before text.
 * @example compareKeyValues(1, 2); // -1
 */
export function compareKeyValues(a: KeyValue, b: KeyValue): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : 1;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : 1;
}

/** Dense group ids for the rows of one table. */
export interface Grouping {
  /** Group of each row, 0…count−1, or −1 when any key is missing at that row. */
  readonly group: Int32Array;
  /** Number of groups. */
  readonly count: number;
  /** First row of each group (to read its key values). */
  readonly firstRow: Int32Array;
}

/**
 * Group the rows of a table by the combination of the given keys; groups are numbered in the
 * sorted order of their key values (first key first), so outputs built on them are deterministic.
 * @example groupRows([new Float64Array([2001, 2000, 2001])], 3).group; // Int32Array [1, 0, 1]
 */
export function groupRows(keys: readonly KeyColumn[], n: number): Grouping {
  let combined: Int32Array = new Int32Array(n);
  let count = 1;
  for (const k of keys) {
    const { codes, card } = denseCodes(k, n);
    ({ codes: combined, levels: count } = combineCodes(combined, codes, card));
  }
  if (keys.length === 0) count = n > 0 ? 1 : 0;
  const first = new Int32Array(count).fill(-1);
  for (let i = 0; i < n; i++) {
    const g = combined[i];
    if (g >= 0 && first[g] < 0) first[g] = i;
  }
  // Renumber groups in the sorted order of their key values.
  const order = Array.from({ length: count }, (_, g) => g);
  order.sort((a, b) => {
    for (const k of keys) {
      const c = compareKeyValues(keyValue(k, first[a]), keyValue(k, first[b]));
      if (c !== 0) return c;
    }
    return 0;
  });
  const rank = new Int32Array(count);
  const firstRow = new Int32Array(count);
  order.forEach((g, r) => {
    rank[g] = r;
    firstRow[r] = first[g];
  });
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) group[i] = combined[i] < 0 ? -1 : rank[combined[i]];
  return { group, count, firstRow };
}

/** Per-row dense codes of one key (−1 missing) and the number of distinct values. */
function denseCodes(k: KeyColumn, n: number): { codes: Int32Array; card: number } {
  const codes = new Int32Array(n);
  if (!(k instanceof Float64Array) && !(k instanceof Int32Array)) {
    // Categorical: equal level texts are the same key even if a dictionary repeats a level.
    const byText = new Map<string, number>();
    const levelCode = k.levels.map((lv) => {
      let c = byText.get(lv);
      if (c === undefined) {
        c = byText.size;
        byText.set(lv, c);
      }
      return c;
    });
    for (let i = 0; i < n; i++) {
      const c = k.codes[i];
      codes[i] = c < 0 || c >= levelCode.length ? -1 : levelCode[c];
    }
    return { codes, card: Math.max(byText.size, 1) };
  }
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const v = k[i];
    if ((k instanceof Float64Array && Number.isNaN(v)) || (k instanceof Int32Array && v === -1)) {
      codes[i] = -1;
      continue;
    }
    let c = map.get(v);
    if (c === undefined) {
      c = map.size;
      map.set(v, c);
    }
    codes[i] = c;
  }
  return { codes, card: Math.max(map.size, 1) };
}

/**
 * The rows `rows` of key `k`, as a key column of the same kind (−1 in `rows` gives a missing key).
 * @example pickKeyRows(new Float64Array([5, 6]), Int32Array.of(1, -1)); // Float64Array [6, NaN]
 */
export function pickKeyRows(k: KeyColumn, rows: Int32Array): KeyColumn {
  const m = rows.length;
  if (k instanceof Float64Array) {
    const out = new Float64Array(m);
    for (let r = 0; r < m; r++) out[r] = rows[r] < 0 ? Number.NaN : k[rows[r]];
    return out;
  }
  if (k instanceof Int32Array) {
    const out = new Int32Array(m);
    for (let r = 0; r < m; r++) out[r] = rows[r] < 0 ? -1 : k[rows[r]];
    return out;
  }
  const codes = new Int32Array(m);
  for (let r = 0; r < m; r++) codes[r] = rows[r] < 0 ? -1 : k.codes[rows[r]];
  return { codes, levels: k.levels };
}

/**
 * A string that identifies a tuple of key values across tables (for `Map` lookups).
 * @example joinKey([1, "C26"]); // "n1\u0000sC26"
 */
export function joinKey(values: readonly KeyValue[]): string {
  let s = "";
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (j > 0) s += "\u0000";
    s += typeof v === "number" ? `n${v}` : `s${v}`;
  }
  return s;
}
