/**
 * Read the 8-byte (v,o) references that strL variables store in the data rows.
 */

/** The (v,o) references of a strL column. */
export interface StrlRefs {
  readonly v: Uint32Array;
  readonly o: Float64Array;
}

/**
 * Read the 8-byte (v,o) strL references of a column: 117 stores v and o in 4 bytes each, 118 in
 * 2 + 6 bytes, 119 in 3 + 5 bytes (each part in the file's byte order).
 * @example const refs = decodeStrlRefs(view, 1000, 24, 16, 2, true);
 */
export function decodeStrlRefs(
  view: DataView,
  nrows: number,
  stride: number,
  offset: number,
  vBytes: 2 | 3 | 4,
  littleEndian: boolean,
): StrlRefs {
  const v = new Uint32Array(nrows);
  const o = new Float64Array(nrows);
  for (let i = 0, p = offset; i < nrows; i++, p += stride) {
    if (vBytes === 4) {
      v[i] = view.getUint32(p, littleEndian);
      o[i] = view.getUint32(p + 4, littleEndian);
    } else if (vBytes === 2) {
      if (littleEndian) {
        v[i] = view.getUint16(p, true);
        o[i] = view.getUint16(p + 2, true) + view.getUint32(p + 4, true) * 0x10000;
      } else {
        v[i] = view.getUint16(p, false);
        o[i] = view.getUint16(p + 2, false) * 0x100000000 + view.getUint32(p + 4, false);
      }
    } else if (littleEndian) {
      v[i] = view.getUint16(p, true) + view.getUint8(p + 2) * 0x10000;
      o[i] = view.getUint8(p + 3) + view.getUint32(p + 4, true) * 0x100;
    } else {
      v[i] = view.getUint8(p) * 0x10000 + view.getUint16(p + 1, false);
      o[i] = view.getUint8(p + 3) * 0x100000000 + view.getUint32(p + 4, false);
    }
  }
  return { v, o };
}
