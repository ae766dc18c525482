/**
 * Options and results shared by the file readers.
 */
import type { ColumnInfo } from "./session.js";

/** A file format the data layer reads. */
export type FileFormat = "csv" | "parquet" | "xlsx" | "dta";

/** Progress of a long read: rows so far when known, else a percentage. */
export interface ReadProgress {
  readonly rows?: number;
  readonly percent?: number;
}

/** Options of the readers (each reader uses the ones that apply to it). */
export interface ReadOptions {
  /** Force a format instead of going by the file extension. */
  readonly format?: FileFormat;
  /** Text encoding of a CSV file (default utf-8; e.g. gbk, gb18030) or of a pre-2007 `.dta` file. */
  readonly encoding?: string;
  /** Excel sheet: a name, or a 1-based index (default: the first sheet). */
  readonly sheet?: string | number;
  /** CSV delimiter (default: detected from the first line among `,` tab `;` `|`). */
  readonly delimiter?: string;
  /** Whether the CSV's first line is a header (default: yes unless it is all numbers). */
  readonly header?: boolean;
  /** CSV texts that mean "missing" (default `""`, `"."`, `"NA"`). */
  readonly nullStrings?: readonly string[];
  /**
   * Columns to keep as text whatever they look like (identifiers such as HS codes or credit codes:
   * leading zeros and every digit survive). Used by the CSV reader.
   */
  readonly textColumns?: readonly string[];
  /** Called during long reads. */
  readonly onProgress?: (progress: ReadProgress) => void;
}

/** What a reader did. */
export interface ReadReport {
  /** The table created. */
  readonly table: string;
  /** The file read. */
  readonly source: string;
  readonly format: FileFormat;
  readonly rows: number;
  readonly columns: readonly ColumnInfo[];
  /** Things the caller should show the user (suspicious text, partial interpretations). */
  readonly warnings: readonly string[];
}

/** Missing-value texts of a CSV when none are given. */
export const DEFAULT_NULL_STRINGS: readonly string[] = ["", ".", "NA"];
