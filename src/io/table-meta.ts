/**
 * Metadata the readers attach to a table: where it came from, and the Stata-style variable labels,
 * display formats and value labels, so that `describe` and the `.dta` writer can carry them along.
 */

/** One labelled value of a value-label set. */
export interface ValueLabelEntry {
  readonly value: number;
  readonly label: string;
}

/** Labels and format of one column. */
export interface ColumnMeta {
  /** Variable label ("" when none). */
  readonly label: string;
  /** Display format such as `%9.0g` or `%td` ("" when none). */
  readonly format: string;
  /** Name of the value-label set attached to the column, or null. */
  readonly valueLabel: string | null;
}

/** What a session knows about one table beyond its SQL schema. */
export interface TableMeta {
  /** The file the table was read from. */
  readonly source: string;
  /** The format it was read as. */
  readonly format: string;
  /** Per-column labels, by column name (only columns that have any). */
  readonly columns: Readonly<Record<string, ColumnMeta>>;
  /** Value-label sets, by name. */
  readonly valueLabels: Readonly<Record<string, readonly ValueLabelEntry[]>>;
  /** Dataset label ("" when none). */
  readonly dataLabel: string;
}
