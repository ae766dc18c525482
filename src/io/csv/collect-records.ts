/**
 * The reader's hot loop: a record whose fields are all plain numbers (or empty, when `""` means
 * missing) is split and its numbers parsed in one pass over its bytes, straight into the columns'
 * `Float64Array`s, with exactly the values and counts {@link ColumnBuilder.add} gives (the same
 * arithmetic as {@link scanNumber}). Any other record — a quote, text, spaces, a leading zero, an
 * integer of 16+ digits, a number that needs `Number`, a blank line, a wrong field count, a column
 * that keeps text — has what the fast loop counted undone and is walked by {@link walkRecordsTo}
 * with the same collector, which reads it as before and names what is wrong. When most records
 * need that, the rest of the file is walked by {@link walkRecordsTo} alone.
 */
import type { ColumnBuilder } from "./column-builder.js";
import { decimalToDouble } from "./exact-decimal.js";
import { Shape, newScan, scanNumber } from "./number-scan.js";
import type { WalkEnd, WalkInput } from "./walk-records.js";
import { type FieldVisitor, walkRecordsTo } from "./walk-records.js";

/** A collector the fast loop can fill: its builders, progress, and the missing-value strings. */
export interface NumberSink extends FieldVisitor {
  readonly builders: readonly ColumnBuilder[];
  readonly nullStrings: readonly string[];
  /** Called for each data row (0-based) the fast loop read, as {@link FieldVisitor.field} is for its first field. */
  startRow(row: number): void;
}

const QUOTE = 0x22;
const NL = 0x0a;
const CR = 0x0d;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Bytes a delimiter may not be for the fast loop (they can be part of a number). */
const NUMBER_BYTES = new Set([..."0123456789+-.eE \t"].map((c) => c.charCodeAt(0)));
/** After this many records walked slowly, the fast loop gives up if they are over a quarter. */
const SLOW_PROBE = 256;

/**
 * Whether the fast loop applies: an ASCII delimiter that cannot be part of a number, and no
 * missing-value string that reads as a number (such a field must stay missing).
 * @example fastNumbersApply(",", ["", ".", "NA"]) // => true
 */
export function fastNumbersApply(delimiter: string, nullStrings: readonly string[]): boolean {
  const d = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || d >= 0x80 || d === QUOTE || NUMBER_BYTES.has(d)) return false;
  const scan = newScan();
  return nullStrings.every((s) => {
    const b = Buffer.from(s, "utf8");
    scanNumber(b, 0, b.length, scan);
    return scan.shape === Shape.Text;
  });
}

/**
 * {@link walkRecordsTo} with `sink` as the visitor, same result, same errors; plain numeric records
 * go through the fused loop. Not for `partial` chunks (those are walked by {@link walkRecordsTo}).
 * @example const { rows } = collectRecordsTo(input, collector);
 */
export function collectRecordsTo(
  input: WalkInput,
  sink: NumberSink,
  maxRows = Number.POSITIVE_INFINITY,
): WalkEnd {
  if (input.partial || !fastNumbersApply(input.delimiter, sink.nullStrings)) {
    return walkRecordsTo(input, sink, maxRows);
  }
  const { bytes } = input;
  const builders = sink.builders;
  const n = bytes.length;
  const ncols = input.names.length;
  const last = ncols - 1;
  const delim = input.delimiter.charCodeAt(0);
  const emptyIsMissing = sink.nullStrings.includes("");
  // what each field of the current record counted: 0 nothing (missing), 1 integer, 2 decimal
  const kinds = new Uint8Array(ncols);
  const firstRow = input.firstRow ?? 0;
  let pos = input.start;
  let line = input.line;
  let row = firstRow;
  let slow = 0;
  while (pos < n && row < maxRows) {
    let p = pos;
    let col = 0;
    let ended = false;
    for (; col < ncols; col++) {
      const b = builders[col];
      if (b.codes !== null || row >= b.values.length) break;
      let i = p;
      let c = i < n ? bytes[i] : NL;
      let kind = 0;
      let value = Number.NaN;
      const empty = c === delim || c === NL || c === CR || i === n;
      if (empty) {
        if (!emptyIsMissing) break;
      } else {
        let negative = false;
        let signed = false;
        if (c === PLUS || c === MINUS) {
          negative = c === MINUS;
          signed = true;
          i++;
        }
        const digitsStart = i;
        let mantissa = 0;
        let tail = 0;
        let significant = 0;
        let intDigits = 0;
        let fracDigits = 0;
        for (; i < n; i++) {
          c = bytes[i];
          if (c < ZERO || c > NINE) break;
          if (significant > 0 || c !== ZERO) {
            if (significant < 15) mantissa = mantissa * 10 + (c - ZERO);
            else if (significant < 19) tail = tail * 10 + (c - ZERO);
            significant++;
          }
          intDigits++;
        }
        let decimal = false;
        if (i < n && bytes[i] === DOT) {
          decimal = true;
          for (i++; i < n; i++) {
            c = bytes[i];
            if (c < ZERO || c > NINE) break;
            if (significant > 0 || c !== ZERO) {
              if (significant < 15) mantissa = mantissa * 10 + (c - ZERO);
              else if (significant < 19) tail = tail * 10 + (c - ZERO);
              significant++;
            }
            fracDigits++;
          }
        }
        if (intDigits + fracDigits === 0) break;
        let exponent = 0;
        if (i < n && (bytes[i] === LOWER_E || bytes[i] === UPPER_E)) {
          decimal = true;
          i++;
          let expNegative = false;
          if (i < n && (bytes[i] === PLUS || bytes[i] === MINUS)) {
            expNegative = bytes[i] === MINUS;
            i++;
          }
          const expStart = i;
          for (; i < n; i++) {
            c = bytes[i];
            if (c < ZERO || c > NINE) break;
            if (exponent < 1e6) exponent = exponent * 10 + (c - ZERO);
          }
          if (i === expStart) break;
          if (expNegative) exponent = -exponent;
        }
        if (!decimal && ((!signed && bytes[digitsStart] === ZERO && intDigits > 1) || significant >= 16))
          break;
        const scale = exponent - fracDigits;
        if (significant === 0) value = 0;
        else if (significant <= 15 && scale >= -22 && scale <= 22)
          value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
        else if (significant <= 19 && scale < 0 && scale >= -22) {
          value = decimalToDouble(mantissa, tail, significant - 15, -scale);
          if (Number.isNaN(value)) break;
        } else break;
        if (negative) value = -value;
        kind = decimal ? 2 : 1;
      }
      // the field must end here: at the delimiter, or for the last one at the end of the line
      if (col < last) {
        if (i >= n || bytes[i] !== delim) break;
        p = i + 1;
      } else if (i >= n) {
        p = n;
      } else if (bytes[i] === NL) {
        p = i + 1;
        ended = true;
      } else if (bytes[i] === CR && (i + 1 === n || bytes[i + 1] === NL)) {
        p = i + 1 === n ? n : i + 2;
        ended = i + 1 < n;
      } else break;
      b.values[row] = value;
      kinds[col] = kind;
      if (kind > 0) {
        b.present++;
        b.notDate++;
        if (kind === 2) b.notInteger++;
      }
    }
    if (col === ncols) {
      sink.startRow(row);
      row++;
      pos = p;
      if (ended) line++;
      continue;
    }
    for (let j = 0; j < col; j++) undo(builders[j], kinds[j]);
    const end = walkRecordsTo({ ...input, start: pos, line, firstRow: row }, sink, row + 1);
    pos = end.pos;
    line = end.line;
    row = end.rows;
    slow++;
    if (slow >= SLOW_PROBE && slow * 4 > row - firstRow) {
      return walkRecordsTo({ ...input, start: pos, line, firstRow: row }, sink, maxRows);
    }
  }
  return { rows: row, pos, line };
}

/** Take back what the fast loop counted for a field of a record walked again. */
function undo(b: ColumnBuilder, kind: number): void {
  if (kind === 0) return;
  b.present--;
  b.notDate--;
  if (kind === 2) b.notInteger--;
}
