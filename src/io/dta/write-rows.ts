/**
 * Encode a batch of columns into format-118 rows (little-endian) and the GSO records of its strLs,
 * checking every value fits its declared storage. Errors name the column and the row.
 */
import { DtaError } from "./errors.js";
import {
  BYTE_MAX,
  BYTE_MIN,
  BYTE_SYSMISS,
  DOUBLE_MAX,
  doubleMissingHi,
  FLOAT_MAX,
  floatMissingBits,
  INT_MAX,
  INT_MIN,
  INT_SYSMISS,
  LONG_MAX,
  LONG_MIN,
  LONG_SYSMISS,
} from "./missing.js";
import type { DtaStorageType } from "./types.js";

/** A column's storage and place in the row. */
export interface WritePlan {
  readonly name: string;
  readonly type: DtaStorageType;
  readonly width: number;
  readonly offset: number;
}

/** Encoded rows and the strL records (GSOs) they reference. */
export interface EncodedRows {
  readonly rows: Uint8Array;
  readonly gsos: Uint8Array | null;
}

const encoder = new TextEncoder();

/**
 * Encode `n` rows starting at global row `firstRow` (0-based).
 * @example const { rows, gsos } = encodeRows("out.dta", plans, 24, cols, tags, 0, 1000);
 */
export function encodeRows(
  file: string,
  plans: readonly WritePlan[],
  rowWidth: number,
  columns: readonly (Float64Array | readonly number[] | readonly string[])[],
  tags: readonly (Uint8Array | null | undefined)[],
  firstRow: number,
  n: number,
): EncodedRows {
  const rows = new Uint8Array(n * rowWidth);
  const view = new DataView(rows.buffer);
  const strlTexts: (readonly string[] | null)[] = [];
  for (let j = 0; j < plans.length; j++) {
    const p = plans[j];
    const col = columns[j];
    if (p.type === "str") encodeStr(file, p, col as readonly string[], rows, rowWidth, firstRow, n);
    else if (p.type === "strL")
      encodeStrlRefs(file, p, j, col as readonly string[], view, rowWidth, firstRow, n);
    else encodeNumeric(file, p, col as ArrayLike<number>, tags[j] ?? null, view, rowWidth, firstRow, n);
    strlTexts.push(p.type === "strL" ? (col as readonly string[]) : null);
  }
  return { rows, gsos: encodeGsos(strlTexts, firstRow, n) };
}

function encodeNumeric(
  file: string,
  p: WritePlan,
  col: ArrayLike<number>,
  tags: Uint8Array | null,
  view: DataView,
  stride: number,
  firstRow: number,
  n: number,
): void {
  if (tags && tags.length !== n) {
    throw new DtaError(file, `missingTags has ${tags.length} entries for ${n} rows`, { variable: p.name });
  }
  const values = asFloat64(file, p, col, firstRow);
  const type = p.type as NumericType;
  const i = ENCODERS[type](values, tags, view, stride, p.offset, n);
  if (i < n) {
    throw new DtaError(file, `cannot store ${whyNot(type, values[i], tags ? tags[i] : 0)} as Stata ${type}`, {
      variable: p.name,
      row: firstRow + i,
    });
  }
}

/** Why a value (with its missing tag) does not fit a numeric type. */
function whyNot(type: NumericType, v: number, tag: number): string {
  if (Number.isNaN(v)) return `missing tag ${tag} (tags are 1 for "." and 2–27 for ".a"–".z")`;
  if (tag !== 0) return `value ${v} with a missing tag (tags apply only to NaN values)`;
  if (type === "double") return `${v} (beyond Stata's largest double 8.988e307)`;
  if (type === "float") return `${v} (beyond Stata's largest float 1.701e38)`;
  return `${v} (${type} holds integers from ${RANGES[type][0]} to ${RANGES[type][1]})`;
}

type NumericType = "byte" | "int" | "long" | "float" | "double";

const RANGES = {
  byte: [BYTE_MIN, BYTE_MAX, BYTE_SYSMISS],
  int: [INT_MIN, INT_MAX, INT_SYSMISS],
  long: [LONG_MIN, LONG_MAX, LONG_SYSMISS],
} as const;

/** Numbers of a column as a Float64Array (copied from a plain array, checking each is a number). */
function asFloat64(file: string, p: WritePlan, col: ArrayLike<number>, firstRow: number): Float64Array {
  if (col instanceof Float64Array) return col;
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (typeof v !== "number") {
      const what = v === null ? "null" : typeof v;
      throw new DtaError(file, `cannot store a ${what} as Stata ${p.type} (give numbers, NaN for missing)`, {
        variable: p.name,
        row: firstRow + i,
      });
    }
    out[i] = v;
  }
  return out;
}

/** Each encoder writes rows until one cannot be stored and returns its index (n when all fit). */
type Encoder = (
  v: Float64Array,
  tags: Uint8Array | null,
  view: DataView,
  stride: number,
  off: number,
  n: number,
) => number;

function tagOf(tags: Uint8Array | null, i: number): number {
  return tags === null ? 1 : tags[i] === 0 ? 1 : tags[i];
}

function integerEncoder(type: "byte" | "int" | "long"): Encoder {
  const [lo, hi, sysmiss] = RANGES[type];
  const put =
    type === "byte"
      ? (view: DataView, at: number, v: number) => view.setInt8(at, v)
      : type === "int"
        ? (view: DataView, at: number, v: number) => view.setInt16(at, v, true)
        : (view: DataView, at: number, v: number) => view.setInt32(at, v, true);
  return (values, tags, view, stride, off, n) => {
    for (let i = 0, at = off; i < n; i++, at += stride) {
      const v = values[i];
      if (Number.isNaN(v)) {
        const t = tagOf(tags, i);
        if (t > 27) return i;
        put(view, at, sysmiss + t - 1);
      } else {
        if ((tags !== null && tags[i] !== 0) || !Number.isInteger(v) || v < lo || v > hi) return i;
        put(view, at, v);
      }
    }
    return n;
  };
}

const ENCODERS: Record<NumericType, Encoder> = {
  byte: integerEncoder("byte"),
  int: integerEncoder("int"),
  long: integerEncoder("long"),
  float: (values, tags, view, stride, off, n) => {
    for (let i = 0, at = off; i < n; i++, at += stride) {
      const v = values[i];
      if (Number.isNaN(v)) {
        const t = tagOf(tags, i);
        if (t > 27) return i;
        view.setUint32(at, floatMissingBits(t), true);
      } else {
        const f = Math.fround(v);
        if ((tags !== null && tags[i] !== 0) || !(Math.abs(f) <= FLOAT_MAX)) return i;
        view.setFloat32(at, f, true);
      }
    }
    return n;
  },
  double: (values, tags, view, stride, off, n) => {
    for (let i = 0, at = off; i < n; i++, at += stride) {
      const v = values[i];
      if (Number.isNaN(v)) {
        const t = tagOf(tags, i);
        if (t > 27) return i;
        view.setUint32(at, 0, true);
        view.setUint32(at + 4, doubleMissingHi(t), true);
      } else {
        if ((tags !== null && tags[i] !== 0) || v > DOUBLE_MAX || v === Number.NEGATIVE_INFINITY) return i;
        view.setFloat64(at, v, true);
      }
    }
    return n;
  },
};

function encodeStr(
  file: string,
  p: WritePlan,
  col: readonly string[],
  rows: Uint8Array,
  stride: number,
  firstRow: number,
  n: number,
): void {
  for (let i = 0, at = p.offset; i < n; i++, at += stride) {
    const s = col[i];
    if (typeof s !== "string") {
      throw new DtaError(file, `a string column holds a ${typeof s}; give only strings ("" for missing)`, {
        variable: p.name,
        row: firstRow + i,
      });
    }
    if (s.length === 0) continue;
    let ascii = s.length <= p.width;
    if (ascii) {
      for (let k = 0; k < s.length; k++) {
        const c = s.charCodeAt(k);
        if (c >= 0x80 || c === 0) {
          ascii = false;
          break;
        }
        rows[at + k] = c;
      }
    }
    if (ascii) continue;
    if (s.includes("\0")) {
      throw new DtaError(
        file,
        `string contains a NUL character, which str${p.width} cannot hold; use type strL`,
        {
          variable: p.name,
          row: firstRow + i,
        },
      );
    }
    const target = rows.subarray(at, at + p.width);
    target.fill(0);
    const r = encoder.encodeInto(s, target);
    if (r.read < s.length) {
      throw new DtaError(
        file,
        `string of ${Buffer.byteLength(s)} bytes is longer than str${p.width}; widen the column or use strL`,
        {
          variable: p.name,
          row: firstRow + i,
        },
      );
    }
  }
}

function encodeStrlRefs(
  file: string,
  p: WritePlan,
  j: number,
  col: readonly string[],
  view: DataView,
  stride: number,
  firstRow: number,
  n: number,
): void {
  for (let i = 0, at = p.offset; i < n; i++, at += stride) {
    const s = col[i];
    if (typeof s !== "string") {
      throw new DtaError(file, `a string column holds a ${typeof s}; give only strings ("" for missing)`, {
        variable: p.name,
        row: firstRow + i,
      });
    }
    if (s.length === 0) continue;
    const o = firstRow + i + 1;
    view.setUint16(at, j + 1, true);
    view.setUint16(at + 2, o % 0x10000, true);
    view.setUint32(at + 4, Math.floor(o / 0x10000), true);
  }
}

function encodeGsos(
  texts: readonly (readonly string[] | null)[],
  firstRow: number,
  n: number,
): Uint8Array | null {
  if (texts.every((t) => t === null)) return null;
  const parts: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < texts.length; j++) {
      const col = texts[j];
      if (!col || col[i].length === 0) continue;
      const body = Buffer.from(col[i], "utf8");
      const binary = col[i].includes("\0");
      const len = binary ? body.length : body.length + 1;
      const head = Buffer.alloc(20);
      head.write("GSO", 0, "latin1");
      head.writeUInt32LE(j + 1, 3);
      head.writeUInt32LE((firstRow + i + 1) % 0x100000000, 7);
      head.writeUInt32LE(Math.floor((firstRow + i + 1) / 0x100000000), 11);
      head.writeUInt8(binary ? 129 : 130, 15);
      head.writeUInt32LE(len, 16);
      parts.push(head, body);
      if (!binary) parts.push(Buffer.alloc(1));
    }
  }
  return Buffer.concat(parts);
}
