/**
 * Reading a Stata .dta file into a DuckDB table, or straight into a CSV or Parquet file: the rows
 * come from a table-function scan of the file (dta-scan.ts) that decodes each variable into its
 * storage type (byte → TINYINT, int → SMALLINT, long → INTEGER, float → FLOAT, double → DOUBLE,
 * strings → VARCHAR), `%td` dates as DATE and `%tc` datetimes as TIMESTAMP, so that no staging copy
 * is made. Variable labels, formats and value labels are kept on the session (`session.meta`).
 * Stata's extended missing values (.a–.z) become plain NULL, which is reported; empty strings
 * (Stata's missing string) become NULL.
 */
import { registerDtaScan } from "./dta-scan.js";
import { type DtaFile, openDta } from "./dta/index.js";
import type { DtaVariable } from "./dta/types.js";
import type { ReadOptions, ReadReport } from "./read-options.js";
import type { ColumnInfo, DataSession } from "./session.js";
import { quoteIdent } from "./sql.js";
import type { ColumnMeta, TableMeta, ValueLabelEntry } from "./table-meta.js";
import { type OutputFormat, writeQuery } from "./write-file.js";
import { caseClash } from "./name-clash.js";

/**
 * Read a .dta file into table `table` and record its labels in `session.meta`.
 * @example await readDtaFile(session, "firms", "firms.dta", { encoding: "gbk" });
 */
export async function readDtaFile(
  session: DataSession,
  table: string,
  path: string,
  options: ReadOptions = {},
): Promise<ReadReport> {
  let complete = false;
  try {
    const report = await scanDta(session, table, path, options, async (from) => {
      await session.run(
        `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS FROM ${from}`,
        `${path}: cannot read the data`,
      );
    });
    complete = true;
    return { ...report, rows: await session.rowCount(table), columns: await session.columns(table) };
  } finally {
    // All or nothing: a failed read leaves no partial table.
    if (!complete) await session.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  }
}

/**
 * Convert a .dta file straight to a CSV or Parquet file (no intermediate table); the labels are
 * recorded in `session.meta` under `table`, as {@link readDtaFile} does.
 * @example await copyDtaFile(session, "firms", "firms.dta", "firms.parquet", "parquet");
 */
export function copyDtaFile(
  session: DataSession,
  table: string,
  path: string,
  output: string,
  format: Exclude<OutputFormat, "dta">,
  options: ReadOptions = {},
): Promise<ReadReport> {
  return scanDta(session, table, path, options, (from) =>
    writeQuery(session, `FROM ${from}`, output, format),
  );
}

/**
 * Open `path`, register a scan of it and run `consume(from)` on the scan's table expression; then
 * check that every row was read and report the extended missing values.
 */
async function scanDta(
  session: DataSession,
  table: string,
  path: string,
  options: ReadOptions,
  consume: (from: string) => Promise<unknown>,
): Promise<ReadReport> {
  const file: DtaFile = await openDta(path, options.encoding ? { encoding: options.encoding } : {});
  const warnings = [...file.meta.warnings];
  const vars = file.meta.variables;
  if (vars.length === 0) {
    await file.close();
    throw new Error(`${path}: the file has no variables; there is nothing to read`);
  }
  const clash = caseClash(vars.map((v) => v.name));
  if (clash) {
    await file.close();
    const [a, b] = clash.map((i) => vars[i].name);
    throw new Error(
      `${path}: variables "${a}" and "${b}" differ only in case, and column names here are ` +
        `case-insensitive (DuckDB); rename one in Stata (e.g. \`rename ${b} ${b}_2\`) and save again`,
    );
  }
  const scan = registerDtaScan(session, file.rows(), vars, (rows) => options.onProgress?.({ rows }));
  try {
    // The scan is one pipeline on one thread (its rows come in order from JavaScript), so DuckDB's
    // other threads have nothing to do but wait, and under load their waiting costs CPU the scan
    // needs: run it on one thread (1.3-1.4 s of CPU in 4 runs against 1.4-2.7 s on two, load 15).
    const [{ threads }] = await session.rows("SELECT current_setting('threads') AS threads");
    if (Number(threads) > 1) await session.run("SET threads = 1");
    try {
      await consume(scan.from);
    } catch (err) {
      // The scan's own error names the file, variable and row; DuckDB's wrapper of it does not.
      throw scan.error ?? err;
    } finally {
      if (Number(threads) > 1) await session.run(`SET threads = ${Number(threads)}`);
    }
    if (scan.rows !== file.meta.nrows) {
      throw new Error(
        `${path}: read ${scan.rows} of the file's ${file.meta.nrows} rows; the file could not be read to its end`,
      );
    }
    options.onProgress?.({ rows: scan.rows });
  } finally {
    scan.stop();
    await file.close();
  }
  vars.forEach((v, j) => {
    if (scan.extended[j] > 0) {
      warnings.push(
        `${path}: variable "${v.name}" has ${scan.extended[j]} extended missing value(s) (.a–.z), read as plain missing`,
      );
    }
  });
  session.meta.set(table, tableMeta(path, file.meta.dataLabel, vars, file.meta.valueLabels));
  const columns: ColumnInfo[] = vars.map((v, j) => ({ name: v.name, type: scan.types[j] }));
  return { table, source: path, format: "dta", rows: scan.rows, columns, warnings };
}

function tableMeta(
  path: string,
  dataLabel: string,
  vars: readonly DtaVariable[],
  sets: Readonly<Record<string, readonly { value: number; label: string; missing?: string }[]>>,
): TableMeta {
  const columns: Record<string, ColumnMeta> = {};
  for (const v of vars) columns[v.name] = { label: v.label, format: v.format, valueLabel: v.valueLabel };
  const valueLabels: Record<string, ValueLabelEntry[]> = {};
  for (const [name, entries] of Object.entries(sets)) {
    valueLabels[name] = entries.filter((e) => !e.missing).map((e) => ({ value: e.value, label: e.label }));
  }
  return { source: path, format: "dta", columns, valueLabels, dataLabel };
}
