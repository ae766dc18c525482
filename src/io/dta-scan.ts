/**
 * A `.dta` file as a DuckDB table function, so that SQL (`CREATE TABLE … AS`, `COPY … TO`) pulls
 * its rows with no intermediate table. Each call of the scan reads the next rows of the file (in
 * blocks, synchronously: DuckDB waits for the call) and decodes every variable straight into the
 * output vectors in its storage type: byte → TINYINT, int → SMALLINT, long → INTEGER,
 * float → FLOAT, double → DOUBLE, str#/strL → VARCHAR ("" — Stata's missing string — as NULL),
 * `%td` → DATE, `%tc` → TIMESTAMP; `.` and `.a`–`.z` become NULL and the extended ones are counted.
 */
import {
  DATE,
  type DuckDBDataChunk,
  type DuckDBTableFunctionInfo,
  DuckDBTableFunction,
  type DuckDBType,
  DOUBLE,
  FLOAT,
  INTEGER,
  SMALLINT,
  TIMESTAMP,
  TINYINT,
  VARCHAR,
} from "@duckdb/node-api";
import bindings from "@duckdb/node-bindings";
import { decodeNumericInto } from "./dta/decode-numeric.js";
import {
  decodeStorage,
  type NumericStorage,
  STORAGE_ARRAY,
  type StorageArray,
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
}

/** How one variable is written into its output vector. */
type ColumnWriter = (
  view: DataView,
  bytes: Uint8Array,
  base: number,
  start: number,
  n: number,
  chunk: DuckDBDataChunk,
) => void;

let scanCounter = 0;

/**
 * Register a table function over the rows of `source` (described by `variables`) on the session's
 * connection; select from `scan.from` once.
 * @example const scan = registerDtaScan(session, file.rows(), file.meta.variables, (rows) => progress(rows)); await session.run(`CREATE TABLE t AS FROM ${scan.from}`);
 */
export function registerDtaScan(
  session: DataSession,
  source: DtaRowSource,
  variables: readonly DtaVariable[],
  onBlock?: (rows: number) => void,
): DtaScan {
  const name = `robometrics_dta_scan_${++scanCounter}`;
  const extended = new Array<number>(variables.length).fill(0);
  const writers = variables.map((v, j) => columnWriter(source, v, j, extended));
  const block = new Uint8Array(Math.min(BLOCK_ROWS, Math.max(source.nobs, 1)) * source.rowWidth);
  const state = {
    rows: 0,
    error: null as unknown,
    blockStart: 0,
    blockRows: 0,
    view: new DataView(block.buffer),
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
  };
  const produce = (out: DuckDBDataChunk): void => {
    const next = state.rows;
    if (next >= source.nobs) {
      out.rowCount = 0;
      return;
    }
    if (next >= state.blockStart + state.blockRows) {
      const n = Math.min(BLOCK_ROWS, source.nobs - next);
      source.readSync(next, n, block);
      state.blockStart = next;
      state.blockRows = n;
      if (next > 0) onBlock?.(next);
    }
    const n = Math.min(CHUNK_ROWS, state.blockStart + state.blockRows - next);
    const base = (next - state.blockStart) * source.rowWidth;
    out.rowCount = n;
    for (const write of writers) write(state.view, block, base, next, n, out);
    state.rows += n;
  };
  session.connection.registerTableFunction(
    DuckDBTableFunction.create({
      name,
      bindFunction: (info) => {
        for (const v of variables) info.addResultColumn(v.name, duckType(v));
        info.setCardinality(source.nobs, true);
      },
      initFunction: (info) => info.setMaxThreads(1),
      mainFunction: (info: DuckDBTableFunctionInfo, out: DuckDBDataChunk) => {
        if (state.error) {
          out.rowCount = 0;
          return;
        }
        try {
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
  if (v.kind === "string") return VARCHAR;
  if (v.kind === "date") return DATE;
  if (v.kind === "datetime") return TIMESTAMP;
  return STORAGE_TYPES[v.type as NumericStorage] ?? DOUBLE;
}

const STORAGE_TYPES: Readonly<Record<NumericStorage, DuckDBType>> = {
  byte: TINYINT,
  int: SMALLINT,
  long: INTEGER,
  float: FLOAT,
  double: DOUBLE,
};

/** The writer of variable `j`, with its scratch buffers. */
function columnWriter(source: DtaRowSource, v: DtaVariable, j: number, extended: number[]): ColumnWriter {
  const plan = source.plans[j];
  const { rowWidth, littleEndian } = source;
  if (v.kind === "string") {
    const texts = new Array<string>(CHUNK_ROWS);
    if (plan.type === "strL") {
      return (view, _bytes, base, start, n, chunk) => {
        source.strlSync(view, base, plan, start, n, texts, 0);
        fillStrings(chunk, j, texts, 0, n, true);
      };
    }
    const column = new FixedStringColumn(source.decoder, plan.width);
    return (_view, bytes, base, _start, n, chunk) => {
      column.decodeInto(bytes, n, rowWidth, base + plan.offset, texts, 0);
      fillStrings(chunk, j, texts, 0, n, true);
    };
  }
  const storage = plan.type as NumericStorage;
  if (v.kind === "date" || v.kind === "datetime") {
    // Rare and converted from Stata's epoch: through the Float64 decoder and the date writers.
    const target = {
      values: new Float64Array(CHUNK_ROWS),
      tags: null as Uint8Array | null,
      tagsLength: CHUNK_ROWS,
    };
    const kind = v.kind === "date" ? "DATE" : "TIMESTAMP";
    return (view, _bytes, base, _start, n, chunk) => {
      target.tags = null;
      decodeNumericInto(view, n, rowWidth, base + plan.offset, storage, littleEndian, target, 0);
      if (target.tags) for (let i = 0; i < n; i++) if (target.tags[i] > 1) extended[j]++;
      fillNumbers(chunk, j, target.values, 0, n, kind);
    };
  }
  const out: StorageArray = STORAGE_ARRAY[storage](CHUNK_ROWS);
  const nulls: StorageNulls = { mask: null, extended: 0 };
  return (view, _bytes, base, _start, n, chunk) => {
    nulls.mask = null;
    nulls.extended = 0;
    decodeStorage(view, n, rowWidth, base + plan.offset, storage, littleEndian, out, nulls);
    const vector = bindings.data_chunk_get_vector(chunk.chunk, j);
    bindings.copy_data_to_vector(vector, 0, out.buffer as ArrayBuffer, 0, n * out.BYTES_PER_ELEMENT);
    if (nulls.mask) writeValidity(vector, nulls.mask);
    extended[j] += nulls.extended;
  };
}
