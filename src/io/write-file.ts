/**
 * Writing a DuckDB table to CSV (UTF-8, header, empty field = missing), Parquet, or Stata .dta,
 * always through a temporary file renamed into place.
 */
import { writeAtomically } from "./atomic-path.js";
import { firstLine, messageOf } from "./errors.js";
import { formatOf } from "./formats.js";
import type { DataSession } from "./session.js";
import { quoteIdent, quoteLiteral } from "./sql.js";
import { writeDtaTable } from "./write-dta-table.js";

/** A format the writers produce. */
export type OutputFormat = "csv" | "parquet" | "dta";

/**
 * The output format for `path` (by `format` or extension), or an error for formats that cannot be written.
 * @example outputFormat("out.dta") // => "dta"
 */
export function outputFormat(path: string, format?: string): OutputFormat {
  const f = formatOf(path, format);
  if (f === "xlsx")
    throw new Error(`${path}: writing Excel files is not supported; write .csv, .parquet or .dta`);
  return f;
}

/**
 * Write table `table` to `path`, the format taken from `format` or the extension; warnings (such as
 * identifiers stored as text in a .dta) are appended to `warnings`.
 * @example await writeTable(session, "panel", "out/panel.parquet");
 */
export async function writeTable(
  session: DataSession,
  table: string,
  path: string,
  format?: string,
  warnings: string[] = [],
): Promise<OutputFormat> {
  const f = outputFormat(path, format);
  if (!(await session.hasTable(table))) throw new Error(`cannot write ${path}: there is no table "${table}"`);
  if (f === "dta") {
    warnings.push(...(await writeDtaTable(session, table, path)));
    return f;
  }
  await copyTo(session, quoteIdent(table), path, f);
  return f;
}

/**
 * Write the rows of a query (`SELECT …`, `FROM …`) to a CSV or Parquet file at `path`, through a
 * temporary file renamed into place.
 * @example await writeQuery(session, "FROM panel WHERE year > 2000", "out/recent.parquet", "parquet");
 */
export async function writeQuery(
  session: DataSession,
  query: string,
  path: string,
  format: Exclude<OutputFormat, "dta">,
): Promise<void> {
  await copyTo(session, `(${query})`, path, format);
}

/** COPY `source` (a quoted table name or a parenthesised query) to `path`, atomically. */
async function copyTo(
  session: DataSession,
  source: string,
  path: string,
  f: Exclude<OutputFormat, "dta">,
): Promise<void> {
  const options = f === "csv" ? "FORMAT csv, HEADER true, DELIMITER ','" : "FORMAT parquet";
  await writeAtomically(path, async (tmp) => {
    try {
      await session.connection.run(`COPY ${source} TO ${quoteLiteral(tmp)} (${options})`);
    } catch (err) {
      throw new Error(`${path}: cannot write the ${f} file: ${firstLine(messageOf(err))}`, { cause: err });
    }
  });
}
