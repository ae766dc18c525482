/**
 * The one pass over a CSV file's bytes: records and fields with the quoting rules DuckDB's parser
 * applies (and {@link parseRecord} states for the header): a field is quoted only if it starts with
 * `"` (one leading space allowed); inside quotes `""` is a quote and line breaks are data; after the
 * closing quote spaces are skipped and a quote after them continues the field (`"a" "b"` is `a b`);
 * other text after a closing quote is an error. A quote inside an unquoted field is literal. Lines
 * end with `\n` or `\r\n`; blank lines are not records. Every record must have exactly the header's
 * number of fields: a short or long row is an error naming its line, never padded or cut.
 */

/** Receives the fields of each record. */
export interface FieldVisitor {
  /** Field `col` of data row `row` (0-based), bytes `[start, end)`, the record starting on `line`. */
  field(col: number, bytes: Buffer, start: number, end: number, row: number, line: number): void;
  /** The same, for a quoted field whose text differs from its bytes (escaped or continued quotes). */
  text(col: number, text: string, row: number, line: number): void;
}

/** Where the walk starts and what the file is. */
export interface WalkInput {
  readonly bytes: Buffer;
  /** Byte offset of the first data record. */
  readonly start: number;
  /** Line number (1-based) at `start`. */
  readonly line: number;
  readonly delimiter: string;
  /** The column names (for messages; their count is the fields each record must have). */
  readonly names: readonly string[];
  /** The file's name in messages. */
  readonly display: string;
  /** Row index (0-based) of the first record at `start` (default 0): a later chunk of a file continues the count. */
  readonly firstRow?: number;
  /**
   * `bytes` is a chunk with more of the file after it: stop, without error, at the first record that
   * does not end with a line break within it (walk such chunks with a visitor that keeps nothing).
   */
  readonly partial?: boolean;
}

/** Where a walk stopped. */
export interface WalkEnd {
  /** Row index after the last record visited (records before `firstRow` included). */
  readonly rows: number;
  /** Byte offset where the walk stopped: the end, or the start of the record it did not finish. */
  readonly pos: number;
  /** Line number (1-based) at `pos`. */
  readonly line: number;
}

const QUOTE = 0x22;
const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/**
 * Visit the fields of every data record (at most `maxRows` of them); returns the number of records.
 * Throws an error naming the file and line for a record with the wrong number of fields, a quoted
 * field that never closes, or text after a closing quote.
 * @example const rows = walkRecords({ bytes, start: 4, line: 2, delimiter: ",", names: ["a", "b"], display: "x.csv" }, visitor);
 */
export function walkRecords(
  input: WalkInput,
  visit: FieldVisitor,
  maxRows = Number.POSITIVE_INFINITY,
): number {
  return walkRecordsTo(input, visit, maxRows).rows;
}

/**
 * {@link walkRecords}, saying where the walk stopped (for reading a file chunk by chunk); `maxRows`
 * counts from row 0 of the file.
 * @example const { pos, line } = walkRecordsTo({ ...input, partial: true }, NO_VISIT);
 */
export function walkRecordsTo(
  input: WalkInput,
  visit: FieldVisitor,
  maxRows = Number.POSITIVE_INFINITY,
): WalkEnd {
  const { bytes, names, display } = input;
  const n = bytes.length;
  const ncols = names.length;
  const delim = input.delimiter.charCodeAt(0);
  const partial = input.partial ?? false;
  let pos = input.start;
  let line = input.line;
  let row = input.firstRow ?? 0;
  while (pos < n && row < maxRows) {
    const c0 = bytes[pos];
    if (c0 === NL) {
      pos++;
      line++;
      continue;
    }
    if (partial && c0 === CR && pos + 1 === n) break;
    if (c0 === CR && (pos + 1 === n || bytes[pos + 1] === NL)) {
      pos += 2;
      line++;
      continue;
    }
    const recStart = pos;
    const recLine = line;
    let col = 0;
    for (;;) {
      if (col === ncols) throw fieldCountError(input, recStart, recLine, row, ncols + 1);
      let p = pos;
      if (bytes[p] === SPACE && bytes[p + 1] === QUOTE) p++;
      let end: number;
      if (bytes[p] === QUOTE) {
        const quoteLine = line;
        const open = p + 1;
        let q = open;
        let simple = true;
        let text = "";
        for (;;) {
          // the closing (or doubled) quote
          let k = q;
          while (k < n && bytes[k] !== QUOTE) {
            if (bytes[k] === NL) line++;
            k++;
          }
          if (k >= n) {
            if (partial) return { rows: row, pos: recStart, line: recLine };
            throw openQuoteError(display, quoteLine);
          }
          if (bytes[k + 1] === QUOTE) {
            // "" inside quotes: one quote
            text += bytes.toString("utf8", q, k + 1);
            simple = false;
            q = k + 2;
            continue;
          }
          const closing = k;
          let a = k + 1;
          while (a < n && bytes[a] === SPACE) a++;
          if (a > k + 1 && bytes[a] === QUOTE) {
            // "a" "b": the field continues after the spaces
            text += bytes.toString("utf8", q, k) + bytes.toString("utf8", k + 1, a);
            simple = false;
            q = a + 1;
            continue;
          }
          if (simple) visit.field(col, bytes, open, closing, row, recLine);
          else visit.text(col, text + bytes.toString("utf8", q, closing), row, recLine);
          end = a;
          break;
        }
        const b = bytes[end];
        if (end < n && b !== delim && b !== NL && !(b === CR && (end + 1 === n || bytes[end + 1] === NL))) {
          throw afterQuoteError(display, line, names[col] ?? `field ${col + 1}`);
        }
      } else {
        let e = pos;
        while (e < n) {
          const b = bytes[e];
          if (b === delim || b === NL) break;
          e++;
        }
        end = e;
        if (e > pos && bytes[e - 1] === CR && (e === n || bytes[e] === NL)) e--;
        visit.field(col, bytes, pos, e, row, recLine);
      }
      col++;
      if (end < n && bytes[end] === delim) {
        pos = end + 1;
        continue;
      }
      // end of the record: \n, \r\n or the end of the file
      if (partial && (end >= n || (bytes[end] === CR && end + 1 >= n))) {
        return { rows: row, pos: recStart, line: recLine };
      }
      if (end < n && bytes[end] === CR) end++;
      pos = end < n ? end + 1 : n;
      if (end < n) line++;
      break;
    }
    if (col < ncols) throw fieldCountError(input, recStart, recLine, row, col);
    row++;
  }
  return { rows: row, pos, line };
}

/** A visitor that keeps nothing, for finding where the complete records of a chunk end. */
export const NO_VISIT: FieldVisitor = {
  field: () => undefined,
  text: () => undefined,
};

function fieldCountError(
  input: WalkInput,
  recStart: number,
  line: number,
  row: number,
  fields: number,
): Error {
  const { bytes, names, display } = input;
  let stop = bytes.indexOf(NL, recStart);
  if (stop < 0) stop = bytes.length;
  const text = bytes
    .toString("utf8", recStart, Math.min(stop, recStart + 400))
    .replace(/\r$/, "")
    .slice(0, 80);
  const n = names.length;
  const count = fields > n ? `more than ${n} fields` : `${fields} field${fields === 1 ? "" : "s"}`;
  return new Error(
    `${display}: line ${line} (data row ${row + 1}) has ${count} where the header has ${n} ` +
      `(${names.join(", ")}) (${JSON.stringify(text)}); fix that row (a missing or extra delimiter, or a stray quote?) — ` +
      "rows are never padded or cut to fit",
  );
}

function openQuoteError(display: string, line: number): Error {
  return new Error(
    `${display}: line ${line} opens a quoted field that is never closed; add the closing double quote`,
  );
}

function afterQuoteError(display: string, line: number, column: string): Error {
  return new Error(
    `${display}: line ${line}, column "${column}" has text after a closing quote; ` +
      "quote the whole field and double any quote inside it",
  );
}
