/**
 * Reading any supported file into a DuckDB table, the reader chosen by extension or `format`. Each
 * reader is imported when first needed, so that e.g. reading a CSV does not load the Excel library.
 */
import { formatOf } from "./formats.js";
import type { FileFormat, ReadOptions, ReadReport } from "./read-options.js";
import type { DataSession } from "./session.js";

type Reader = (
  session: DataSession,
  table: string,
  path: string,
  options: ReadOptions,
) => Promise<ReadReport>;

/** The reader of each format, loaded on demand. */
const READERS: Record<FileFormat, () => Promise<Reader>> = {
  csv: async () => (await import("./csv/read-csv.js")).readCsv,
  parquet: async () => (await import("./read-parquet.js")).readParquet,
  xlsx: async () => (await import("./xlsx/read-xlsx.js")).readXlsx,
  dta: async () => (await import("./read-dta.js")).readDtaFile,
};

/**
 * Read `path` (CSV, Parquet, Excel .xlsx or Stata .dta) into table `table` of the session.
 * @example const report = await readFile(session, "card", "card.csv");
 */
export async function readFile(
  session: DataSession,
  table: string,
  path: string,
  options: ReadOptions = {},
): Promise<ReadReport> {
  const read = await READERS[formatOf(path, options.format)]();
  return read(session, table, path, options);
}
