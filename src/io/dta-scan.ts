/**
 * A `.dta` file as a DuckDB table function, so that SQL (`CREATE TABLE … AS`, `COPY … TO`) pulls
 * its rows with no intermediate table. Each call of the scan reads the next rows of the file (in
 * blocks, synchronously: DuckDB waits for the call) and decodes every variable straight into the
 * output vectors in its storage type: byte → TINYINT, int → SMALLINT, long → INTEGER,
 * float → FLOAT, double → DOUBLE, str#/strL → VARCHAR ("" — Stata's missing string — as NULL),
 * `%td` → DATE, `%tc` → TIMESTAMP; `.` and `.a`–`.z` become NULL and the extended ones are counted.
 */
import type { DuckDBDataChunk, DuckDBTableFunctionInfo, DuckDBType } from "@duckdb/node-api";
import { asciiCompatible, StringSlots } from "./dta-string-slots.js";
import { bindings, duckdb } from "./duckdb.js";
import { decodeNumericInto } from "./dta/decode-numeric.js";
import {
  decodeStorage,
  type NumericStorage,
  STORAGE_ARRAY,
  type StorageNulls,
} from "./dta/decode-storage.js";
import { FixedStringColumn } from "./dta/decode-strings.js";
import type { DtaRowSource } from "./dta/reader.js";
import type { DtaVariable } from "./dta/types.js";
import type { DataSession } from "./session.js";
import { fillNumbers, fillStrings, writeValidity } from "./vector-copy.js";

/** Rows read from the file at a time (a multiple of DuckDB's 2048-row vectors). */
const BLOCK_ROWS = 32_768;
/** Rows per output chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;
/** Widest `str#` written from its bytes (wider ones are decoded to text). */
const RAW_STRING_MAX = 64;
/** DuckDB's row group (Parquet's default ROW_GROUP_SIZE, and a table's): 60 chunks. */
const ROW_GROUP_ROWS = 122_880;
/** Chunks decoded ahead of DuckDB at most: a row group and a few more. */
const AHEAD = 64;

/** A registered scan: the SQL that reads it and, once read, what it found. */
export interface DtaScan {
  /** A table expression (`name()`) that yields the file's rows once. */
  readonly from: string;
  /** The DuckDB type of each variable's column (e.g. `DOUBLE`, `VARCHAR`). */
  readonly types: readonly string[];
  /** Rows produced so far. */
  readonly rows: number;
  /** Per variable, the number of `.a`–`.z` values seen so far. */
  readonly extended: readonly number[];
  /** The error that stopped the scan (with its file, variable and row), if any. */
  readonly error: unknown;
  /** Stop decoding ahead (call once the statement reading the scan has ended). */
  stop(): void;
}

/**
 * One variable's decoder: `prepare` decodes `n` rows (the first, row `start` of the file, at byte
 * `base` of `bytes`) into the buffers of a prepared-chunk slot; `emit` writes a slot's rows into
 * the output chunk's vector.
 */
interface ColumnCodec {
  prepare(slot: number, view: DataView, bytes: Uint8Array, base: number, start: number, n: number): void;
  emit(slot: number, chunk: DuckDBDataChunk, n: number): void;
}

let scanCounter = 0;

/**
 * Register a table function over the rows of `source` (described by `variables`) on the session's
 * connection; select from `scan.from` once, then call `scan.stop()`. While DuckDB encodes a row
 * group (after the call that completes it, or when nothing is decoded), the next chunks are decoded
 * ahead, up to {@link AHEAD}, so that decoding overlaps DuckDB's work; each call then only copies a
 * decoded chunk into the output vectors.
 * @example const scan = registerDtaScan(session, file.rows(), file.meta.variables); await session.run(`CREATE TABLE t AS FROM ${scan.from}`); scan.stop();
 */
export function registerDtaScan(
  session: DataSession,
  source: DtaRowSource,
  variables: readonly DtaVariable[],
  onBlock?: (rows: number) => void,
): DtaScan {
  const name = `robometrics_dta_scan_${++scanCounter}`;
  const extended = new Array<number>(variables.length).fill(0);
  const codecs = variables.map((v, j) => columnCodec(source, v, j, extended));
  const block = new Uint8Array(Math.min(BLOCK_ROWS, Math.max(source.nobs, 1)) * source.rowWidth);
  const view = new DataView(block.buffer);
  /** Rows in each slot; slots fill and empty in ring order. */
  const slotRows = new Int32Array(AHEAD);
  const state = {
    /** Rows handed to DuckDB. */
    rows: 0,
    /** Rows decoded into slots. */
    prepared: 0,
    /** Slots decoded and not yet handed over, from `first`. */
    ready: 0,
    first: 0,
    error: null as unknown,
    blockStart: 0,
    blockRows: 0,
    prefetching: false,
    stopped: false,
  };
  const scan: DtaScan = {
    from: `${name}()`,
    types: variables.map((v) => duckType(v).toString()),
    get rows() {
      return state.rows;
    },
    extended,
    get error() {
      return state.error;
    },
    stop() {
      state.stopped = true;
    },
  };
  /** Decode the next chunk of rows into the next free slot. */
  const prepareNext = (): void => {
    const next = state.prepared;
    if (next >= state.blockStart + state.blockRows) {
      const n = Math.min(BLOCK_ROWS, source.nobs - next);
      source.readSync(next, n, block);
      state.blockStart = next;
      state.blockRows = n;
      if (next > 0) onBlock?.(next);
    }
    const n = Math.min(CHUNK_ROWS, state.blockStart + state.blockRows - next);
    const base = (next - state.blockStart) * source.rowWidth;
    const slot = (state.first + state.ready) % AHEAD;
    for (const codec of codecs) codec.prepare(slot, view, block, base, next, n);
    slotRows[slot] = n;
    state.prepared += n;
    state.ready++;
  };
  const canPrepare = (): boolean =>
    !state.stopped && state.error === null && state.ready < AHEAD && state.prepared < source.nobs;
  /** One chunk per turn of the event loop, so that DuckDB's next call waits for one chunk at most. */
  const prefetch = (): void => {
    state.prefetching = false;
    if (!canPrepare()) return;
    try {
      prepareNext();
    } catch (err) {
      state.error = err;
      return;
    }
    if (canPrepare()) {
      state.prefetching = true;
      setImmediate(prefetch);
    }
  };
  const produce = (out: DuckDBDataChunk): void => {
    if (state.rows >= source.nobs) {
      out.rowCount = 0;
      return;
    }
    if (state.ready === 0) prepareNext();
    const slot = state.first;
    const n = slotRows[slot];
    out.rowCount = n;
    for (const codec of codecs) codec.emit(slot, out, n);
    state.first = (slot + 1) % AHEAD;
    state.ready--;
    state.rows += n;
    // DuckDB is away encoding a row group after its last chunk: decode the next one meanwhile. Within
    // a row group its calls come back at once, and decoding between them would only delay them.
    const away = state.rows % ROW_GROUP_ROWS === 0 || state.ready === 0;
    if (away && !state.prefetching && canPrepare()) {
      state.prefetching = true;
      setImmediate(prefetch);
    }
  };
  session.connection.registerTableFunction(
    duckdb.DuckDBTableFunction.create({
      name,
      bindFunction: (info) => {
        for (const v of variables) info.addResultColumn(v.name, duckType(v));
        info.setCardinality(source.nobs, true);
      },
      initFunction: (info) => info.setMaxThreads(1),
      mainFunction: (info: DuckDBTableFunctionInfo, out: DuckDBDataChunk) => {
        try {
          if (state.error) throw state.error;
          produce(out);
        } catch (err) {
          state.error = err;
          out.rowCount = 0;
          info.setError(err instanceof Error ? err.message : String(err));
        }
      },
    }),
  );
  return scan;
}

/**
 * The DuckDB type a variable is stored in: its storage type, `%td` dates as DATE and `%tc`
 * datetimes as TIMESTAMP, strings as VARCHAR.
 */
function duckType(v: DtaVariable): DuckDBType {
  if (v.kind === "string") return duckdb.VARCHAR;
  if (v.kind === "date") return duckdb.DATE;
  if (v.kind === "datetime") return duckdb.TIMESTAMP;
  return STORAGE_TYPES[v.type as NumericStorage] ?? duckdb.DOUBLE;
}

const STORAGE_TYPES: Readonly<Record<NumericStorage, DuckDBType>> = {
  byte: duckdb.TINYINT,
  int: duckdb.SMALLINT,
  long: duckdb.INTEGER,
  float: duckdb.FLOAT,
  double: duckdb.DOUBLE,
};

/** The codec of variable `j`, with a buffer per slot. */
function columnCodec(source: DtaRowSource, v: DtaVariable, j: number, extended: number[]): ColumnCodec {
  const plan = source.plans[j];
  const { rowWidth, littleEndian } = source;
  if (v.kind === "string") {
    const texts = Array.from({ length: AHEAD }, () => new Array<string>(CHUNK_ROWS));
    const emit = (slot: number, chunk: DuckDBDataChunk, n: number) =>
      fillStrings(chunk, j, texts[slot], 0, n, true);
    if (plan.type === "strL") {
      return {
        prepare: (slot, view, _bytes, base, start, n) =>
          source.strlSync(view, base, plan, start, n, texts[slot], 0),
        emit,
      };
    }
    const column = new FixedStringColumn(source.decoder, plan.width);
    // ASCII chunks go from the file's bytes into the vector (narrow fields only: a slot holds a
    // chunk's bytes), other chunks through the text decoder.
    const raw =
      plan.width <= RAW_STRING_MAX && asciiCompatible(source.decoder.encoding)
        ? Array.from({ length: AHEAD }, () => new StringSlots(CHUNK_ROWS, plan.width))
        : null;
    const fromBytes = new Uint8Array(AHEAD);
    return {
      prepare: (slot, _view, bytes, base, _start, n) => {
        fromBytes[slot] = raw?.[slot].take(bytes, n, rowWidth, base + plan.offset, plan.width) ? 1 : 0;
        if (!fromBytes[slot]) column.decodeInto(bytes, n, rowWidth, base + plan.offset, texts[slot], 0);
      },
      emit: (slot, chunk, n) => {
        if (raw && fromBytes[slot]) raw[slot].emit(chunk, j, n);
        else emit(slot, chunk, n);
      },
    };
  }
  const storage = plan.type as NumericStorage;
  if (v.kind === "date" || v.kind === "datetime") {
    // Rare and converted from Stata's epoch: through the Float64 decoder and the date writers.
    const values = Array.from({ length: AHEAD }, () => new Float64Array(CHUNK_ROWS));
    const kind = v.kind === "date" ? "DATE" : "TIMESTAMP";
    return {
      prepare: (slot, view, _bytes, base, _start, n) => {
        const target = { values: values[slot], tags: null as Uint8Array | null, tagsLength: n };
        decodeNumericInto(view, n, rowWidth, base + plan.offset, storage, littleEndian, target, 0);
        if (target.tags) for (let i = 0; i < n; i++) if (target.tags[i] > 1) extended[j]++;
      },
      emit: (slot, chunk, n) => fillNumbers(chunk, j, values[slot], 0, n, kind),
    };
  }
  const out = Array.from({ length: AHEAD }, () => STORAGE_ARRAY[storage](CHUNK_ROWS));
  const masks: (Uint8Array | null)[] = new Array(AHEAD).fill(null);
  const nulls: StorageNulls = { mask: null, extended: 0 };
  return {
    prepare: (slot, view, _bytes, base, _start, n) => {
      nulls.mask = null;
      nulls.extended = 0;
      decodeStorage(view, n, rowWidth, base + plan.offset, storage, littleEndian, out[slot], nulls);
      masks[slot] = nulls.mask;
      extended[j] += nulls.extended;
    },
    emit: (slot, chunk, n) => {
      const vector = bindings.data_chunk_get_vector(chunk.chunk, j);
      const values = out[slot];
      bindings.copy_data_to_vector(vector, 0, values.buffer as ArrayBuffer, 0, n * values.BYTES_PER_ELEMENT);
      const mask = masks[slot];
      if (mask) writeValidity(vector, mask);
    },
  };
}
