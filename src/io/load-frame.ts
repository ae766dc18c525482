/**
 * One call from a data file to a {@link Frame}: the file is read into a fresh in-memory DuckDB
 * session and transferred column by column into typed arrays.
 */
import type { Frame } from "../frame/frame.js";
import { formatOf } from "./formats.js";
import { readFile } from "./read-file.js";
import type { ReadOptions } from "./read-options.js";
import { DataSession } from "./session.js";
import { toFrame } from "./to-frame.js";

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
  const session = await DataSession.open(":memory:");
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
