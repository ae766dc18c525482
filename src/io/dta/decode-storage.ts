/**
 * Decode one numeric variable from a block of fixed-width rows straight into an array of its own
 * storage type (byte → Int8Array, int → Int16Array, long → Int32Array, float → Float32Array,
 * double → Float64Array), the layout of DuckDB's TINYINT … DOUBLE vectors, with missing values
 * (`.` and `.a`–`.z`) as cleared bits of a validity mask. One pass, no Float64 staging copy.
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

/** A numeric storage type. */
export type NumericStorage = "byte" | "int" | "long" | "float" | "double";

/** The array each storage type decodes into. */
export type StorageArray = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/**
 * Missing values of a decoded block: `mask` (DuckDB validity layout, whole 64-bit words, bit set =
 * present) is created at the first missing value; `extended` counts `.a`–`.z`.
 */
export interface StorageNulls {
  mask: Uint8Array | null;
  extended: number;
}

/** Array constructor of each storage type. */
export const STORAGE_ARRAY: Readonly<Record<NumericStorage, (n: number) => StorageArray>> = {
  byte: (n) => new Int8Array(n),
  int: (n) => new Int16Array(n),
  long: (n) => new Int32Array(n),
  float: (n) => new Float32Array(n),
  double: (n) => new Float64Array(n),
};

/**
 * Decode `n` values of `type` at byte `offset` of each `stride`-byte row of `view` into `out[0…n)`;
 * missing rows get a cleared bit in `nulls.mask` (their `out` slot is 0) and `.a`–`.z` are counted.
 * `nulls` must come in with `mask` null.
 * @example decodeStorage(view, 2048, 132, 0, "double", true, out, { mask: null, extended: 0 });
 */
export function decodeStorage(
  view: DataView,
  n: number,
  stride: number,
  offset: number,
  type: NumericStorage,
  littleEndian: boolean,
  out: StorageArray,
  nulls: StorageNulls,
): void {
  DECODERS[type](view, n, stride, offset, littleEndian, out, nulls);
}

type Decoder = (
  view: DataView,
  n: number,
  stride: number,
  off: number,
  le: boolean,
  out: StorageArray,
  nulls: StorageNulls,
) => void;

const DECODERS: Readonly<Record<NumericStorage, Decoder>> = {
  byte: (view, n, stride, off, _le, out, nulls) => {
    for (let i = 0, p = off; i < n; i++, p += stride) {
      const v = view.getInt8(p);
      if (v > BYTE_MAX) {
        markMissing(nulls, i, n, integerMissingTag(v, BYTE_SYSMISS));
        out[i] = 0;
      } else out[i] = v;
    }
  },
  int: (view, n, stride, off, le, out, nulls) => {
    for (let i = 0, p = off; i < n; i++, p += stride) {
      const v = view.getInt16(p, le);
      if (v > INT_MAX) {
        markMissing(nulls, i, n, integerMissingTag(v, INT_SYSMISS));
        out[i] = 0;
      } else out[i] = v;
    }
  },
  long: (view, n, stride, off, le, out, nulls) => {
    for (let i = 0, p = off; i < n; i++, p += stride) {
      const v = view.getInt32(p, le);
      if (v > LONG_MAX) {
        markMissing(nulls, i, n, integerMissingTag(v, LONG_SYSMISS));
        out[i] = 0;
      } else out[i] = v;
    }
  },
  float: (view, n, stride, off, le, out, nulls) => {
    for (let i = 0, p = off; i < n; i++, p += stride) {
      const v = view.getFloat32(p, le);
      if (v > FLOAT_MAX || Number.isNaN(v)) {
        markMissing(nulls, i, n, Number.isNaN(v) ? 1 : floatMissingTag(view.getUint32(p, le)));
        out[i] = 0;
      } else out[i] = v;
    }
  },
  double: (view, n, stride, off, le, out, nulls) => {
    const hiAt = le ? 4 : 0;
    for (let i = 0, p = off; i < n; i++, p += stride) {
      const v = view.getFloat64(p, le);
      if (v > DOUBLE_MAX || Number.isNaN(v)) {
        markMissing(nulls, i, n, Number.isNaN(v) ? 1 : doubleMissingTag(view.getUint32(p + hiAt, le)));
        out[i] = 0;
      } else out[i] = v;
    }
  },
};

/** Clear row `i`'s validity bit (creating the all-present mask of `n` rows at the first) and count `.a`–`.z`. */
function markMissing(nulls: StorageNulls, i: number, n: number, tag: number): void {
  nulls.mask ??= new Uint8Array(Math.ceil(n / 64) * 8).fill(0xff);
  nulls.mask[i >> 3] &= ~(1 << (i & 7));
  if (tag > 1) nulls.extended++;
}
