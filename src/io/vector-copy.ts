/**
 * Bulk copies between DuckDB data-chunk vectors and typed arrays. The public `@duckdb/node-api`
 * vectors read item by item; here each vector's data buffer is copied in one call and only the
 * validity mask (NULLs) is visited bit by bit, and only when the vector has one.
 */
import type { DuckDBDataChunk } from "@duckdb/node-api";
import { bindings } from "./duckdb.js";

/**
 * Copy the first `n` values of a DOUBLE column of `chunk` into `out` from `offset`; NULL → NaN.
 * @example copyDoubles(chunk, 0, chunk.rowCount, out, row);
 */
export function copyDoubles(
  chunk: DuckDBDataChunk,
  column: number,
  n: number,
  out: Float64Array,
  offset: number,
): void {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  const bytes = bindings.vector_get_data(vector, n * 8);
  out.set(new Float64Array(bytes.buffer, bytes.byteOffset, n), offset);
  const validity = bindings.vector_get_validity(vector, Math.ceil(n / 64) * 8);
  if (validity) markInvalid(validity, n, out, offset, Number.NaN);
}

/**
 * Copy the first `n` values of an INTEGER column of `chunk` into `out` from `offset`; NULL → `missing`.
 * @example copyInt32s(chunk, 1, chunk.rowCount, codes, row, -1);
 */
export function copyInt32s(
  chunk: DuckDBDataChunk,
  column: number,
  n: number,
  out: Int32Array,
  offset: number,
  missing: number,
): void {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  const bytes = bindings.vector_get_data(vector, n * 4);
  out.set(new Int32Array(bytes.buffer, bytes.byteOffset, n), offset);
  const validity = bindings.vector_get_validity(vector, Math.ceil(n / 64) * 8);
  if (validity) markInvalid(validity, n, out, offset, missing);
}

function markInvalid(
  validity: Uint8Array,
  n: number,
  out: Float64Array | Int32Array,
  offset: number,
  missing: number,
): void {
  const fullBytes = n >> 3;
  for (let b = 0; b < fullBytes; b++) {
    const mask = validity[b];
    if (mask === 0xff) continue;
    const base = offset + (b << 3);
    for (let k = 0; k < 8; k++) if ((mask & (1 << k)) === 0) out[base + k] = missing;
  }
  for (let i = fullBytes << 3; i < n; i++) {
    if ((validity[i >> 3] & (1 << (i & 7))) === 0) out[offset + i] = missing;
  }
}

/**
 * Write `n` doubles of `src` from `offset` into column `column` of a freshly reset chunk, the
 * element bytes in one copy; NaN is stored as NULL.
 * @example fillDoubles(chunk, 0, values, row, n);
 */
export function fillDoubles(
  chunk: DuckDBDataChunk,
  column: number,
  src: Float64Array,
  offset: number,
  n: number,
): void {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  bindings.copy_data_to_vector(vector, 0, src.buffer as ArrayBuffer, src.byteOffset + offset * 8, n * 8);
  let mask: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const v = src[offset + i];
    if (Number.isNaN(v)) {
      mask = markNull(mask, i, n);
    }
  }
  if (mask) writeValidity(vector, mask);
}

/**
 * Write `n` dictionary codes of `codes` from `offset` into an ENUM column of a freshly reset chunk
 * (element width 1, 2 or 4 bytes, by dictionary size); negative codes are stored as NULL.
 * @example fillEnumCodes(chunk, 1, codes, row, n, 4);
 */
export function fillEnumCodes(
  chunk: DuckDBDataChunk,
  column: number,
  codes: Int32Array,
  offset: number,
  n: number,
  width: 1 | 2 | 4,
): void {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  const narrow = width === 1 ? new Uint8Array(n) : width === 2 ? new Uint16Array(n) : new Uint32Array(n);
  let mask: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const c = codes[offset + i];
    if (c < 0) {
      mask = markNull(mask, i, n);
    } else {
      narrow[i] = c;
    }
  }
  bindings.copy_data_to_vector(vector, 0, narrow.buffer, 0, n * width);
  if (mask) writeValidity(vector, mask);
}

/**
 * Clear row `i`'s validity bit in a chunk's mask of `n` rows, creating the all-valid mask (whole
 * 64-bit words, as DuckDB stores validity) at the first NULL.
 * @example mask = markNull(mask, 3, n);
 */
function markNull(mask: Uint8Array | null, i: number, n: number): Uint8Array {
  const m = mask ?? new Uint8Array(Math.ceil(n / 64) * 8).fill(0xff);
  m[i >> 3] &= ~(1 << (i & 7));
  return m;
}

/**
 * Set a vector's validity mask (DuckDB layout: whole 64-bit words, bit set = present) in one copy.
 * @example writeValidity(bindings.data_chunk_get_vector(chunk.chunk, 0), mask);
 */
export function writeValidity(
  vector: ReturnType<typeof bindings.data_chunk_get_vector>,
  mask: Uint8Array,
): void {
  bindings.vector_ensure_validity_writable(vector);
  bindings.copy_data_to_vector_validity(
    vector,
    0,
    mask.buffer as ArrayBuffer,
    mask.byteOffset,
    mask.byteLength,
  );
}

/**
 * Write `n` strings of `src` from `offset` into a VARCHAR column of a freshly reset chunk;
 * null (and "" when `emptyIsNull`) is stored as NULL.
 * @example fillStrings(chunk, 2, names, row, n);
 */
export function fillStrings(
  chunk: DuckDBDataChunk,
  column: number,
  src: readonly (string | null)[],
  offset: number,
  n: number,
  emptyIsNull = false,
): void {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  const slots = inlineSlots(n);
  let mask: Uint8Array | null = null;
  let long: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const s = src[offset + i];
    if (s === null || s === undefined || (emptyIsNull && s === "")) {
      mask = markNull(mask, i, n);
    } else if (!writeInline(slots, i, s)) {
      long ??= [];
      long.push(i);
    }
  }
  finishStrings(vector, slots, n, long, (i) => src[offset + i] as string);
  if (mask) writeValidity(vector, mask);
}

/** Bytes of a DuckDB string_t (C API `duckdb_string_t`): length, then 12 bytes inline or prefix + pointer. */
const STRING_T = 16;
/** Longest string stored inline in a string_t. */
const INLINE_MAX = 12;
let slotBuffer = new Uint8Array(0);

/** A zeroed buffer of `n` string_t slots (reused between calls). */
function inlineSlots(n: number): Uint8Array {
  if (slotBuffer.length < n * STRING_T) slotBuffer = new Uint8Array(n * STRING_T);
  const slots = slotBuffer.subarray(0, n * STRING_T);
  slots.fill(0);
  return slots;
}

/**
 * Write `s` into string_t slot `i` when it is ASCII of at most 12 characters (inline: no heap, so
 * the slot's 16 bytes are the whole value); false when it must be assigned through DuckDB.
 */
function writeInline(slots: Uint8Array, i: number, s: string): boolean {
  const len = s.length;
  if (len > INLINE_MAX) return false;
  const base = i * STRING_T;
  for (let k = 0; k < len; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x80) {
      slots.fill(0, base + 4, base + 4 + k);
      return false;
    }
    slots[base + 4 + k] = c;
  }
  slots[base] = len;
  return true;
}

/** Copy the inline slots in one call, then assign the other strings one by one through DuckDB. */
function finishStrings(
  vector: ReturnType<typeof bindings.data_chunk_get_vector>,
  slots: Uint8Array,
  n: number,
  long: readonly number[] | null,
  text: (i: number) => string,
): void {
  bindings.copy_data_to_vector(vector, 0, slots.buffer as ArrayBuffer, slots.byteOffset, n * STRING_T);
  if (long) for (const i of long) bindings.vector_assign_string_element(vector, i, text(i));
}

/** Storage types a number column can be written as, besides DOUBLE. */
export type NumberTarget = "FLOAT" | "TINYINT" | "SMALLINT" | "INTEGER" | "DATE" | "TIMESTAMP";

/** Days from 1970-01-01 back to Stata's epoch 1960-01-01. */
const STATA_DAYS = 3653;
/** Milliseconds from Stata's epoch 1960-01-01 00:00 to 1970-01-01 00:00. */
const STATA_MS = 315_619_200_000;

/** Round half to even, as DuckDB casts DOUBLE to an integer type. */
function roundEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

type NumberBuffer = Float32Array | Int8Array | Int16Array | Int32Array;

/** Element buffer and value conversion of each target type (TIMESTAMP, 64-bit, is handled apart). */
const TARGETS: Record<
  Exclude<NumberTarget, "TIMESTAMP">,
  { make: (n: number) => NumberBuffer; convert: (v: number) => number }
> = {
  FLOAT: { make: (n) => new Float32Array(n), convert: (v) => v },
  TINYINT: { make: (n) => new Int8Array(n), convert: roundEven },
  SMALLINT: { make: (n) => new Int16Array(n), convert: roundEven },
  INTEGER: { make: (n) => new Int32Array(n), convert: roundEven },
  // Stata %td: days since 1960-01-01 (fractions dropped, as floor) → DuckDB days since 1970-01-01.
  DATE: { make: (n) => new Int32Array(n), convert: (v) => Math.floor(v) - STATA_DAYS },
};

/**
 * Write `n` numbers of `src` from `offset` into a column of type `target` (Stata dates and
 * datetimes converted from their epoch) of a freshly reset chunk; NaN and ±Infinity are stored as NULL.
 * @example fillNumbers(chunk, 3, years, row, n, "SMALLINT");
 */
export function fillNumbers(
  chunk: DuckDBDataChunk,
  column: number,
  src: Float64Array,
  offset: number,
  n: number,
  target: NumberTarget,
): void {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  let mask: Uint8Array | null = null;
  const missing = (i: number) => {
    mask = markNull(mask, i, n);
  };
  let out: NumberBuffer | BigInt64Array;
  if (target === "TIMESTAMP") {
    // Stata %tc: milliseconds since 1960 → DuckDB microseconds since 1970.
    const us = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      const v = src[offset + i];
      if (Number.isFinite(v)) us[i] = BigInt(roundEven((v - STATA_MS) * 1000));
      else missing(i);
    }
    out = us;
  } else {
    const { make, convert } = TARGETS[target];
    const buf = make(n);
    for (let i = 0; i < n; i++) {
      const v = src[offset + i];
      if (Number.isFinite(v)) buf[i] = convert(v);
      else missing(i);
    }
    out = buf;
  }
  bindings.copy_data_to_vector(vector, 0, out.buffer as ArrayBuffer, 0, out.byteLength);
  if (mask) writeValidity(vector, mask);
}

/**
 * Write `n` whole numbers of `src` from `offset` (each within ±2^53; NaN is NULL) into a BIGINT
 * column of a freshly reset chunk, as two 32-bit halves (no BigInt per value).
 * @example fillInt64s(chunk, 0, ids, row, n);
 */
export function fillInt64s(
  chunk: DuckDBDataChunk,
  column: number,
  src: Float64Array,
  offset: number,
  n: number,
): void {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  const halves = new Uint32Array(2 * n);
  let mask: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const v = src[offset + i];
    if (Number.isNaN(v)) {
      mask = markNull(mask, i, n);
      continue;
    }
    const hi = Math.floor(v / 4294967296);
    halves[2 * i] = v - hi * 4294967296;
    halves[2 * i + 1] = hi;
  }
  bindings.copy_data_to_vector(vector, 0, halves.buffer, 0, halves.byteLength);
  if (mask) writeValidity(vector, mask);
}

/**
 * Write `n` dictionary-coded values (`codes` from `offset`, −1 is NULL) into a column of a freshly
 * reset chunk: texts into a VARCHAR column, or 64-bit integers (a `BigInt64Array` dictionary) into a
 * BIGINT column, exactly.
 * @example fillCoded(chunk, 1, codes, levels, row, n);
 */
export function fillCoded(
  chunk: DuckDBDataChunk,
  column: number,
  codes: Int32Array,
  levels: readonly string[] | BigInt64Array,
  offset: number,
  n: number,
): void {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  const parsed = levels instanceof BigInt64Array ? levels : null;
  const texts = levels instanceof BigInt64Array ? [] : levels;
  const ints = parsed ? new BigInt64Array(n) : null;
  const slots = parsed ? null : inlineSlots(n);
  let mask: Uint8Array | null = null;
  let long: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const c = codes[offset + i];
    if (c < 0) {
      mask = markNull(mask, i, n);
    } else if (ints && parsed) ints[i] = parsed[c];
    else if (slots && !writeInline(slots, i, texts[c])) {
      long ??= [];
      long.push(i);
    }
  }
  if (ints) bindings.copy_data_to_vector(vector, 0, ints.buffer, 0, ints.byteLength);
  if (slots) finishStrings(vector, slots, n, long, (i) => texts[codes[offset + i]]);
  if (mask) writeValidity(vector, mask);
}
