/**
 * Input shapes of the `.dta` writer.
 */
import type { DtaStorageType, DtaValueLabel } from "./types.js";

/** A column to write: numbers (NaN = missing) or strings, with optional Stata metadata. */
export interface DtaWriteColumn {
  readonly name: string;
  readonly values: Float64Array | readonly number[] | readonly string[];
  /** Missing-value tags (0 = none, 1 = `.`, 2…27 = `.a`…`.z`) for NaN entries of a numeric column. */
  readonly missingTags?: Uint8Array | null;
  /** Storage type; chosen to fit the data when absent. */
  readonly type?: DtaStorageType;
  /** Width of a `str` column; chosen to fit when absent. */
  readonly strWidth?: number;
  /** Display format, e.g. `%td` for dates; a default for the type when absent. */
  readonly format?: string;
  readonly label?: string;
  /** Name of a value-label set in {@link DtaWriteTable.valueLabels}. */
  readonly valueLabel?: string | null;
}

/** A whole table to write. */
export interface DtaWriteTable {
  readonly columns: readonly DtaWriteColumn[];
  readonly valueLabels?: Readonly<Record<string, readonly DtaValueLabel[]>>;
}

/** A column's declared storage, fixed before any rows are written. */
export interface DtaSchemaColumn {
  readonly name: string;
  readonly type: DtaStorageType;
  /** Required for `str`: 1…2045 bytes. */
  readonly strWidth?: number;
  readonly format?: string;
  readonly label?: string;
  readonly valueLabel?: string | null;
}

/** Everything the streaming writer needs before the first batch. */
export interface DtaSchema {
  readonly columns: readonly DtaSchemaColumn[];
  readonly valueLabels?: Readonly<Record<string, readonly DtaValueLabel[]>>;
}

/** Options of the writer. */
export interface DtaWriteOptions {
  /** Dataset label (up to 80 characters). */
  readonly dataLabel?: string;
  /**
   * Timestamp to record ("dd Mon yyyy hh:mm" or a Date, written in UTC). Default: none, so the same
   * table always gives the same bytes.
   */
  readonly timestamp?: string | Date;
  /** Rows per write in {@link writeDta} (default 65,536). */
  readonly batchRows?: number;
}
