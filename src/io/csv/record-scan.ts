/**
 * An independent scan of a CSV file's record structure (quotes, delimiters, line breaks) in
 * JavaScript: how many records it has and whether a quoted field is left open at the end. Used to
 * cross-check DuckDB's single-threaded parser, which drops a last record with an unclosed quote
 * instead of failing.
 */
import { createReadStream } from "node:fs";

/** What the scan found. */
export interface RecordScan {
  /** Non-blank records, the header included. */
  readonly records: number;
  /** Line on which an unclosed quoted field opens, or null. */
  readonly openQuoteLine: number | null;
}

const QUOTE = 0x22;
const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/**
 * Scan a UTF-8 CSV file (quote `"`, `""` escapes, one space allowed before an opening quote).
 * @example const { records, openQuoteLine } = await scanRecords("data.csv", ",");
 */
export async function scanRecords(path: string, delimiter: string): Promise<RecordScan> {
  const delim = delimiter.charCodeAt(0);
  let records = 0;
  let line = 1;
  let quoteLine = 0;
  // 0 = at field start, 1 = in unquoted field, 2 = in quoted field, 3 = quote seen inside quotes
  // (closing or first half of an escape), 4 = after a closing quote
  let state = 0;
  let lineEmpty = true;
  let pendingSpace = false;
  let spacesAfter = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    for (let i = 0; i < buf.length; i++) {
      const b = buf[i];
      if (state === 2) {
        if (b === QUOTE) state = 3;
        else if (b === NL) line++;
        continue;
      }
      if (state === 3) {
        if (b === QUOTE) {
          state = 2;
          continue;
        }
        state = 4;
        spacesAfter = false;
      }
      if (state === 4) {
        // after a closing quote: spaces, then a delimiter, a line break, or (after a space) a
        // quote that continues the field
        if (b === SPACE) {
          spacesAfter = true;
          continue;
        }
        if (b === QUOTE && spacesAfter) {
          state = 2;
          continue;
        }
      }
      if (b === NL) {
        if (!lineEmpty) records++;
        line++;
        state = 0;
        lineEmpty = true;
        pendingSpace = false;
        continue;
      }
      if (b === CR) continue;
      if (lineEmpty) lineEmpty = false;
      if (b === delim) {
        state = 0;
        pendingSpace = false;
        continue;
      }
      if (state === 0) {
        if (b === QUOTE) {
          state = 2;
          quoteLine = line;
        } else if (b === SPACE && !pendingSpace) {
          pendingSpace = true;
        } else {
          state = 1;
        }
      }
    }
  }
  if (state === 2) return { records: records + 1, openQuoteLine: quoteLine };
  if (!lineEmpty) records++;
  return { records, openQuoteLine: null };
}
