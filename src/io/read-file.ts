/**
 * Reading any supported file into a DuckDB table, the reader chosen by extension or `format`.
 */
import { readCsv } from "./csv/read-csv.js";
import { formatOf } from "./formats.js";
import { readDtaFile } from "./read-dta.js";
import { readParquet } from "./read-parquet.js";
import type { ReadOptions, ReadReport } from "./read-options.js";
import type { DataSession } from "./session.js";
import { readXlsx } from "./xlsx/read-xlsx.js";

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
  const format = formatOf(path, options.format);
  switch (format) {
    case "csv":
      return readCsv(session, table, path, options);
    case "parquet":
      return readParquet(session, table, path, options);
    case "xlsx":
      return readXlsx(session, table, path, options);
    case "dta":
      return readDtaFile(session, table, path, options);
  }
}
