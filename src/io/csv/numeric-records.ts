/**
 * The fused loop: records whose fields are all plain numbers (or empty, when `""` means missing)
 * split and parsed in one pass over their bytes, straight into `Float64Array`s, with exactly the
 * values {@link scanNumber} gives and the counts {@link ColumnBuilder.add} keeps. It stops, without
 * a trace, at the first record it cannot read so (a quote, text, spaces, a leading zero, an integer
 * of 16+ digits, a number beyond a double's range, a blank line, a wrong field count): the caller walks
 * that record the ordinary way. Shared by the reading thread and the helper thread.
 */
import { digitsToDouble } from "./exact-decimal.js";
import { newScan, Shape, scanNumber } from "./number-scan.js";

/** Where the numbers go: one array per column, and per column the numbers and decimals read. */
export interface NumericTargets {
  readonly values: readonly Float64Array[];
  /** Non-missing fields per column (each is also "not a date"). */
  readonly numbers: Int32Array;
  /** Fields with a point or an exponent per column ("not an integer"). */
  readonly decimals: Int32Array;
}

/** Where the loop stopped. */
export interface NumericEnd {
  /** Row index after the last record read. */
  readonly row: number;
  /** Byte offset of the first record not read (or the end). */
  readonly pos: number;
  /** Line breaks passed. */
  readonly lines: number;
}

/** The bytes and their dialect. */
export interface NumericInput {
  readonly bytes: Buffer;
  readonly ncols: number;
  /** The delimiter's byte (see {@link fastNumbersApply}). */
  readonly delim: number;
  /** Whether an empty field is missing (`""` among the missing-value strings). */
  readonly emptyIsMissing: boolean;
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
/** Bytes a delimiter may not be for the fused loop (they can be part of a number). */
const NUMBER_BYTES = new Set([..."0123456789+-.eE \t"].map((c) => c.charCodeAt(0)));

/**
 * Whether the fused loop applies: an ASCII delimiter that cannot be part of a number, and no
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
 * Read plain numeric records from byte `pos` (before `stop`), as rows `row`, `row + 1`, … below
 * `maxRow`, into `targets`; stops at the first record that is not one (what it counted for that
 * record is taken back).
 * @example const end = numericRecords(input, 0, bytes.length, 0, rows, targets);
 */
export function numericRecords(
  input: NumericInput,
  pos: number,
  stop: number,
  row: number,
  maxRow: number,
  targets: NumericTargets,
): NumericEnd {
  const { bytes, ncols, delim, emptyIsMissing } = input;
  const { values, numbers, decimals } = targets;
  const n = stop;
  const last = ncols - 1;
  // what each field of the current record counted: 0 nothing (missing), 1 integer, 2 decimal
  const kinds = new Uint8Array(ncols);
  let lines = 0;
  while (pos < n && row < maxRow) {
    // a blank line is no record (the caller skips it)
    const c0 = bytes[pos];
    if (c0 === NL || (c0 === CR && (pos + 1 === n || bytes[pos + 1] === NL))) break;
    let p = pos;
    let ended = false;
    let col = 0;
    for (; col < ncols; col++) {
      let i = p;
      let c = i < n ? bytes[i] : NL;
      let kind = 0;
      let value = Number.NaN;
      if (c === delim || c === NL || c === CR || i === n) {
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
        // the integer part: leading zeros, then significant digits (15 into the mantissa, 4 more
        // into the tail, the rest only counted)
        while (i < n && bytes[i] === ZERO) i++;
        for (; i < n && significant < 15; i++, significant++) {
          const d = bytes[i] - ZERO;
          if (d < 0 || d > 9) break;
          mantissa = mantissa * 10 + d;
        }
        if (significant === 15) {
          for (; i < n; i++, significant++) {
            const d = bytes[i] - ZERO;
            if (d < 0 || d > 9) break;
            if (significant < 19) tail = tail * 10 + d;
          }
        }
        const intDigits = i - digitsStart;
        let fracDigits = 0;
        let decimal = false;
        if (i < n && bytes[i] === DOT) {
          decimal = true;
          const fracStart = ++i;
          if (significant === 0) while (i < n && bytes[i] === ZERO) i++;
          for (; i < n && significant < 15; i++, significant++) {
            const d = bytes[i] - ZERO;
            if (d < 0 || d > 9) break;
            mantissa = mantissa * 10 + d;
          }
          if (significant === 15) {
            for (; i < n; i++, significant++) {
              const d = bytes[i] - ZERO;
              if (d < 0 || d > 9) break;
              if (significant < 19) tail = tail * 10 + d;
            }
          }
          fracDigits = i - fracStart;
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
        // a leading zero (an identifier) or 16+ digits (maybe beyond 2^53) keep their text
        if (!decimal && ((!signed && bytes[digitsStart] === ZERO && intDigits > 1) || significant >= 16))
          break;
        value = digitsToDouble(significant, mantissa, tail, exponent - fracDigits);
        if (Number.isNaN(value)) {
          // as scanNumber: Number rounds correctly where the cheap ways decline; beyond a double's
          // range (1e309) the field is counted by ColumnBuilder.add
          value = Number(bytes.toString("latin1", digitsStart, i));
          if (!Number.isFinite(value)) break;
        }
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
      values[col][row] = value;
      kinds[col] = kind;
      if (kind > 0) {
        numbers[col]++;
        if (kind === 2) decimals[col]++;
      }
    }
    if (col < ncols) {
      for (let j = 0; j < col; j++) {
        if (kinds[j] > 0) numbers[j]--;
        if (kinds[j] === 2) decimals[j]--;
      }
      break;
    }
    row++;
    pos = p;
    if (ended) lines++;
  }
  return { row, pos, lines };
}
