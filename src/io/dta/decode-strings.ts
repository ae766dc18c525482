/**
 * Decode `str#` variables (fixed-width, NUL-terminated fields) from a block of rows, avoiding one
 * decoder call per cell.
 */

/** One interned string and the bytes it was decoded from (a hash-chain node). */
interface Interned {
  readonly bytes: Uint8Array;
  readonly text: string;
  next: Interned | null;
}

/** Lookups after which the interning cache is judged. */
const JUDGE_AFTER = 4096;
/** Give up interning above this miss rate or this many distinct values. */
const MAX_MISS_RATE = 0.2;
const MAX_DISTINCT = 1 << 16;

/**
 * Decoder of one `str#` column across batches. Columns with few distinct values (cities,
 * industries) are interned: each cell's bytes are hashed and matched against values already seen,
 * so repeated values cost no decoding and share one string. Columns of mostly distinct values
 * switch to a bulk path: all fields of a block are joined with NULs, decoded with one decoder call
 * and split.
 */
export class FixedStringColumn {
  private cache: Map<number, Interned> | null = new Map();
  private lookups = 0;
  private misses = 0;

  constructor(
    private readonly decoder: TextDecoder,
    private readonly width: number,
  ) {}

  /**
   * Decode `n` fields at byte `offset` of each `stride`-byte row of `bytes` into `out[at…at+n)`.
   * @example col.decodeInto(chunk, 1000, 40, 8, out, 0);
   */
  decodeInto(bytes: Uint8Array, n: number, stride: number, offset: number, out: string[], at: number): void {
    let i = 0;
    if (this.cache) i = this.intern(bytes, n, stride, offset, out, at);
    if (i < n) this.bulk(bytes, n - i, stride, offset + i * stride, out, at + i);
  }

  /** Interned decoding; returns how many rows it did (all, unless interning was abandoned). */
  private intern(
    bytes: Uint8Array,
    n: number,
    stride: number,
    offset: number,
    out: string[],
    at: number,
  ): number {
    const cache = this.cache!;
    const width = this.width;
    for (let i = 0, p = offset; i < n; i++, p += stride) {
      if (this.lookups === JUDGE_AFTER || cache.size > MAX_DISTINCT) {
        if (this.misses > this.lookups * MAX_MISS_RATE || cache.size > MAX_DISTINCT) {
          this.cache = null;
          return i;
        }
      }
      let h = 0x811c9dc5;
      let e = p;
      const end = p + width;
      while (e < end) {
        const b = bytes[e];
        if (b === 0) break;
        h = Math.imul(h ^ b, 16777619);
        e++;
      }
      const len = e - p;
      if (len === 0) {
        out[at + i] = "";
        continue;
      }
      this.lookups++;
      let node = cache.get(h) ?? null;
      while (node) {
        const nb = node.bytes;
        if (nb.length === len) {
          let k = 0;
          while (k < len && nb[k] === bytes[p + k]) k++;
          if (k === len) break;
        }
        node = node.next;
      }
      if (node) {
        out[at + i] = node.text;
        continue;
      }
      this.misses++;
      const field = bytes.slice(p, e);
      const text = decodeField(field, this.decoder);
      cache.set(h, { bytes: field, text, next: cache.get(h) ?? null });
      out[at + i] = text;
    }
    return n;
  }

  private bulk(
    bytes: Uint8Array,
    n: number,
    stride: number,
    offset: number,
    out: string[],
    at: number,
  ): void {
    const parts = decodeFixedStrings(bytes, n, stride, offset, this.width, this.decoder);
    for (let i = 0; i < n; i++) out[at + i] = parts[i];
  }
}

function decodeField(field: Uint8Array, decoder: TextDecoder): string {
  for (let k = 0; k < field.length; k++) {
    if (field[k] >= 0x80) return decoder.decode(field);
  }
  return Buffer.from(field.buffer, field.byteOffset, field.byteLength).toString("latin1");
}

/**
 * Decode `nrows` fixed-width strings of `width` bytes at `offset` within each `stride`-byte row,
 * joining the fields with NULs, decoding once and splitting.
 * @example const names = decodeFixedStrings(bytes, 1000, 40, 8, 20, new TextDecoder());
 */
export function decodeFixedStrings(
  bytes: Uint8Array,
  nrows: number,
  stride: number,
  offset: number,
  width: number,
  decoder: TextDecoder,
): string[] {
  if (nrows === 0) return [];
  const joined = new Uint8Array(nrows * (width + 1));
  let at = 0;
  let high = 0;
  for (let i = 0, p = offset; i < nrows; i++, p += stride) {
    if (i > 0) joined[at++] = 0;
    const end = p + width;
    for (let q = p; q < end; q++) {
      const b = bytes[q];
      if (b === 0) break;
      high |= b;
      joined[at++] = b;
    }
  }
  const view = joined.subarray(0, at);
  const text =
    high < 0x80
      ? Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString("latin1")
      : decoder.decode(view);
  return text.split("\0");
}
