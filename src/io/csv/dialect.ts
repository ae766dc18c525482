/**
 * The dialect of a CSV file, decided from its first record: the delimiter (of `,` tab `;` `|`,
 * the one that occurs most often outside quotes on the first line), whether that record is a header (it
 * is, unless every field is a number), and the column names. A sniffer that guesses from samples
 * (DuckDB's) silently picks another dialect on a ragged file (one text column, or a data row as
 * header) instead of failing, so the dialect is fixed here and the records are then read strictly
 * against it. The first record is parsed with the same quoting rules as the records.
 */
import { parseRecord, type RecordParse } from "./record-parser.js";
import { caseClash } from "../name-clash.js";

/** How a CSV file is laid out. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly header: boolean;
  /** Column names: from the header, or `v1`, `v2`, … when there is none. */
  readonly names: readonly string[];
}

/** Options that override detection. */
export interface DialectOptions {
  readonly delimiter?: string;
  readonly header?: boolean;
}

const CANDIDATES = [",", "\t", ";", "|"];
const FIRST_READ = 1 << 16;
const MAX_HEADER_BYTES = 16 << 20;
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A dialect and where the data records start. */
export interface DialectAndStart {
  readonly dialect: CsvDialect;
  /** Byte offset of the first data record (after the header, if any). */
  readonly start: number;
  /** Line number (1-based) at `start`. */
  readonly line: number;
}

/**
 * Detect the dialect of a CSV file already in memory as UTF-8 bytes (without a byte-order mark),
 * and where its data records start.
 * @example const { dialect, start } = dialectOfBytes(Buffer.from("a,b\n1,2\n"), "x.csv"); // start = 4
 */
export function dialectOfBytes(
  bytes: Buffer,
  display: string,
  options: DialectOptions = {},
): DialectAndStart {
  return dialectOfPrefix(bytes, display, options, false) as DialectAndStart;
}

/**
 * {@link dialectOfBytes} for the first chunk of a file read in pieces (`bytes` is not all of it):
 * null when the first record does not end within `bytes` (read more and try again).
 * @example const found = dialectOfChunk(firstChunk, "big.csv");
 */
export function dialectOfChunk(
  bytes: Buffer,
  display: string,
  options: DialectOptions = {},
): DialectAndStart | null {
  return dialectOfPrefix(bytes, display, options, true);
}

function dialectOfPrefix(
  bytes: Buffer,
  display: string,
  options: DialectOptions,
  more: boolean,
): DialectAndStart | null {
  for (let size = FIRST_READ; ; size *= 4) {
    const whole = !more && size >= bytes.length;
    const text = new TextDecoder("utf-8").decode(bytes.subarray(0, Math.min(size, bytes.length)), {
      stream: !whole,
    });
    const found = dialectInPrefix({ text, whole }, display, options, size);
    if (!found) {
      if (more && size >= bytes.length) return null;
      continue;
    }
    if (!found.dialect.header) return { dialect: found.dialect, start: 0, line: 1 };
    const head = text.slice(0, found.next);
    let lines = 1;
    for (let i = head.indexOf("\n"); i >= 0; i = head.indexOf("\n", i + 1)) lines++;
    return { dialect: found.dialect, start: Buffer.byteLength(head, "utf8"), line: lines };
  }
}

/** The dialect from a prefix of the file, or null when the first record needs a longer prefix. */
function dialectInPrefix(
  prefix: { text: string; whole: boolean },
  display: string,
  options: DialectOptions,
  size: number,
): { dialect: CsvDialect; next: number } | null {
  if (options.delimiter !== undefined) checkDelimiter(options.delimiter, display);
  const { text, whole } = prefix;
  if (whole && text.trim() === "") {
    throw new Error(`${display}: the file is empty; a CSV file needs a header row`);
  }
  const firstLine = text.slice(0, text.indexOf("\n") >= 0 ? text.indexOf("\n") : text.length);
  const delimiter = options.delimiter ?? pickDelimiter(firstLine);
  const p = parseRecord(text, 0, delimiter);
  const complete = p.ok && (whole || text[p.next - 1] === "\n");
  if (!whole && !complete && (p.ok || p.problem === "open-quote")) {
    if (size >= MAX_HEADER_BYTES) {
      throw new Error(
        `${display}: no end of the first record within ${MAX_HEADER_BYTES >> 20} MB; is this a CSV file?`,
      );
    }
    return null;
  }
  if (!p.ok) throw headerError(p, display);
  if (p.fields.length === 1 && p.fields[0].trim() === "") {
    throw new Error(`${display}: the first line is blank; a CSV file needs a header row on line 1`);
  }
  return { dialect: dialectFromFields(p.fields, delimiter, display, options), next: p.next };
}

/**
 * The dialect implied by a file's first line (already decoded), read leniently — for describing
 * where an encoding error is when the file cannot be fully decoded.
 * @example dialectFromLine("id;name", "x.csv").delimiter // => ";"
 */
export function dialectFromLine(first: string, display: string, options: DialectOptions = {}): CsvDialect {
  const delimiter = options.delimiter ?? pickDelimiter(first);
  checkDelimiter(delimiter, display);
  return dialectFromFields(splitRecord(first, delimiter), delimiter, display, options);
}

function dialectFromFields(
  fields: string[],
  delimiter: string,
  display: string,
  options: DialectOptions,
): CsvDialect {
  const header = options.header ?? !fields.every((f) => NUMBER.test(f));
  const names = header ? headerNames(fields, display) : fields.map((_, i) => `v${i + 1}`);
  return { delimiter, header, names };
}

function checkDelimiter(delimiter: string, display: string): void {
  if (
    delimiter.length !== 1 ||
    delimiter === '"' ||
    delimiter === "\n" ||
    delimiter === "\r" ||
    delimiter === " "
  ) {
    throw new Error(
      `${display}: the delimiter must be one character other than a quote, space or line break, ` +
        `got ${JSON.stringify(delimiter)}`,
    );
  }
}

function headerError(p: RecordParse, display: string): Error {
  if (!p.ok && p.problem === "after-quote") {
    return new Error(
      `${display}: line 1 (the header) has text after a closing quote (at character ${p.index + 1}); ` +
        "quote the whole field and double any quote inside it",
    );
  }
  return new Error(
    `${display}: line 1 (the header) opens a quoted field that is never closed; add the closing double quote`,
  );
}

function pickDelimiter(line: string): string {
  let best = ",";
  let bestCount = 0;
  for (const c of CANDIDATES) {
    const count = splitRecord(line, c).length - 1;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Split one line into fields, leniently (quotes toggle quoting anywhere, `""` inside quotes is a
 * quote). For locating a field in a line, not for reading data.
 * @example splitRecord('a,"b,c",d', ",") // => ["a", "b,c", "d"]
 */
export function splitRecord(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQuotes) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === delimiter) {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

function headerNames(fields: readonly string[], display: string): string[] {
  const names = fields.map((f, i) => (f.trim() === "" ? `v${i + 1}` : f.trim()));
  const clash = caseClash(names);
  if (clash) {
    const [prev, i] = clash;
    throw new Error(
      `${display}: the header has two columns named "${names[prev]}"/"${names[i]}" (columns ${prev + 1} and ${i + 1}; ` +
        "names are case-insensitive); rename one of them",
    );
  }
  return names;
}
