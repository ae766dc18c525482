/**
 * Reading a Stata .dta file into a DuckDB table: the rows stream from the `.dta` reader in batches
 * into an appender on the final table, each column written in its final type (no staging copy);
 * storage types are kept (byte → TINYINT, int → SMALLINT, long → INTEGER,
 * float → FLOAT, double → DOUBLE, strings → VARCHAR), `%td` dates become DATE and `%tc` datetimes
 * TIMESTAMP. Variable labels, formats and value labels are kept on the session (`session.meta`).
 * Stata's extended missing values (.a–.z) become plain NULL, which is reported; empty strings
 * (Stata's missing string) become NULL.
 */
import { BatchAppender, type BatchColumnSpec } from "./batch-appender.js";
import { openDta } from "./dta/index.js";
import type { DtaVariable } from "./dta/types.js";
import type { ReadOptions, ReadReport } from "./read-options.js";
import type { DataSession } from "./session.js";
import { quoteIdent } from "./sql.js";
import type { ColumnMeta, TableMeta, ValueLabelEntry } from "./table-meta.js";

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
  const file = await openDta(path, options.encoding ? { encoding: options.encoding } : {});
  const warnings = [...file.meta.warnings];
  const vars = file.meta.variables;
  if (vars.length === 0) {
    await file.close();
    throw new Error(`${path}: the file has no variables; there is nothing to read`);
  }
  const extended = new Array<number>(vars.length).fill(0);
  let complete = false;
  try {
    const specs: BatchColumnSpec[] = vars.map((v) => ({
      name: v.name,
      type: storageType(v),
      emptyIsNull: v.kind === "string",
    }));
    const appender = await BatchAppender.create(session, table, specs, false);
    try {
      for await (const batch of file.batches()) {
        appender.append(batch.columns, batch.nrows);
        batch.missingTags.forEach((tags, j) => {
          if (tags) for (let i = 0; i < batch.nrows; i++) if (tags[i] > 1) extended[j]++;
        });
        options.onProgress?.({ rows: appender.rowCount });
      }
    } finally {
      appender.close();
    }
    complete = true;
  } finally {
    await file.close();
    // All or nothing: a failed read leaves no partial table.
    if (!complete) await session.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  }
  vars.forEach((v, j) => {
    if (extended[j] > 0) {
      warnings.push(
        `${path}: variable "${v.name}" has ${extended[j]} extended missing value(s) (.a–.z), read as plain missing`,
      );
    }
  });
  session.meta.set(table, tableMeta(path, file.meta.dataLabel, vars, file.meta.valueLabels));
  const rows = await session.rowCount(table);
  return { table, source: path, format: "dta", rows, columns: await session.columns(table), warnings };
}

/**
 * The DuckDB type a variable is stored in: Stata's storage type (a string is VARCHAR, with "" —
 * Stata's missing string — as NULL), `%td` dates as DATE and `%tc` datetimes as TIMESTAMP.
 */
function storageType(v: DtaVariable): BatchColumnSpec["type"] {
  if (v.kind === "string") return "VARCHAR";
  if (v.kind === "date") return "DATE";
  if (v.kind === "datetime") return "TIMESTAMP";
  return STORAGE[v.type] ?? "DOUBLE";
}

const STORAGE: Readonly<Record<string, BatchColumnSpec["type"]>> = {
  byte: "TINYINT",
  int: "SMALLINT",
  long: "INTEGER",
  float: "FLOAT",
};

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
