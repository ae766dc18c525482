/**
 * {@link walkRecordsTo} with a {@link Collector}-like sink, through the fused loop
 * ({@link numericRecords}) wherever the records are plain numbers: a run of such records goes
 * straight into the builders' arrays (their counts credited after the run), and each record the
 * loop stops at is walked by {@link walkRecordsTo} with the same sink, which reads it as before and
 * names what is wrong. When most records need that, the rest of the file is walked by
 * {@link walkRecordsTo} alone.
 */
import type { ColumnBuilder } from "./column-builder.js";
import { fastNumbersApply, type NumericInput, numericRecords } from "./numeric-records.js";
import type { WalkEnd, WalkInput } from "./walk-records.js";
import { type FieldVisitor, walkRecordsTo } from "./walk-records.js";

export { fastNumbersApply } from "./numeric-records.js";

/** A collector the fused loop can fill: its builders, progress, and the missing-value strings. */
export interface NumberSink extends FieldVisitor {
  readonly builders: readonly ColumnBuilder[];
  readonly nullStrings: readonly string[];
  /** Rows `[from, to)` were read without visiting their fields (progress is reported as for fields). */
  passRows(from: number, to: number): void;
}

/** After this many records walked one by one, the fused loop gives up if they are over a quarter. */
const SLOW_PROBE = 256;

/**
 * {@link walkRecordsTo} with `sink` as the visitor: same result, same errors, faster. Not for
 * `partial` chunks (those are walked by {@link walkRecordsTo}).
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
  const numeric: NumericInput = {
    bytes,
    ncols,
    delim: input.delimiter.charCodeAt(0),
    emptyIsMissing: sink.nullStrings.includes(""),
  };
  const numbers = new Int32Array(ncols);
  const decimals = new Int32Array(ncols);
  const firstRow = input.firstRow ?? 0;
  let pos = input.start;
  let line = input.line;
  let row = firstRow;
  let slow = 0;
  while (pos < n && row < maxRows) {
    if (builders.every((b) => b.codes === null)) {
      numbers.fill(0);
      decimals.fill(0);
      const room = builders.reduce((m, b) => Math.min(m, b.values.length), maxRows);
      const values = builders.map((b) => b.values);
      const end = numericRecords(numeric, pos, n, row, room, { values, numbers, decimals });
      creditNumbers(builders, numbers, decimals);
      sink.passRows(row, end.row);
      pos = end.pos;
      line += end.lines;
      row = end.row;
      if (pos >= n || row >= maxRows) break;
    }
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

/**
 * Add the fused loop's counts to the builders: each number is present and not a date, each decimal
 * also not an integer (as {@link ColumnBuilder.add} counts them).
 * @example creditNumbers(builders, Int32Array.of(3), Int32Array.of(1));
 */
export function creditNumbers(
  builders: readonly ColumnBuilder[],
  numbers: Int32Array,
  decimals: Int32Array,
): void {
  builders.forEach((b, j) => {
    b.present += numbers[j];
    b.notDate += numbers[j];
    b.notInteger += decimals[j];
  });
}
