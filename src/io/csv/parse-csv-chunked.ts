/**
 * The CSV reader for files too large for one buffer (over 4 GiB, or over what a string can hold once
 * re-encoded): the file is decoded chunk by chunk ({@link decodeCsvChunks}) and each chunk's
 * complete records are walked with the same walker, checks and builders as a file read whole; the
 * record cut off at a chunk's end is carried into the next chunk, with its row and line numbers, so
 * that every message names the same line as a whole-file read would. Where a chunk has a quote, a
 * first walk that keeps nothing finds where its complete records end (a quoted field may hold line
 * breaks); without one, they end at its last line break. Rows read before a column showed text are
 * read again, from the start of the file, for their text.
 */
import type { ReadOptions } from "../read-options.js";
import type { ColumnBuilder } from "./column-builder.js";
import { type ChunkedDecoding, decodeCsvChunks } from "./decode-chunks.js";
import { type DialectAndStart, dialectOfBytes, dialectOfChunk } from "./dialect.js";
import { collectRecordsTo } from "./collect-records.js";
import { Collector, finishParse, newBuilders, type ParsedCsv } from "./parse-csv.js";
import { type FieldVisitor, NO_VISIT, type WalkInput, walkRecordsTo } from "./walk-records.js";

/** How to read the file. */
export interface ChunkedSource {
  /** Normalised encoding ("utf-8" when none was given). */
  readonly encoding: string;
  /** Whether the user gave the encoding. */
  readonly given: boolean;
  /** File size in bytes. */
  readonly size: number;
  readonly chunkBytes: number;
}

const QUOTE = 0x22;
const NL = 0x0a;

/**
 * Read and check a large CSV file chunk by chunk; the result is the same as a whole-file read's.
 * @example const parsed = await parseCsvChunked("big.csv", {}, "big.csv", { encoding: "utf-8", given: false, size, chunkBytes: 1 << 26 });
 */
export async function parseCsvChunked(
  path: string,
  options: ReadOptions,
  display: string,
  source: ChunkedSource,
): Promise<ParsedCsv> {
  if (!Number.isInteger(source.chunkBytes) || source.chunkBytes < 1) {
    throw new Error(`chunkBytes must be a positive integer, got ${source.chunkBytes}`);
  }
  const decoding: ChunkedDecoding = { encoding: source.encoding, notice: null };
  let builders: ColumnBuilder[] = [];
  let names: readonly string[] = [];
  const walked = await walkChunks(
    decodeCsvChunks(path, display, source.encoding, source.given, options, source.chunkBytes, decoding),
    display,
    options,
    (dialect, firstChunk, firstRaw) => {
      names = dialect.dialect.names;
      builders = newBuilders(names, options, estimateRows(firstChunk, dialect.start, firstRaw, source.size));
      return new Collector(builders, options.onProgress);
    },
  );
  // Read again (rows before a column showed text) in the encoding the first read settled on.
  const again = { ...source, encoding: decoding.encoding, given: source.given || decoding.notice !== null };
  return finishParse(
    {
      display,
      names,
      builders,
      rows: walked.rows,
      options,
      notice: decoding.notice,
      encoding: decoding.encoding,
    },
    walked.lastByte,
    async (visitor, until) => {
      const throwaway: ChunkedDecoding = { encoding: again.encoding, notice: null };
      const chunks = decodeCsvChunks(
        path,
        display,
        again.encoding,
        true,
        options,
        again.chunkBytes,
        throwaway,
      );
      await walkChunks(chunks, display, options, () => visitor, until);
    },
  );
}

/** Rows walked and the last byte of the file's text. */
interface Walked {
  readonly rows: number;
  readonly lastByte: number | undefined;
}

/**
 * Walk the records of a chunked file: the dialect from the first chunk(s), then each chunk's
 * complete records, the rest carried over; the last piece is walked as the end of the file.
 * `start` makes the visitor once the dialect is known.
 */
async function walkChunks(
  chunks: AsyncGenerator<Buffer>,
  display: string,
  options: ReadOptions,
  start: (dialect: DialectAndStart, firstChunk: Buffer, firstRaw: number) => FieldVisitor,
  maxRows = Number.POSITIVE_INFINITY,
): Promise<Walked> {
  let carry: Buffer = Buffer.alloc(0);
  let found: DialectAndStart | null = null;
  let visitor: FieldVisitor = NO_VISIT;
  let pos = 0;
  let line = 1;
  let row = 0;
  let lastByte: number | undefined;
  let rawSeen = 0;
  const input = (bytes: Buffer): WalkInput => ({
    bytes,
    start: pos,
    line,
    delimiter: (found as DialectAndStart).dialect.delimiter,
    names: (found as DialectAndStart).dialect.names,
    display,
    firstRow: row,
  });
  for await (const chunk of chunks) {
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1];
    rawSeen += chunk.length;
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    if (!found) {
      found = dialectOfChunk(bytes, display, options);
      if (!found) {
        carry = bytes;
        continue;
      }
      pos = found.start;
      line = found.line;
      visitor = start(found, bytes, rawSeen);
    }
    const boundary =
      bytes.indexOf(QUOTE, pos) < 0
        ? bytes.lastIndexOf(NL) + 1
        : walkRecordsTo({ ...input(bytes), partial: true }, NO_VISIT).pos;
    if (boundary > pos) {
      const end = walk(input(bytes.subarray(0, boundary)), visitor, maxRows);
      row = end.rows;
      line = end.line;
      pos = end.pos;
      if (row >= maxRows) return { rows: row, lastByte };
    }
    carry = Buffer.from(bytes.subarray(pos));
    pos = 0;
  }
  if (!found) {
    // the whole file is this piece: its dialect (or why it has none) as for a whole-file read
    found = dialectOfBytes(carry, display, options);
    pos = found.start;
    line = found.line;
    visitor = start(found, carry, carry.length);
  }
  const end = walk(input(carry), visitor, maxRows);
  return { rows: end.rows, lastByte };
}

/** The collector's records through the fused loop, a backfill's through the plain walk. */
function walk(input: WalkInput, visitor: FieldVisitor, maxRows: number) {
  return visitor instanceof Collector
    ? collectRecordsTo(input, visitor, maxRows)
    : walkRecordsTo(input, visitor, maxRows);
}

/** Columns start with room for at most this many rows and grow as needed. */
const MAX_START_ROWS = 1 << 22;

/**
 * Rows expected in the file, scaled from the line breaks of its first chunk, at most
 * {@link MAX_START_ROWS} (blank lines and long quoted fields make the scaling unreliable, and the
 * columns grow anyway).
 */
function estimateRows(first: Buffer, start: number, firstBytes: number, size: number): number {
  let count = 0;
  for (let i = first.indexOf(NL, start); i >= 0; i = first.indexOf(NL, i + 1)) count++;
  const scaled = Math.ceil(((count + 1) * Math.max(size, firstBytes)) / Math.max(firstBytes, 1)) + 16;
  return Math.min(scaled, MAX_START_ROWS);
}
