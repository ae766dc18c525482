/**
 * Reading a CSV file into a DuckDB table: the file is read and checked in one pass in JavaScript
 * ({@link parseCsvFile}: strict dialect, field counts naming their line, whole-file types,
 * identifiers kept exact, `NaN`/`inf` as missing, GBK detected) and the typed columns are appended
 * to the table chunk by chunk, each in its final type (BIGINT, DOUBLE, DATE, VARCHAR), with no
 * staging table and no casts in SQL.
 */
import type { DuckDBAppender, DuckDBDataChunk } from "@duckdb/node-api";
import { duckdb } from "../duckdb.js";
import type { ReadOptions, ReadReport } from "../read-options.js";
import type { DataSession } from "../session.js";
import { quoteIdent } from "../sql.js";
import { fillCoded, fillDoubles, fillInt64s, fillNumbers } from "../vector-copy.js";
import { type CsvColumn, parseCsvFile } from "./parse-csv.js";

/** Days from 1970-01-01 back to Stata's epoch 1960-01-01 (the DATE fill counts from Stata's epoch). */
const STATA_DAYS = 3653;

/**
 * Read a CSV file into table `table` (replacing it if it exists).
 * @example const report = await readCsv(session, "card", "card.csv", { encoding: "gbk" });
 */
export async function readCsv(
  session: DataSession,
  table: string,
  path: string,
  options: ReadOptions = {},
): Promise<ReadReport> {
  const parsed = await parseCsvFile(path, options);
  const defs = parsed.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ");
  await session.run(
    `CREATE OR REPLACE TABLE ${quoteIdent(table)} (${defs})`,
    `${path}: cannot create the table`,
  );
  let complete = false;
  try {
    const appender = await session.connection.createAppender(table);
    try {
      appendColumns(appender, parsed.columns, parsed.rows);
    } finally {
      appender.closeSync();
    }
    complete = true;
  } finally {
    // All or nothing: a failed read leaves no partial table.
    if (!complete) await session.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`).catch(() => undefined);
  }
  const columns = await session.columns(table);
  return { table, source: path, format: "csv", rows: parsed.rows, columns, warnings: parsed.warnings };
}

/** A column ready to be filled into chunks. */
type Filler = (chunk: DuckDBDataChunk, j: number, offset: number, n: number) => void;

function filler(c: CsvColumn): Filler {
  switch (c.type) {
    case "DOUBLE":
      return (chunk, j, offset, n) => fillDoubles(chunk, j, c.values, offset, n);
    case "DATE": {
      const stata = c.values.map((d) => d + STATA_DAYS);
      return (chunk, j, offset, n) => fillNumbers(chunk, j, stata, offset, n, "DATE");
    }
    case "BIGINT": {
      const text = c.text;
      if (text) {
        const exact = BigInt64Array.from(text.levels, (l) => BigInt(l.trim()));
        return (chunk, j, offset, n) => fillCoded(chunk, j, text.codes, exact, offset, n);
      }
      return (chunk, j, offset, n) => fillInt64s(chunk, j, c.values, offset, n);
    }
    default:
      return (chunk, j, offset, n) => fillCoded(chunk, j, c.text.codes, c.text.levels, offset, n);
  }
}

function appendColumns(appender: DuckDBAppender, columns: readonly CsvColumn[], rows: number): void {
  const fillers = columns.map(filler);
  const chunk = duckdb.DuckDBDataChunk.create(columns.map((_, j) => appender.columnType(j)));
  const size = duckdb.DuckDBVector.standardSize();
  for (let offset = 0; offset < rows; offset += size) {
    const n = Math.min(size, rows - offset);
    chunk.reset();
    for (let j = 0; j < fillers.length; j++) fillers[j](chunk, j, offset, n);
    chunk.rowCount = n;
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
}
