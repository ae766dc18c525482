/**
 * Public shapes of the Stata `.dta` reader and writer: variable descriptors, file metadata and the
 * row batches the reader yields. All plain, JSON-serialisable data (typed arrays aside).
 */

/** Stata storage type of a variable (`str` is the fixed-width `str1`…`str2045`). */
export type DtaStorageType = "byte" | "int" | "long" | "float" | "double" | "str" | "strL";

/** How a variable should be interpreted: dates are days and datetimes milliseconds since 1960-01-01. */
export type DtaKind = "number" | "date" | "datetime" | "string";

/** One variable as described in the file's descriptors. */
export interface DtaVariable {
  readonly name: string;
  readonly type: DtaStorageType;
  /** Byte width of a `str#` variable (1…2045); absent for other types. */
  readonly strWidth?: number;
  /** Display format, e.g. `%9.0g`, `%td`, `%tc`, `%20s`. */
  readonly format: string;
  /** Variable label ("" when none). */
  readonly label: string;
  /** Name of the attached value-label set, or null. */
  readonly valueLabel: string | null;
  readonly kind: DtaKind;
}

/**
 * One entry of a value-label set. `value` is the integer stored in the file; for labels of missing
 * values it is Stata's raw code (2147483621 for `.`, 2147483622 for `.a`, …) and `missing` names the
 * missing value (".", ".a" … ".z").
 */
export interface DtaValueLabel {
  readonly value: number;
  readonly label: string;
  readonly missing?: string;
}

/** Everything the file says about itself, read before any data. */
export interface DtaMeta {
  /** Release number: 113, 114, 115, 117, 118 or 119. */
  readonly format: number;
  readonly byteOrder: "LSF" | "MSF";
  readonly nrows: number;
  readonly dataLabel: string;
  /** Timestamp as written in the file (e.g. "10 Mar 2017 14:23"), "" when absent. */
  readonly timestamp: string;
  readonly variables: readonly DtaVariable[];
  /** Value-label sets by name (a null-prototype object, so any Stata name is a safe key; use `Object.hasOwn`). */
  readonly valueLabels: Readonly<Record<string, readonly DtaValueLabel[]>>;
  /** Text encoding used to decode strings (WHATWG label, e.g. "utf-8", "windows-1252", "gbk"). */
  readonly encoding: string;
  readonly warnings: readonly string[];
}

/**
 * Missing-value tags per row: 0 = not missing, 1 = `.`, 2…27 = `.a`…`.z`.
 * The reader gives `null` for a column (in a batch) with no missing numeric values.
 */
export type MissingTags = Uint8Array;

/** A block of consecutive rows: numeric columns as Float64Array (NaN = missing), strings as string[]. */
export interface DtaBatch {
  /** 0-based index of the first row of this batch. */
  readonly start: number;
  readonly nrows: number;
  readonly columns: readonly (Float64Array | string[])[];
  readonly missingTags: readonly (MissingTags | null)[];
}

/** A whole file read into memory: one entry per variable, in file order. */
export interface DtaTable {
  readonly meta: DtaMeta;
  readonly columns: readonly (Float64Array | string[])[];
  readonly missingTags: readonly (MissingTags | null)[];
}

/** Options of the reader. */
export interface DtaReadOptions {
  /**
   * Text encoding of strings (any WHATWG label: "utf-8", "windows-1252", "gbk", "gb18030", …).
   * Default: UTF-8 for formats 117–119, Windows-1252 for 113–115.
   */
  readonly encoding?: string;
  /** Rows per batch (default 65,536). */
  readonly batchRows?: number;
}
