/**
 * A CSV file read in one pass into typed columns, with every check of the reader: the dialect from
 * the first record, strict field counts, quotes, valid text (GBK detected), missing values (`""`,
 * `.`, `NA` by default, and `NaN`/`inf`/`-inf`/`Infinity` in any case, which are counted), column
 * types decided over the whole file ({@link decideType}), text that looks mis-decoded, and a last
 * line without a line break. Only the rows before a column first shows text are looked at a second
 * time, for that column's text.
 */
import { stat } from "node:fs/promises";
import { DEFAULT_NULL_STRINGS, type ReadOptions } from "../read-options.js";
import type { NumberSink } from "./collect-records.js";
import { collectWholeFile, PARALLEL_MIN_BYTES } from "./collect-whole-file.js";
import { ColumnBuilder, isoDays } from "./column-builder.js";
import { decodeCsvFile } from "./decode-input.js";
import { dialectOfBytes } from "./dialect.js";
import { normaliseEncoding } from "./encoding-name.js";
import { coreIsFree, type NumericHelper, numericHelper } from "./numeric-helper.js";
import { type FieldVisitor, type WalkInput, walkRecords } from "./walk-records.js";

/** A column's type, as a DuckDB type name. */
export type CsvColumnType = "BIGINT" | "DOUBLE" | "DATE" | "VARCHAR";

/** Text as dictionary codes (−1 missing) into levels in order of first appearance. */
export interface CsvText {
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

/** One parsed column. */
export type CsvColumn =
  | { readonly type: "DOUBLE" | "DATE"; readonly name: string; readonly values: Float64Array }
  | {
      readonly type: "BIGINT";
      readonly name: string;
      /** Exact for values within ±2^53. */
      readonly values: Float64Array;
      /** The fields' text when some integer has 16+ digits (it may lie beyond ±2^53). */
      readonly text: CsvText | null;
    }
  | { readonly type: "VARCHAR"; readonly name: string; readonly text: CsvText };

/** A parsed file. */
export interface ParsedCsv {
  readonly rows: number;
  readonly columns: readonly CsvColumn[];
  /** Things the user should see (detected encoding, suspicious text, a cut-off last line). */
  readonly warnings: readonly string[];
}

/** Column names that denote identifiers (codes), kept as text when their values are integers. */
const CODE_NAME = /^(code.*|.*_code|hs\d*|hs_.*|cic\d*|cic_.*|isic\d*)$/i;
/** A text column most of whose values are numbers gets a warning naming its first text cell. */
const PROGRESS_EVERY = 1 << 20;

/** Options for tests and tools, not for users. */
export interface CsvInternals {
  /**
   * Read the file in chunks of this many bytes (default: files over {@link WHOLE_FILE_MAX} bytes
   * are read in {@link CHUNK_BYTES}-byte chunks, others whole).
   */
  readonly chunkBytes?: number;
  /** The helper for the second half of a whole file (default: the helper thread if a core is free; null: none). */
  readonly helper?: NumericHelper | null;
  /** Files with fewer bytes of records are read on one thread (default {@link PARALLEL_MIN_BYTES}). */
  readonly parallelMinBytes?: number;
}

/** Files up to this size are read into one buffer; larger ones in chunks. */
export const WHOLE_FILE_MAX = 256 * 2 ** 20;
/** Bytes read per chunk of a large file. */
export const CHUNK_BYTES = 16 * 2 ** 20;

/**
 * Read and check a CSV file (`display` names it in messages).
 * @example const { rows, columns } = await parseCsvFile("card.csv");
 */
export async function parseCsvFile(
  path: string,
  options: ReadOptions = {},
  display = path,
  internals: CsvInternals = {},
): Promise<ParsedCsv> {
  const encoding = normaliseEncoding(options.encoding, display);
  const given = options.encoding !== undefined && options.encoding !== "";
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : 0),
    () => 0,
  );
  if (internals.chunkBytes !== undefined || size > WHOLE_FILE_MAX) {
    const chunkBytes = internals.chunkBytes ?? CHUNK_BYTES;
    return (await import("./parse-csv-chunked.js")).parseCsvChunked(path, options, display, {
      encoding,
      given,
      size,
      chunkBytes,
    });
  }
  // the helper thread boots while the file is read
  const helper =
    internals.helper !== undefined
      ? internals.helper
      : size >= PARALLEL_MIN_BYTES && coreIsFree()
        ? numericHelper()
        : null;
  const decoded = await decodeCsvFile(path, display, encoding, given, options);
  const { bytes } = decoded;
  const { dialect, start, line } = dialectOfBytes(bytes, display, options);
  const names = dialect.names;
  const builders = newBuilders(names, options, estimateRows(bytes, start));
  const input: WalkInput = { bytes, start, line, delimiter: dialect.delimiter, names, display };
  const collector = new Collector(builders, options.onProgress);
  const rows = await collectWholeFile(input, collector, helper, internals.parallelMinBytes);
  return finishParse(
    { display, names, builders, rows, options, notice: decoded.notice, encoding: decoded.encoding },
    bytes[bytes.length - 1],
    (visitor, until) => {
      walkRecords(input, visitor, until);
    },
  );
}

/** The column builders of a file with these column names. */
export function newBuilders(
  names: readonly string[],
  options: ReadOptions,
  capacity: number,
): ColumnBuilder[] {
  const nulls = options.nullStrings ?? DEFAULT_NULL_STRINGS;
  const text = new Set(options.textColumns ?? []);
  return names.map((n) => new ColumnBuilder(capacity, nulls, text.has(n) || CODE_NAME.test(n)));
}

/** A file's fields after the walk, before the types are decided. */
export interface WalkedCsv {
  readonly display: string;
  readonly names: readonly string[];
  readonly builders: readonly ColumnBuilder[];
  readonly rows: number;
  readonly options: ReadOptions;
  /** Set when the encoding was detected. */
  readonly notice: string | null;
  readonly encoding: string;
}

/**
 * Decide the column types, fill the text of the rows read before a column showed text (by walking
 * the first `until` rows again with `rewalk`), and collect the warnings; `lastByte` is the file's
 * last byte (a last line without a line break is reported).
 */
export async function finishParse(
  walked: WalkedCsv,
  lastByte: number | undefined,
  rewalk: (visitor: FieldVisitor, until: number) => void | Promise<void>,
): Promise<ParsedCsv> {
  const { display, names, builders, rows, options } = walked;
  const text = new Set(options.textColumns ?? []);
  for (const b of builders) b.finish(rows);
  const types = builders.map((b, j) => decideType(b, names[j], text.has(names[j])));
  await backfill(builders, types, rewalk);
  const columns = builders.map((b, j) => finishColumn(b, names[j], types[j]));
  const warnings: string[] = [];
  if (walked.notice) warnings.push(walked.notice);
  warnings.push(...columnWarnings(display, builders, columns, types, text, walked.encoding));
  if (rows > 0 && lastByte !== 0x0a && lastByte !== 0x0d) {
    warnings.push(
      `${display}: the file does not end with a line break, so its last line (data row ${rows}) may be cut off; ` +
        "check that the file is complete",
    );
  }
  options.onProgress?.({ rows });
  return { rows, columns, warnings };
}

/** Passes every field to its column's builder ({@link collectRecordsTo} fills plain numbers itself). */
export class Collector implements NumberSink {
  private nextReport = PROGRESS_EVERY;
  constructor(
    readonly builders: ColumnBuilder[],
    private readonly onProgress: ReadOptions["onProgress"],
  ) {}
  get nullStrings(): readonly string[] {
    return this.builders[0]?.nullStrings ?? [];
  }
  field(col: number, bytes: Buffer, start: number, end: number, row: number, line: number): void {
    this.builders[col].add(bytes, start, end, row, line);
    if (row >= this.nextReport && col === 0) {
      this.onProgress?.({ rows: row });
      this.nextReport += PROGRESS_EVERY;
    }
  }
  passRows(_from: number, to: number): void {
    while (this.nextReport < to) {
      this.onProgress?.({ rows: this.nextReport });
      this.nextReport += PROGRESS_EVERY;
    }
  }
  text(col: number, text: string, row: number, line: number): void {
    this.builders[col].addText(text, row, line);
  }
}

/** Fills the text of the rows read before a column first showed text. */
class Backfiller implements FieldVisitor {
  constructor(private readonly targets: readonly (ColumnBuilder | null)[]) {}
  field(col: number, bytes: Buffer, start: number, end: number, row: number): void {
    const b = this.targets[col];
    if (b && row < b.textFrom) b.backfill(bytes, start, end, row);
  }
  text(col: number, text: string, row: number): void {
    const b = this.targets[col];
    if (b && row < b.textFrom) b.backfillText(text, row);
  }
}

/**
 * The type of a column from its counts, decided over the whole file: text when declared so, or
 * when any value is an unsigned integer with a leading zero (`01012100`, an HS or city code);
 * all missing is DOUBLE; all plain integers is BIGINT — or text when the name denotes a code
 * (`*_code`, `code*`, `hs*`, `cic*`, `isic*`), or a value does not fit 64 bits (an identifier);
 * all decimal numbers is DOUBLE (one beyond a double's range, 1e309, is infinite); all ISO dates is DATE
 * (text if one is impossible, 2020-02-30); anything else is text.
 * @example decideType(builder, "hs6", false) // => "VARCHAR" for a column of integers
 */
export function decideType(b: ColumnBuilder, name: string, declaredText: boolean): CsvColumnType {
  if (declaredText) return "VARCHAR";
  if (b.present === 0) return "DOUBLE";
  if (b.leadingZeros > 0) return "VARCHAR";
  if (b.notInteger === 0) {
    if (CODE_NAME.test(name)) return "VARCHAR";
    return b.wide > 0 && !fitsInt64(b) ? "VARCHAR" : "BIGINT";
  }
  if (b.notNumber === 0) return "DOUBLE";
  if (b.notDate === 0) return allDates(b) ? "DATE" : "VARCHAR";
  return "VARCHAR";
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function fitsInt64(b: ColumnBuilder): boolean {
  return b.levels.every((l) => {
    const v = BigInt(l.trim());
    return v >= INT64_MIN && v <= INT64_MAX;
  });
}

function allDates(b: ColumnBuilder): boolean {
  return b.levels.every((l) => !Number.isNaN(isoDays(l)));
}

async function backfill(
  builders: readonly ColumnBuilder[],
  types: readonly CsvColumnType[],
  rewalk: (visitor: FieldVisitor, until: number) => void | Promise<void>,
): Promise<void> {
  const targets = builders.map((b, j) => {
    const usesText = types[j] === "VARCHAR" || types[j] === "DATE" || (types[j] === "BIGINT" && b.wide > 0);
    return b.needsBackfill && usesText ? b : null;
  });
  const until = Math.max(0, ...targets.map((b) => (b ? b.textFrom : 0)));
  if (until > 0) await rewalk(new Backfiller(targets), until);
}

function finishColumn(b: ColumnBuilder, name: string, type: CsvColumnType): CsvColumn {
  const text = (): CsvText => ({ codes: b.codes as Int32Array, levels: b.levels });
  switch (type) {
    case "VARCHAR":
      return { type, name, text: text() };
    case "BIGINT": {
      // -0 is 0 as an integer
      const v = b.values;
      for (let i = 0; i < v.length; i++) if (v[i] === 0) v[i] = 0;
      return { type, name, values: v, text: b.wide > 0 ? text() : null };
    }
    case "DATE": {
      const days = b.levels.map(isoDays);
      const codes = b.codes as Int32Array;
      const v = b.values;
      for (let i = 0; i < v.length; i++) v[i] = codes[i] < 0 ? Number.NaN : days[codes[i]];
      return { type, name, values: v };
    }
    default:
      return { type, name, values: b.values };
  }
}

function columnWarnings(
  display: string,
  builders: readonly ColumnBuilder[],
  columns: readonly CsvColumn[],
  types: readonly CsvColumnType[],
  declared: ReadonlySet<string>,
  encoding: string,
): string[] {
  const out: string[] = [];
  const mojibake = findMojibake(columns);
  if (mojibake) {
    const hint =
      encoding === "utf-8"
        ? "if the file is Chinese text saved as GBK, read it with --encoding gbk"
        : `the file may not be ${encoding}; try another --encoding`;
    out.push(
      `${display}: column "${mojibake.column}", data row ${mojibake.row} holds text that looks mis-decoded ` +
        `(${JSON.stringify(mojibake.value.slice(0, 40))}); ${hint}`,
    );
  }
  builders.forEach((b, j) => {
    const name = columns[j].name;
    if (b.nonFinite > 0) {
      out.push(
        `${display}: column "${name}" has ${b.nonFinite} value(s) written as NaN or inf (not finite numbers), read as missing`,
      );
    }
    if (b.outOfRange > 0 && (types[j] === "DOUBLE" || types[j] === "BIGINT")) {
      out.push(
        `${display}: column "${name}" has ${b.outOfRange} number(s) beyond the range of a double (such as 1e309), read as infinite; estimations delete such rows`,
      );
    }
    const numbers = b.present - b.notNumber;
    if (
      types[j] === "VARCHAR" &&
      b.firstText &&
      !declared.has(name) &&
      b.leadingZeros === 0 &&
      numbers > b.notNumber
    ) {
      out.push(
        `${display}: column "${name}" is read as text because line ${b.firstText.line} holds ` +
          `${JSON.stringify(b.firstText.value.slice(0, 40))}, which is not a number ` +
          `(${b.notNumber} of its ${b.present} values are not numbers); if the column is numeric, ` +
          "correct or blank such cells",
      );
    }
  });
  return out;
}

/**
 * The first text value that looks mis-decoded: U+FFFD replacement characters, or runs of four or
 * more Latin-1 letters (U+0080–U+00FF), which is what GBK-encoded Chinese looks like when read as
 * Latin-1 ("ÖÐÎÄ" for 中文) and which real European text almost never has.
 */
function findMojibake(columns: readonly CsvColumn[]): { column: string; row: number; value: string } | null {
  for (const c of columns) {
    if (c.type !== "VARCHAR") continue;
    const bad = new Set<number>();
    c.text.levels.forEach((l, k) => {
      if (l.includes("\uFFFD") || /[\u0080-\u00FF]{4,}/.test(l)) bad.add(k);
    });
    if (bad.size === 0) continue;
    const codes = c.text.codes;
    for (let i = 0; i < codes.length; i++) {
      if (bad.has(codes[i])) return { column: c.name, row: i + 1, value: c.text.levels[codes[i]] };
    }
  }
  return null;
}

/** Rows in the file at most: its line breaks after the header, plus one for a last line without one. */
function estimateRows(bytes: Buffer, start: number): number {
  let count = 0;
  for (let i = bytes.indexOf(0x0a, start); i >= 0; i = bytes.indexOf(0x0a, i + 1)) count++;
  return bytes.length > start && bytes[bytes.length - 1] !== 0x0a ? count + 1 : count;
}
