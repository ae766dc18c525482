/**
 * Reading a Parquet file into a DuckDB table with DuckDB's built-in reader.
 */
import { access } from "node:fs/promises";
import { firstLine, messageOf } from "./errors.js";
import type { ReadOptions, ReadReport } from "./read-options.js";
import type { DataSession } from "./session.js";
import { quoteIdent, quoteLiteral } from "./sql.js";
import { watchProgress } from "./watch-progress.js";

/**
 * Read a Parquet file into table `table` (replacing it if it exists).
 * @example await readParquet(session, "panel", "panel.parquet");
 */
export async function readParquet(
  session: DataSession,
  table: string,
  path: string,
  options: ReadOptions = {},
): Promise<ReadReport> {
  try {
    await access(path);
  } catch {
    throw new Error(`${path}: cannot open the file (no such file or no permission)`);
  }
  const stop = watchProgress(session, options.onProgress);
  try {
    await session.connection.run(
      `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_parquet(${quoteLiteral(path)})`,
    );
  } catch (err) {
    throw new Error(`${path}: cannot read it as Parquet: ${firstLine(messageOf(err))}`, { cause: err });
  } finally {
    stop();
  }
  const rows = await session.rowCount(table);
  const columns = await session.columns(table);
  return { table, source: path, format: "parquet", rows, columns, warnings: [] };
}
