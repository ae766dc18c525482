/**
 * One call from a data file to a {@link Frame}. A CSV is parsed in one pass straight into typed
 * arrays, with no DuckDB at all (DuckDB is not even loaded). Other formats are read into a fresh
 * in-memory DuckDB session and transferred column by column into typed arrays. A small file is
 * read on one DuckDB thread: it fits in one of DuckDB's row groups anyway, and on a busy machine
 * waking a pool of threads for each of the reader's queries costs more than the queries (a
 * 3,010-row file read in a median 2.9 s on one thread against 5.5 s on the default pool, 5 runs
 * each alternating, load average 17).
 */
import { stat } from "node:fs/promises";
import type { Frame } from "../frame/frame.js";
import { formatOf } from "./formats.js";
import type { ReadOptions } from "./read-options.js";

/** Options of {@link loadFrame}: those of the readers, plus where warnings go. */
export interface LoadFrameOptions extends ReadOptions {
  /** Receives warnings about the data (default: `process.emitWarning`, i.e. stderr). */
  readonly onWarning?: (message: string) => void;
}

/**
 * Read a CSV, Parquet, Excel .xlsx or Stata .dta file into a frame: numeric columns as
 * Float64Array (NaN = missing), text columns as categorical codes, in the file's column order,
 * with `frame.source` set to the path.
 * @example const frame = await loadFrame("test/fixtures/ivreg2/data/card.csv");
 */
export async function loadFrame(path: string, options: LoadFrameOptions = {}): Promise<Frame> {
  if (formatOf(path, options.format) === "csv") return loadCsvFrame(path, options);
  const [{ DataSession }, { readFile }, { toFrame }] = await Promise.all([
    import("./session.js"),
    import("./read-file.js"),
    import("./to-frame.js"),
  ]);
  const session = await DataSession.open(":memory:", (await isSmall(path)) ? { threads: 1 } : {});
  try {
    const report = await readFile(session, "data", path, options);
    const warn = options.onWarning ?? ((m: string) => process.emitWarning(m));
    for (const w of report.warnings) warn(w);
    return await toFrame(session, "data", { source: path });
  } finally {
    await session.close();
  }
}

/** A CSV is read in one pass straight into typed arrays, with no DuckDB session. */
async function loadCsvFrame(path: string, options: LoadFrameOptions): Promise<Frame> {
  const { readCsvFrame } = await import("./csv/csv-frame.js");
  const { frame, warnings } = await readCsvFrame(path, options);
  const warn = options.onWarning ?? ((m: string) => process.emitWarning(m));
  for (const w of warnings) warn(w);
  return frame;
}

/** Files below this size are read on one DuckDB thread. */
const SMALL_FILE_BYTES = 4 << 20;

/** Whether the file exists and is small (a missing file is left to the reader's own error). */
async function isSmall(path: string): Promise<boolean> {
  try {
    return (await stat(path)).size < SMALL_FILE_BYTES;
  } catch {
    return false;
  }
}
