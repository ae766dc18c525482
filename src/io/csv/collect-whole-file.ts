/**
 * A whole file's records on two threads: when the file has no quote at all (so every line break
 * ends a record) and its columns start numeric, the records after the line break nearest the middle
 * go to the helper thread ({@link runNumericJob}: plain numeric records only, stopping at the first
 * other one), while this thread reads the first half through {@link collectRecordsTo}. The helper's
 * part is then copied in after the first half's rows and its counts credited — the same values and
 * counts as one thread's reading, since those records only add numbers — and this thread reads on
 * from where the helper stopped. If the helper had not started by then, or a column showed text in
 * the first half (its later rows need their text), this thread reads the second half itself.
 */
import { collectRecordsTo, creditNumbers, type NumberSink } from "./collect-records.js";
import { HELPER_TAKEN_BACK, type NumericJob, OPEN } from "./numeric-job.js";
import { fastNumbersApply } from "./numeric-records.js";
import type { NumericHelper } from "./numeric-helper.js";
import type { WalkInput } from "./walk-records.js";

/** Files smaller than this are read on one thread (the hand-over costs more than it saves). */
export const PARALLEL_MIN_BYTES = 8 << 20;

const QUOTE = 0x22;
const NL = 0x0a;

/**
 * Read every record of a whole file into `sink`, on two threads when `helper` is given and the file
 * allows it (at least `minBytes` bytes of records); returns the number of rows. Same result and
 * errors as {@link collectRecordsTo}.
 * @example const rows = await collectWholeFile(input, collector, numericHelper());
 */
export async function collectWholeFile(
  input: WalkInput,
  sink: NumberSink,
  helper: NumericHelper | null,
  minBytes = PARALLEL_MIN_BYTES,
): Promise<number> {
  const { bytes, start } = input;
  const n = bytes.length;
  const split =
    helper &&
    n - start >= minBytes &&
    fastNumbersApply(input.delimiter, sink.nullStrings) &&
    sink.builders.every((b) => b.codes === null) &&
    bytes.indexOf(QUOTE, start) < 0
      ? bytes.indexOf(NL, start + ((n - start) >> 1)) + 1
      : 0;
  if (!helper || split <= start || split >= n) return collectRecordsTo(input, sink).rows;
  const shared = new SharedArrayBuffer(n - split);
  new Uint8Array(shared).set(bytes.subarray(split));
  const claim = new SharedArrayBuffer(4);
  const job: NumericJob = {
    shared,
    claim,
    ncols: input.names.length,
    delim: input.delimiter.charCodeAt(0),
    emptyIsMissing: sink.nullStrings.includes(""),
    rows: sink.builders.reduce((m, b) => Math.min(m, b.values.length), Number.POSITIVE_INFINITY),
  };
  const pending = helper.run(job);
  const first = collectRecordsTo({ ...input, bytes: bytes.subarray(0, split) }, sink);
  let row = first.rows;
  let line = first.line;
  let pos = split;
  const takenBack = Atomics.compareExchange(new Int32Array(claim), 0, OPEN, HELPER_TAKEN_BACK) === OPEN;
  const part = takenBack ? null : await pending;
  const builders = sink.builders;
  if (part && builders.every((b) => b.codes === null && b.values.length >= row + part.row)) {
    builders.forEach((b, j) => {
      b.values.set(part.values[j].subarray(0, part.row), row);
    });
    creditNumbers(builders, part.numbers, part.decimals);
    sink.passRows(row, row + part.row);
    row += part.row;
    line += part.lines;
    pos = split + part.pos;
  }
  if (pos >= n) return row;
  return collectRecordsTo({ ...input, start: pos, line, firstRow: row }, sink).rows;
}
