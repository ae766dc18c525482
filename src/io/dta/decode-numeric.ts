/**
 * Decode one numeric variable from a block of fixed-width rows into a Float64Array (NaN = missing)
 * plus missing-value tags. Hot loops: one per storage type, strided DataView reads.
 */
import {
  BYTE_MAX,
  BYTE_SYSMISS,
  DOUBLE_MAX,
  doubleMissingTag,
  FLOAT_MAX,
  floatMissingTag,
  INT_MAX,
  INT_SYSMISS,
  integerMissingTag,
  LONG_MAX,
  LONG_SYSMISS,
} from "./missing.js";

/**
 * Where decoded values go: `values[at…at+n)` and, for missing values, `tags` (allocated on the
 * first missing value, `tagsLength` long, indexed like `values`).
 */
export interface NumericTarget {
  readonly values: Float64Array;
  tags: Uint8Array | null;
  readonly tagsLength: number;
}

/**
 * Decode `n` values of a numeric type at byte `offset` of each `stride`-byte row of `view` into
 * `target.values` from index `at`.
 * @example decodeNumericInto(view, 1000, 24, 8, "double", true, { values, tags: null, tagsLength: 1000 }, 0);
 */
export function decodeNumericInto(
  view: DataView,
  n: number,
  stride: number,
  offset: number,
  type: "byte" | "int" | "long" | "float" | "double",
  littleEndian: boolean,
  target: NumericTarget,
  at: number,
): void {
  switch (type) {
    case "byte":
      decodeByte(view, n, stride, offset, target, at);
      return;
    case "int":
      decodeInt(view, n, stride, offset, target, at, littleEndian);
      return;
    case "long":
      decodeLong(view, n, stride, offset, target, at, littleEndian);
      return;
    case "float":
      decodeFloat(view, n, stride, offset, target, at, littleEndian);
      return;
    case "double":
      decodeDouble(view, n, stride, offset, target, at, littleEndian);
      return;
  }
}

function tagsOf(target: NumericTarget): Uint8Array {
  target.tags ??= new Uint8Array(target.tagsLength);
  return target.tags;
}

function decodeByte(
  view: DataView,
  n: number,
  stride: number,
  off: number,
  target: NumericTarget,
  at: number,
): void {
  const values = target.values;
  for (let i = 0, p = off; i < n; i++, p += stride) {
    const v = view.getInt8(p);
    if (v > BYTE_MAX) {
      tagsOf(target)[at + i] = integerMissingTag(v, BYTE_SYSMISS);
      values[at + i] = Number.NaN;
    } else {
      values[at + i] = v;
    }
  }
}

function decodeInt(
  view: DataView,
  n: number,
  stride: number,
  off: number,
  target: NumericTarget,
  at: number,
  le: boolean,
): void {
  const values = target.values;
  for (let i = 0, p = off; i < n; i++, p += stride) {
    const v = view.getInt16(p, le);
    if (v > INT_MAX) {
      tagsOf(target)[at + i] = integerMissingTag(v, INT_SYSMISS);
      values[at + i] = Number.NaN;
    } else {
      values[at + i] = v;
    }
  }
}

function decodeLong(
  view: DataView,
  n: number,
  stride: number,
  off: number,
  target: NumericTarget,
  at: number,
  le: boolean,
): void {
  const values = target.values;
  for (let i = 0, p = off; i < n; i++, p += stride) {
    const v = view.getInt32(p, le);
    if (v > LONG_MAX) {
      tagsOf(target)[at + i] = integerMissingTag(v, LONG_SYSMISS);
      values[at + i] = Number.NaN;
    } else {
      values[at + i] = v;
    }
  }
}

function decodeFloat(
  view: DataView,
  n: number,
  stride: number,
  off: number,
  target: NumericTarget,
  at: number,
  le: boolean,
): void {
  const values = target.values;
  for (let i = 0, p = off; i < n; i++, p += stride) {
    const v = view.getFloat32(p, le);
    if (v > FLOAT_MAX || Number.isNaN(v)) {
      tagsOf(target)[at + i] = Number.isNaN(v) ? 1 : floatMissingTag(view.getUint32(p, le));
      values[at + i] = Number.NaN;
    } else {
      values[at + i] = v;
    }
  }
}

function decodeDouble(
  view: DataView,
  n: number,
  stride: number,
  off: number,
  target: NumericTarget,
  at: number,
  le: boolean,
): void {
  const values = target.values;
  const hiAt = le ? 4 : 0;
  for (let i = 0, p = off; i < n; i++, p += stride) {
    const v = view.getFloat64(p, le);
    if (v > DOUBLE_MAX || Number.isNaN(v)) {
      tagsOf(target)[at + i] = Number.isNaN(v) ? 1 : doubleMissingTag(view.getUint32(p + hiAt, le));
      values[at + i] = Number.NaN;
    } else {
      values[at + i] = v;
    }
  }
}
