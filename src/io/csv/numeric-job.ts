/**
 * The second half of a file's plain numeric records, read on another thread: the job (its bytes
 * in a SharedArrayBuffer, and a claim word, so that whichever thread gets to it first reads it)
 * and the reading itself ({@link runNumericJob}), which the helper thread and tests call alike.
 */
import { type NumericEnd, numericRecords } from "./numeric-records.js";

/** What the helper is asked to read. */
export interface NumericJob {
  /** The bytes from a record's start to the end of the file. */
  readonly shared: SharedArrayBuffer;
  /** One Int32: 0 open, 1 taken by the helper, 2 taken back by the reading thread. */
  readonly claim: SharedArrayBuffer;
  readonly ncols: number;
  readonly delim: number;
  readonly emptyIsMissing: boolean;
  /** Rows the part may have at most (the reader's column capacity: untouched pages cost nothing). */
  readonly rows: number;
}

/** What the helper read: its rows from row 0, and the counts to credit. */
export interface NumericPart extends NumericEnd {
  readonly values: Float64Array[];
  readonly numbers: Int32Array;
  readonly decimals: Int32Array;
}

/** The job is open. */
export const OPEN = 0;
/** The helper took the job. */
export const HELPER_TOOK = 1;
/** The reading thread took the job back before the helper started it. */
export const HELPER_TAKEN_BACK = 2;

/**
 * Read the job's records if the job is still open (null if the reading thread took it back).
 * @example const part = runNumericJob(job); // part.row records, part.values[j] per column
 */
export function runNumericJob(job: NumericJob): NumericPart | null {
  if (Atomics.compareExchange(new Int32Array(job.claim), 0, OPEN, HELPER_TOOK) !== OPEN) return null;
  const bytes = Buffer.from(job.shared);
  const rows = job.rows;
  const values = Array.from({ length: job.ncols }, () => new Float64Array(rows));
  const numbers = new Int32Array(job.ncols);
  const decimals = new Int32Array(job.ncols);
  const input = { bytes, ncols: job.ncols, delim: job.delim, emptyIsMissing: job.emptyIsMissing };
  const end = numericRecords(input, 0, bytes.length, 0, rows, { values, numbers, decimals });
  return { ...end, values, numbers, decimals };
}
