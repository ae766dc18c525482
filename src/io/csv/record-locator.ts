/**
 * Finding the line on which a given CSV record starts (records can span lines inside quotes, and
 * blank lines are not records), for error messages about a data row found wrong after parsing.
 */
import { createReadStream } from "node:fs";

/** Where a record starts. */
export interface RecordPlace {
  /** 1-based line number. */
  readonly line: number;
  /** The record's first line, up to 80 characters. */
  readonly text: string;
}

/**
 * The line of data row `row` (1-based, not counting the header) of a UTF-8 CSV file.
 * @example const { line } = await locateRecord("data.csv", 5, true);
 */
export async function locateRecord(path: string, row: number, header: boolean): Promise<RecordPlace | null> {
  const target = header ? row : row - 1; // 0-based record index counting the header
  let line = 1;
  let record = -1;
  let inQuotes = false;
  let lineHasContent = false;
  let startLine = 0;
  let text = "";
  let capturing = false;
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const s = decoder.decode(chunk as Buffer, { stream: true });
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (!inQuotes && !lineHasContent && c !== "\n" && c !== "\r") {
        // first character of a new record
        record++;
        lineHasContent = true;
        if (record === target) {
          startLine = line;
          capturing = true;
        } else if (record > target) {
          return { line: startLine, text };
        }
      }
      if (c === '"') inQuotes = !inQuotes;
      if (c === "\n") {
        line++;
        if (!inQuotes) lineHasContent = false;
        if (capturing) capturing = false;
      } else if (capturing && c !== "\r" && text.length < 80) {
        text += c;
      }
    }
  }
  return record >= target && target >= 0 ? { line: startLine, text } : null;
}
