/**
 * Registering a {@link Frame} as a DuckDB table: numeric columns become DOUBLE (NaN → NULL),
 * categorical columns VARCHAR. The typed arrays go in through the appender, one data chunk of 2048
 * rows at a time with each column's bytes copied in a single call; categorical codes travel as a
 * DuckDB ENUM over the frame's levels and are turned into text inside DuckDB.
 */
import type { DuckDBTypeId } from "@duckdb/node-api";
import { duckdb } from "./duckdb.js";
import type { Frame } from "../frame/frame.js";
import type { DataSession } from "./session.js";
import { quoteIdent } from "./sql.js";
import { fillDoubles, fillEnumCodes } from "./vector-copy.js";
import { caseClash } from "./name-clash.js";

/**
 * Create (or replace) table `table` holding the frame's columns in order.
 * @example await registerFrame(session, "panel", frame);
 */
export async function registerFrame(session: DataSession, table: string, frame: Frame): Promise<void> {
  const where = frame.source ?? "the frame";
  checkFrame(frame, where);
  const numericOnly = frame.names.every((n) => frame.columns[n].type === "number");
  // Numbers go straight into the final table; text goes through a stage table whose ENUM columns
  // are then cast to VARCHAR.
  const stage = numericOnly ? table : session.tempName("stage");
  const cleanup: string[] = numericOnly ? [] : [`DROP TABLE IF EXISTS ${quoteIdent(stage)}`];
  try {
    const defs: string[] = [];
    for (const name of frame.names) {
      const col = frame.columns[name];
      if (col.type === "number") {
        defs.push(`${quoteIdent(name)} DOUBLE`);
      } else {
        const type = await createEnum(session, col.levels, name, where);
        cleanup.push(`DROP TYPE IF EXISTS ${quoteIdent(type)}`);
        defs.push(`${quoteIdent(name)} ${quoteIdent(type)}`);
      }
    }
    const create = numericOnly ? "CREATE OR REPLACE TABLE" : "CREATE TEMP TABLE";
    await session.run(
      `${create} ${quoteIdent(stage)} (${defs.join(", ")})`,
      `${where}: cannot create table "${stage}"`,
    );
    await appendColumns(session, stage, numericOnly ? null : "temp", frame);
    if (numericOnly) return;
    const select = frame.names
      .map((n) => {
        const ref = quoteIdent(n);
        return frame.columns[n].type === "number" ? ref : `CAST(${ref} AS VARCHAR) AS ${ref}`;
      })
      .join(", ");
    await session.run(
      `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT ${select} FROM ${quoteIdent(stage)}`,
    );
  } finally {
    // The stage table uses the ENUM types, so it goes first.
    for (const sql of cleanup) await session.run(sql).catch(() => undefined);
  }
}

function checkFrame(frame: Frame, where: string): void {
  if (frame.names.length === 0)
    throw new Error(`${where}: the frame has no columns; a table needs at least one`);
  const clash = caseClash(frame.names);
  if (clash) {
    throw new Error(
      `${where}: two columns are named "${frame.names[clash[1]]}" (DuckDB names are case-insensitive); rename one`,
    );
  }
  for (const name of frame.names) {
    const col = frame.columns[name];
    if (!col) throw new Error(`${where}: column "${name}" is listed in names but has no data`);
    const n = col.type === "number" ? col.values.length : col.codes.length;
    if (n !== frame.nrows)
      throw new Error(`${where}: column "${name}" has ${n} rows, the frame ${frame.nrows}`);
    if (col.type === "category") {
      for (let i = 0; i < n; i++) {
        const c = col.codes[i];
        if (c >= col.levels.length) {
          throw new Error(
            `${where}: column "${name}" row ${i + 1} has code ${c} but only ${col.levels.length} levels`,
          );
        }
      }
    }
  }
}

async function createEnum(
  session: DataSession,
  levels: readonly string[],
  name: string,
  where: string,
): Promise<string> {
  // An ENUM needs a member; a column with no levels is all missing (every code is -1) anyway.
  if (levels.length === 0) levels = [""];
  const seen = new Set<string>();
  for (const level of levels) {
    if (seen.has(level))
      throw new Error(`${where}: column "${name}" lists level "${level}" twice; levels must be distinct`);
    seen.add(level);
  }
  const lv = session.tempName("levels_src");
  await session.run(`CREATE TEMP TABLE ${quoteIdent(lv)} (i INTEGER, level VARCHAR)`);
  try {
    const appender = await session.connection.createAppender(lv, null, "temp");
    levels.forEach((level, i) => {
      appender.appendInteger(i);
      appender.appendVarchar(level);
      appender.endRow();
    });
    appender.closeSync();
    const type = session.tempName("enum");
    await session.run(
      `CREATE TYPE ${quoteIdent(type)} AS ENUM (SELECT level FROM ${quoteIdent(lv)} ORDER BY i)`,
      `${where}: cannot register the levels of column "${name}"`,
    );
    return type;
  } finally {
    await session.run(`DROP TABLE IF EXISTS ${quoteIdent(lv)}`);
  }
}

async function appendColumns(
  session: DataSession,
  table: string,
  catalog: string | null,
  frame: Frame,
): Promise<void> {
  const appender = await session.connection.createAppender(table, null, catalog);
  const types = frame.names.map((_, j) => appender.columnType(j));
  const widths = types.map((t) => (t instanceof duckdb.DuckDBEnumType ? enumWidth(t.internalTypeId) : 8));
  const size = duckdb.DuckDBVector.standardSize();
  const chunk = duckdb.DuckDBDataChunk.create(types);
  try {
    for (let start = 0; start < frame.nrows; start += size) {
      const n = Math.min(size, frame.nrows - start);
      chunk.reset();
      frame.names.forEach((name, j) => {
        const col = frame.columns[name];
        if (col.type === "number") fillDoubles(chunk, j, col.values, start, n);
        else fillEnumCodes(chunk, j, col.codes, start, n, widths[j] as 1 | 2 | 4);
      });
      chunk.rowCount = n;
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

function enumWidth(id: DuckDBTypeId): 1 | 2 | 4 {
  if (id === duckdb.DuckDBTypeId.UTINYINT) return 1;
  if (id === duckdb.DuckDBTypeId.USMALLINT) return 2;
  return 4;
}
