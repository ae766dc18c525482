/**
 * One CSV column as it is read: every field's number (NaN when it is not one), the counts that
 * decide the column's type (as {@link decideType} states), and — only once a field shows that the
 * column may end up as text (a non-number, a leading zero, a long integer, a number out of range) —
 * the fields' text as dictionary codes. Rows before that field get their text later, from a second
 * look at just those rows ({@link ColumnBuilder.needsBackfill}).
 */
import { type NumberScan, newScan, Shape, scanNumber } from "./number-scan.js";

/** Texts of non-finite numbers (after trimming spaces, any case), read as missing. */
const NON_FINITE = new Set([
  "nan",
  "-nan",
  "+nan",
  "inf",
  "-inf",
  "+inf",
  "infinity",
  "-infinity",
  "+infinity",
]);
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** The first field of a column that is not a number, for messages. */
export interface FirstText {
  readonly value: string;
  readonly line: number;
}

/**
 * Accumulates one column's fields. `keepText` columns (declared text, or named like a code) hold
 * their text from the first row.
 * @example const b = new ColumnBuilder(1000, ["", ".", "NA"], false); b.add(buf, 0, 3, 2, 0);
 */
export class ColumnBuilder {
  values: Float64Array;
  codes: Int32Array | null = null;
  readonly levels: string[] = [];
  private readonly dictionary = new Map<string, number>();
  /** Row from which `codes` were filled while reading (rows before it need a backfill). */
  textFrom = -1;
  /** Non-missing fields. */
  present = 0;
  /** Fields that are not decimal numbers. */
  notNumber = 0;
  /** Fields that are not plain integers. */
  notInteger = 0;
  /** Fields that are not ISO dates (`2020-01-31`). */
  notDate = 0;
  /** Unsigned integers with a leading zero. */
  leadingZeros = 0;
  /** Integers of 16+ significant digits. */
  wide = 0;
  /** Numbers beyond the range of a double (1e309), infinite in a numeric column. */
  outOfRange = 0;
  /** NaN / inf texts read as missing. */
  nonFinite = 0;
  firstText: FirstText | null = null;
  private readonly scan: NumberScan = newScan();
  private readonly nullLengths: Set<number>;
  private readonly nullBytes: readonly Buffer[];

  constructor(
    capacity: number,
    /** The texts read as missing. */
    readonly nullStrings: readonly string[],
    keepText: boolean,
  ) {
    this.values = new Float64Array(capacity);
    this.nullBytes = nullStrings.map((s) => Buffer.from(s, "utf8"));
    this.nullLengths = new Set(this.nullBytes.map((b) => b.length));
    if (keepText) this.startText(0);
  }

  /** Record field bytes `[start, end)` of `bytes` (after unquoting) as row `row`, on line `line`. */
  add(bytes: Buffer, start: number, end: number, row: number, line: number): void {
    if (row >= this.values.length) this.grow(row + 1);
    const len = end - start;
    if (this.nullLengths.has(len) && this.isNullBytes(bytes, start, end)) {
      this.values[row] = Number.NaN;
      if (this.codes) this.codes[row] = -1;
      return;
    }
    const scan = this.scan;
    scanNumber(bytes, start, end, scan);
    if (scan.shape !== Shape.Text && !scan.leadingZero && !scan.wide && Number.isFinite(scan.value)) {
      this.present++;
      this.notDate++;
      if (scan.shape === Shape.Decimal) this.notInteger++;
      this.values[row] = scan.value;
      if (this.codes) this.codes[row] = this.code(bytes.toString("utf8", start, end));
      return;
    }
    this.addSlow(bytes.toString("utf8", start, end), row, line);
  }

  /** Record a field given as text (a quoted field with escapes). */
  addText(text: string, row: number, line: number): void {
    if (row >= this.values.length) this.grow(row + 1);
    if (this.nullStrings.includes(text)) {
      this.values[row] = Number.NaN;
      if (this.codes) this.codes[row] = -1;
      return;
    }
    this.addSlow(text, row, line);
  }

  /** Fill the text of row `row` during a backfill (the field was counted already). */
  backfill(bytes: Buffer, start: number, end: number, row: number): void {
    const len = end - start;
    if (this.nullLengths.has(len) && this.isNullBytes(bytes, start, end)) {
      (this.codes as Int32Array)[row] = -1;
      return;
    }
    this.backfillText(bytes.toString("utf8", start, end), row);
  }

  /** {@link backfill} for a field given as text. */
  backfillText(text: string, row: number): void {
    const missing = this.nullStrings.includes(text) || isNonFinite(text);
    (this.codes as Int32Array)[row] = missing ? -1 : this.code(text);
  }

  /** Whether rows before {@link textFrom} still need their text. */
  get needsBackfill(): boolean {
    return this.textFrom > 0;
  }

  /** Shrink or keep the arrays at exactly `rows` rows. */
  finish(rows: number): void {
    if (this.values.length !== rows) this.values = this.values.slice(0, rows);
    if (this.codes && this.codes.length !== rows) this.codes = this.codes.slice(0, rows);
  }

  private addSlow(text: string, row: number, line: number): void {
    if (isNonFinite(text)) {
      this.nonFinite++;
      this.values[row] = Number.NaN;
      if (this.codes) this.codes[row] = -1;
      return;
    }
    this.present++;
    const bytes = Buffer.from(text, "utf8");
    const scan = this.scan;
    scanNumber(bytes, 0, bytes.length, scan);
    if (scan.shape === Shape.Text) {
      this.notNumber++;
      this.notInteger++;
      if (!DATE.test(text)) this.notDate++;
      this.firstText ??= { value: text, line };
      this.values[row] = Number.NaN;
    } else {
      this.notDate++;
      if (scan.shape === Shape.Decimal) this.notInteger++;
      if (scan.leadingZero) this.leadingZeros++;
      if (scan.wide) this.wide++;
      // beyond a double's range (1e309): infinite, as the double it rounds to (counted; estimation
      // deletes such rows and says so)
      if (!Number.isFinite(scan.value)) this.outOfRange++;
      this.values[row] = scan.value;
    }
    if (!this.codes) this.startText(row);
    (this.codes as Int32Array)[row] = this.code(text);
  }

  private startText(row: number): void {
    this.codes = new Int32Array(this.values.length);
    this.textFrom = row;
  }

  private code(text: string): number {
    let c = this.dictionary.get(text);
    if (c === undefined) {
      c = this.levels.length;
      this.levels.push(text);
      this.dictionary.set(text, c);
    }
    return c;
  }

  private isNullBytes(bytes: Buffer, start: number, end: number): boolean {
    const len = end - start;
    for (const nb of this.nullBytes) {
      if (nb.length !== len) continue;
      let k = 0;
      while (k < len && bytes[start + k] === nb[k]) k++;
      if (k === len) return true;
    }
    return false;
  }

  private grow(need: number): void {
    const size = Math.max(need, Math.ceil(this.values.length * 1.5) + 16);
    const values = new Float64Array(size);
    values.set(this.values);
    this.values = values;
    if (this.codes) {
      const codes = new Int32Array(size);
      codes.set(this.codes);
      this.codes = codes;
    }
  }
}

/** Whether a field is a text of a non-finite number (`NaN`, `inf`, `-Infinity`, any case, spaces around). */
function isNonFinite(text: string): boolean {
  return text.length <= 10 && NON_FINITE.has(text.replace(/^ +| +$/g, "").toLowerCase());
}

/**
 * Days since 1970-01-01 of an ISO date text, or NaN when it is not a real date (2020-02-30).
 * @example isoDays("1970-01-31") // => 30
 */
export function isoDays(text: string): number {
  const m = DATE.exec(text);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return Number.NaN;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return Number.NaN;
  return Math.round(date.getTime() / 86_400_000);
}
