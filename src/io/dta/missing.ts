/**
 * Stata's 27 missing values (`.`, `.a` … `.z`) and how each numeric storage type records them.
 * Tags: 0 = not missing, 1 = `.`, 2…27 = `.a`…`.z`.
 */

/** Largest non-missing byte; `.` is 101, `.a` 102 … `.z` 127. */
export const BYTE_MAX = 100;
/** Largest non-missing int; `.` is 32741 … `.z` 32767. */
export const INT_MAX = 32740;
/** Largest non-missing long; `.` is 2147483621 … `.z` 2147483647. */
export const LONG_MAX = 2147483620;
/** Smallest non-missing byte / int / long (the most negative value of each type is unused). */
export const BYTE_MIN = -127;
export const INT_MIN = -32767;
export const LONG_MIN = -2147483647;
/** Largest non-missing float, +1.fffffeX+7e (bits 0x7effffff). */
export const FLOAT_MAX = 1.7014117331926443e38;
/** Largest non-missing double, +1.fffffffffffffX+3fe (bits 0x7fdfffffffffffff). */
export const DOUBLE_MAX = 8.988465674311579e307;
/** Bits of the float `.`; `.a` adds 0x800, and so on. */
export const FLOAT_MISSING_BITS = 0x7f000000;
/** High 32 bits of the double `.`; `.a` adds 0x100 to them, and so on. */
export const DOUBLE_MISSING_HI = 0x7fe00000;

/**
 * The tag (1…27) of an integer-type missing code, given the code of `.` for that type.
 * @example integerMissingTag(102, 101) // 2, i.e. ".a"
 */
export function integerMissingTag(raw: number, sysmiss: number): number {
  const k = raw - sysmiss;
  return k >= 0 && k <= 26 ? k + 1 : 1;
}

/**
 * The tag of a float missing value from its bit pattern (values between codes fall to the lower code,
 * as Stata's `.a_` ranges do; anything above `.z`, infinities and NaNs count as `.`).
 * @example floatMissingTag(0x7f000800) // 2, i.e. ".a"
 */
export function floatMissingTag(bits: number): number {
  const k = ((bits >>> 0) - FLOAT_MISSING_BITS) / 0x800;
  return k >= 0 && k < 27 ? Math.floor(k) + 1 : 1;
}

/**
 * The tag of a double missing value from its high 32 bits (see {@link floatMissingTag}).
 * @example doubleMissingTag(0x7fe00100) // 2, i.e. ".a"
 */
export function doubleMissingTag(hi: number): number {
  const k = ((hi >>> 0) - DOUBLE_MISSING_HI) / 0x100;
  return k >= 0 && k < 27 ? Math.floor(k) + 1 : 1;
}

/**
 * The Stata name of a tag: 1 → ".", 2 → ".a", …, 27 → ".z".
 * @example missingName(3) // ".b"
 */
export function missingName(tag: number): string {
  if (!Number.isInteger(tag) || tag < 1 || tag > 27) {
    throw new RangeError(`missing-value tag must be an integer from 1 to 27, got ${tag}`);
  }
  return tag === 1 ? "." : `.${String.fromCharCode(96 + tag - 1)}`;
}

/**
 * The tag of a Stata missing-value name (".", ".a" … ".z"), or 0 if the text is not one.
 * @example missingTag(".z") // 27
 */
export function missingTag(name: string): number {
  if (name === ".") return 1;
  if (name.length === 2 && name[0] === ".") {
    const c = name.charCodeAt(1) - 96;
    if (c >= 1 && c <= 26) return c + 1;
  }
  return 0;
}

/** Raw code of a tag for the integer types: `.` code plus (tag − 1). */
export const BYTE_SYSMISS = 101;
export const INT_SYSMISS = 32741;
export const LONG_SYSMISS = 2147483621;

/**
 * Float bit pattern of a missing tag.
 * @example floatMissingBits(2) // 0x7f000800
 */
export function floatMissingBits(tag: number): number {
  return FLOAT_MISSING_BITS + (tag - 1) * 0x800;
}

/**
 * High 32 bits of the double pattern of a missing tag (the low 32 bits are zero).
 * @example doubleMissingHi(2) // 0x7fe00100
 */
export function doubleMissingHi(tag: number): number {
  return DOUBLE_MISSING_HI + (tag - 1) * 0x100;
}
