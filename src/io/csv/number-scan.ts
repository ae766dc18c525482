/**
 * Reading one CSV field's bytes as a number, without making a string: the field's shape (the
 * decimal-number shape `\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*`, whether it is a plain integer,
 * whether it is an unsigned integer with a leading zero such as `01012100`) and its value. Values
 * of up to 19 significant digits are computed exactly without a string ({@link digitsToDouble}, shared
 * with the fused loop of numeric-records.ts); any other number goes through `Number`, which rounds
 * correctly as DuckDB's cast does.
 */
import { digitsToDouble } from "./exact-decimal.js";

/** What a field's bytes are. */
export enum Shape {
  /** Not a decimal number. */
  Text = 0,
  /** A plain integer (no `.`, `e` or `E`). */
  Integer = 1,
  /** A decimal number with a point or an exponent. */
  Decimal = 2,
}

/** The result of {@link scanNumber}, reused between calls (no allocation per field). */
export interface NumberScan {
  shape: Shape;
  value: number;
  /** An unsigned integer written with a leading zero (`007`, `01012100`): an identifier. */
  leadingZero: boolean;
  /** An integer of 16 or more significant digits: it may lie beyond ±2^53. */
  wide: boolean;
}

const SPACE = 0x20;
const TAB = 0x09;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

/**
 * Scan bytes `[start, end)` of `bytes` into `out`.
 * @example const out = newScan(); scanNumber(Buffer.from(" -1.5e2 "), 0, 8, out); out.value // => -150
 */
export function scanNumber(bytes: Buffer, start: number, end: number, out: NumberScan): void {
  out.shape = Shape.Text;
  out.leadingZero = false;
  out.wide = false;
  let i = start;
  let e = end;
  while (i < e && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
  while (e > i && (bytes[e - 1] === SPACE || bytes[e - 1] === TAB)) e--;
  if (i === e) return;
  let negative = false;
  const s = bytes[i];
  if (s === PLUS || s === MINUS) {
    negative = s === MINUS;
    i++;
  }
  const digitsStart = i;
  // the first 15 significant digits, and the next 4
  let mantissa = 0;
  let tail = 0;
  let significant = 0;
  let intDigits = 0;
  let fracDigits = 0;
  for (; i < e; i++) {
    const c = bytes[i];
    if (c < ZERO || c > NINE) break;
    if (significant > 0 || c !== ZERO) {
      if (significant < 15) mantissa = mantissa * 10 + (c - ZERO);
      else if (significant < 19) tail = tail * 10 + (c - ZERO);
      significant++;
    }
    intDigits++;
  }
  let decimal = false;
  if (i < e && bytes[i] === DOT) {
    decimal = true;
    i++;
    for (; i < e; i++) {
      const c = bytes[i];
      if (c < ZERO || c > NINE) break;
      if (significant > 0 || c !== ZERO) {
        if (significant < 15) mantissa = mantissa * 10 + (c - ZERO);
        else if (significant < 19) tail = tail * 10 + (c - ZERO);
        significant++;
      }
      fracDigits++;
    }
  }
  if (intDigits + fracDigits === 0) return;
  let exponent = 0;
  if (i < e && (bytes[i] === LOWER_E || bytes[i] === UPPER_E)) {
    decimal = true;
    i++;
    let expNegative = false;
    if (i < e && (bytes[i] === PLUS || bytes[i] === MINUS)) {
      expNegative = bytes[i] === MINUS;
      i++;
    }
    const expStart = i;
    for (; i < e; i++) {
      const c = bytes[i];
      if (c < ZERO || c > NINE) break;
      if (exponent < 1e6) exponent = exponent * 10 + (c - ZERO);
    }
    if (i === expStart) return;
    if (expNegative) exponent = -exponent;
  }
  if (i !== e) return;
  if (!decimal) {
    out.shape = Shape.Integer;
    out.leadingZero = !(s === PLUS || s === MINUS) && bytes[digitsStart] === ZERO && intDigits > 1;
    out.wide = significant >= 16;
  } else {
    out.shape = Shape.Decimal;
  }
  let value = digitsToDouble(significant, mantissa, tail, exponent - fracDigits);
  if (Number.isNaN(value)) value = Number(bytes.toString("latin1", digitsStart, e));
  out.value = negative ? -value : value;
}

/**
 * A fresh result holder for {@link scanNumber}.
 * @example const out = newScan(); // { shape: Shape.Text, value: 0, … }
 */
export function newScan(): NumberScan {
  return { shape: Shape.Text, value: 0, leadingZero: false, wide: false };
}
