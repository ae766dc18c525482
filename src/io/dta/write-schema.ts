/**
 * Choose and validate the storage of columns to write: the smallest integer type that holds
 * integer data, double otherwise, `str#` wide enough for the longest string or strL beyond 2045
 * bytes; plus Stata's rules for names, labels and formats.
 */
import { DtaError } from "./errors.js";
import { BYTE_MAX, BYTE_MIN, INT_MAX, INT_MIN, LONG_MAX, LONG_MIN } from "./missing.js";
import type { DtaStorageType } from "./types.js";
import type { DtaSchema, DtaSchemaColumn, DtaWriteColumn, DtaWriteTable } from "./write-types.js";

/** Largest `str#` width in release 118. */
export const MAX_STR_WIDTH = 2045;
const RESERVED = new Set([
  "_all",
  "_b",
  "byte",
  "_coef",
  "_cons",
  "double",
  "float",
  "if",
  "in",
  "int",
  "long",
  "_n",
  "_N",
  "_pi",
  "_pred",
  "_rc",
  "_skip",
  "strL",
  "using",
  "with",
]);
const NAME_RE = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/**
 * The storage of each column of `table`: given types are kept (and checked later, row by row),
 * missing ones are chosen to fit the data. A column without values is numeric unless its type
 * says otherwise.
 * @example inferDtaSchema({ columns: [{ name: "x", values: new Float64Array([1, 2]) }] }).columns[0].type // "byte"
 */
export function inferDtaSchema(table: DtaWriteTable, file = "(output)"): DtaSchema {
  const columns = table.columns.map((c) => inferColumn(c, file));
  return { columns, valueLabels: table.valueLabels };
}

/** What a column holds, judged by its first string or number ("empty" for no values). */
function contentOf(values: DtaWriteColumn["values"]): "string" | "number" | "empty" {
  if (values instanceof Float64Array) return values.length ? "number" : "empty";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "string") return "string";
    if (typeof v === "number") return "number";
  }
  return values.length ? "number" : "empty";
}

function inferColumn(c: DtaWriteColumn, file: string): DtaSchemaColumn {
  const base = { name: c.name, format: c.format, label: c.label, valueLabel: c.valueLabel ?? null };
  const content = contentOf(c.values);
  const text = content === "string" || (content === "empty" && (c.type === "str" || c.type === "strL"));
  if (c.type) {
    if (c.type !== "str" || c.strWidth !== undefined) return { ...base, type: c.type, strWidth: c.strWidth };
    if (!text)
      throw new DtaError(file, "column has type str but holds numbers; give strings or a numeric type", {
        variable: c.name,
      });
  }
  if (text) {
    const values = c.values as readonly string[];
    let maxBytes = 0;
    let binary = false;
    for (let i = 0; i < values.length; i++) {
      const s = values[i];
      if (typeof s !== "string") {
        throw new DtaError(file, `a string column holds a ${typeof s}; give only strings ("" for missing)`, {
          variable: c.name,
          row: i,
        });
      }
      const len = Buffer.byteLength(s, "utf8");
      if (len > maxBytes) maxBytes = len;
      if (!binary && s.includes("\0")) binary = true;
    }
    if (binary || maxBytes > MAX_STR_WIDTH) return { ...base, type: "strL" };
    return { ...base, type: "str", strWidth: Math.max(1, maxBytes) };
  }
  return { ...base, type: c.type ?? fitNumericType(c.values as ArrayLike<number>) };
}

/**
 * The smallest Stata type holding every non-missing value exactly: byte, int or long for integers
 * in their ranges, float only if asked, double otherwise.
 * @example fitNumericType([1, 200, Number.NaN]) // "int"
 */
export function fitNumericType(values: ArrayLike<number>): "byte" | "int" | "long" | "double" {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v)) return "double";
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo >= BYTE_MIN && hi <= BYTE_MAX) return "byte";
  if (lo >= INT_MIN && hi <= INT_MAX) return "int";
  if (lo >= LONG_MIN && hi <= LONG_MAX) return "long";
  return "double";
}

/**
 * Default display format of a storage type.
 * @example defaultFormat("long") // "%12.0g"
 */
export function defaultFormat(type: DtaStorageType, strWidth?: number): string {
  switch (type) {
    case "byte":
    case "int":
      return "%8.0g";
    case "long":
      return "%12.0g";
    case "float":
      return "%9.0g";
    case "double":
      return "%10.0g";
    case "str":
      return `%-${Math.min(strWidth ?? 9, 2045)}s`;
    case "strL":
      return "%9s";
  }
}

function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Check a name against Stata's rules (1–32 characters, a letter or _ first, then letters, digits
 * or _, not a reserved word).
 * @example checkStataName("out.dta", "variable", "lwage");
 */
export function checkStataName(file: string, what: string, name: string): void {
  const fix = "rename it (1–32 letters, digits or _, not starting with a digit)";
  if (typeof name !== "string" || name.length === 0)
    throw new DtaError(file, `a ${what} has an empty name; ${fix}`);
  if (!NAME_RE.test(name) || charLength(name) > 32 || Buffer.byteLength(name) > 128) {
    throw new DtaError(file, `${what} name "${name}" is not a valid Stata name; ${fix}`);
  }
  if (RESERVED.has(name) || /^str\d+$/.test(name)) {
    throw new DtaError(file, `${what} name "${name}" is reserved in Stata; rename it`);
  }
}

/**
 * Check a label: at most `maxChars` characters and `maxBytes` UTF-8 bytes, no NUL.
 * @example checkLabel("out.dta", 'label of variable "x"', "Gross output", 80, 320);
 */
export function checkLabel(
  file: string,
  what: string,
  text: string,
  maxChars: number,
  maxBytes: number,
): void {
  if (text.includes("\0")) throw new DtaError(file, `${what} contains a NUL character; remove it`);
  if (charLength(text) > maxChars || Buffer.byteLength(text) > maxBytes) {
    throw new DtaError(file, `${what} is longer than Stata's ${maxChars}-character limit; shorten it`);
  }
}

/**
 * Validate a schema (names, types, widths, formats, labels) before anything is written.
 * @example validateSchema("out.dta", schema);
 */
export function validateSchema(file: string, schema: DtaSchema): void {
  const cols = schema.columns;
  if (cols.length > 32767) {
    throw new DtaError(
      file,
      `${cols.length} columns exceed the 32,767 variables of format 118; write fewer columns`,
    );
  }
  const seen = new Set<string>();
  for (const c of cols) {
    checkStataName(file, "variable", c.name);
    if (seen.has(c.name))
      throw new DtaError(file, `variable name "${c.name}" is used twice; names must be unique`);
    seen.add(c.name);
    const valid: DtaStorageType[] = ["byte", "int", "long", "float", "double", "str", "strL"];
    if (!valid.includes(c.type)) {
      throw new DtaError(file, `unknown storage type "${String(c.type)}"; use one of ${valid.join(", ")}`, {
        variable: c.name,
      });
    }
    if (
      c.type === "str" &&
      (!Number.isInteger(c.strWidth) || c.strWidth! < 1 || c.strWidth! > MAX_STR_WIDTH)
    ) {
      throw new DtaError(
        file,
        `str width must be an integer from 1 to ${MAX_STR_WIDTH}, got ${c.strWidth}; use strL for longer strings`,
        {
          variable: c.name,
        },
      );
    }
    if (c.format !== undefined && (!c.format.startsWith("%") || Buffer.byteLength(c.format) > 56)) {
      throw new DtaError(file, `display format "${c.format}" must start with % and be at most 56 bytes`, {
        variable: c.name,
      });
    }
    if (c.label) checkLabel(file, `label of variable "${c.name}"`, c.label, 80, 320);
    if (c.valueLabel) {
      checkStataName(file, "value label", c.valueLabel);
      if (c.type === "str" || c.type === "strL") {
        throw new DtaError(
          file,
          `value label "${c.valueLabel}" is attached to a string variable; Stata labels only numbers`,
          {
            variable: c.name,
          },
        );
      }
    }
  }
}
