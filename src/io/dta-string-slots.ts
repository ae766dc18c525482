/**
 * `str#` values written into a DuckDB VARCHAR vector straight from the file's bytes, with no
 * JavaScript string in between, for chunks whose text is all ASCII (which every encoding a `.dta`
 * is read in — UTF-8, windows-1252, GBK/GB18030, latin1 — reads as itself): a value of up to 12
 * bytes goes into its 16-byte `duckdb_string_t` slot (length, then the bytes inline), so the chunk's
 * short values are one copy; a longer value is handed to DuckDB as its bytes. Empty values (Stata's
 * missing string) are NULL. A chunk with any other byte is left to the text decoder (false).
 */
import type { DuckDBDataChunk } from "@duckdb/node-api";
import { bindings } from "./duckdb.js";
import { writeValidity } from "./vector-copy.js";

/** Bytes of a DuckDB string_t. */
const STRING_T = 16;
/** Longest value stored inline in a string_t. */
const INLINE_MAX = 12;

/** Encodings in which ASCII bytes are the ASCII characters (WHATWG names). */
const ASCII_COMPATIBLE = new Set([
  "utf-8",
  "windows-1252",
  "gbk",
  "gb18030",
  "iso-8859-2",
  "big5",
  "shift_jis",
]);

/**
 * Whether text in `encoding` (a WHATWG name) can be written from its bytes when they are ASCII.
 * @example asciiCompatible("gbk") // => true
 */
export function asciiCompatible(encoding: string): boolean {
  return ASCII_COMPATIBLE.has(encoding);
}

/** One chunk's values of a `str#` variable, ready to be written. */
export class StringSlots {
  /** The string_t slots: inline values written, long ones zero. */
  private readonly inline: Uint8Array;
  /** The bytes of the long values, one after another. */
  private readonly long: Uint8Array;
  private readonly longRow: Int32Array;
  private readonly longEnd: Int32Array;
  private longCount = 0;
  private mask: Uint8Array | null = null;

  constructor(rows: number, width: number) {
    this.inline = new Uint8Array(rows * STRING_T);
    this.long = new Uint8Array(rows * width);
    this.longRow = new Int32Array(rows);
    this.longEnd = new Int32Array(rows);
  }

  /**
   * Take `n` fields of `width` bytes at byte `offset` of each `stride`-byte row of `bytes` (each
   * ending at its first NUL); false, with nothing kept, if a field has a byte above 0x7F.
   * @example slots.take(block, 2048, 132, 96, 24);
   */
  take(bytes: Uint8Array, n: number, stride: number, offset: number, width: number): boolean {
    const inline = this.inline;
    inline.fill(0, 0, n * STRING_T);
    this.longCount = 0;
    this.mask = null;
    let high = 0;
    let at = 0;
    for (let i = 0, p = offset; i < n; i++, p += stride) {
      let len = 0;
      while (len < width && bytes[p + len] !== 0) high |= bytes[p + len++];
      if (len === 0) {
        this.mask ??= new Uint8Array(Math.ceil(n / 64) * 8).fill(0xff);
        this.mask[i >> 3] &= ~(1 << (i & 7));
      } else if (len <= INLINE_MAX) {
        const s = i * STRING_T;
        inline[s] = len;
        for (let k = 0; k < len; k++) inline[s + 4 + k] = bytes[p + k];
      } else {
        const long = this.long;
        for (let k = 0; k < len; k++) long[at + k] = bytes[p + k];
        at += len;
        this.longRow[this.longCount] = i;
        this.longEnd[this.longCount++] = at;
      }
    }
    return high < 0x80;
  }

  /**
   * Write the values taken into column `column` of `chunk` (its first `n` rows).
   * @example slots.emit(chunk, 18, 2048);
   */
  emit(chunk: DuckDBDataChunk, column: number, n: number): void {
    const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
    const inline = this.inline;
    bindings.copy_data_to_vector(vector, 0, inline.buffer as ArrayBuffer, inline.byteOffset, n * STRING_T);
    let start = 0;
    for (let k = 0; k < this.longCount; k++) {
      const end = this.longEnd[k];
      bindings.vector_assign_string_element_len(vector, this.longRow[k], this.long.subarray(start, end));
      start = end;
    }
    if (this.mask) writeValidity(vector, this.mask);
  }
}
