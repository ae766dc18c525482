/**
 * Transfer a DuckDB table or query result into a {@link Frame}: numbers (integers, decimals,
 * floats, booleans as 0/1, dates as days since 1970-01-01, timestamps as seconds since
 * 1970-01-01 00:00) into `Float64Array` with NaN for NULL, text into `Int32Array` codes with the
 * distinct values as levels in sorted (code-point) order. Integer columns holding a value beyond
 * ±2^53, which a double would round (merging 18-digit identifiers), come over as text, exactly. The data moves chunk by chunk, one buffer
 * copy per column vector, with the next chunk fetched while the current one is copied.
 */
import type { DuckDBDataChunk } from "@duckdb/node-api";
import type { Column, Frame } from "../frame/frame.js";
import { messageOf } from "./errors.js";
import type { ColumnInfo, DataSession } from "./session.js";
import { quoteIdent } from "./sql.js";
import { copyDoubles, copyInt32s } from "./vector-copy.js";

/** Options of {@link toFrame}. */
export interface ToFrameOptions {
  /** What to record as `frame.source` (default: the table name, or "query"). */
  readonly source?: string;
  /** Called now and then with the number of rows transferred so far and the total. */
  readonly onProgress?: (rows: number, total: number) => void;
}

type Plan =
  | { readonly kind: "number"; readonly name: string; readonly expr: string }
  | { readonly kind: "category"; readonly name: string; readonly expr: string; readonly levels: string[] };

const NUMERIC = new Set([
  "BOOLEAN",
  "TINYINT",
  "SMALLINT",
  "INTEGER",
  "BIGINT",
  "HUGEINT",
  "UTINYINT",
  "USMALLINT",
  "UINTEGER",
  "UBIGINT",
  "UHUGEINT",
  "FLOAT",
  "DOUBLE",
]);
const TIMESTAMPS = new Set([
  "TIMESTAMP",
  "TIMESTAMP_S",
  "TIMESTAMP_MS",
  "TIMESTAMP_NS",
  "TIMESTAMP WITH TIME ZONE",
]);
const PROGRESS_EVERY = 1 << 20;
/** Integer types that can hold values a double cannot represent exactly (beyond 2^53). */
const WIDE_INTEGERS = new Set(["BIGINT", "HUGEINT", "UBIGINT", "UHUGEINT"]);

/**
 * Read a table (by name) or the result of a SELECT into a frame, in the column order of the source.
 * @example const frame = await toFrame(session, "SELECT lwage, educ, city FROM card WHERE age > 20");
 */
export async function toFrame(
  session: DataSession,
  sqlOrTable: string,
  options: ToFrameOptions = {},
): Promise<Frame> {
  const isTable = await session.hasTable(sqlOrTable);
  const source = options.source ?? (isTable ? sqlOrTable : "query");
  let table = sqlOrTable;
  const cleanup: string[] = [];
  try {
    if (!isTable) {
      await assertQueryNamesUnique(session, sqlOrTable, source);
      table = session.tempName("frame");
      await session.run(
        `CREATE TEMP TABLE ${quoteIdent(table)} AS ${sqlOrTable}`,
        "cannot run the query for a frame",
      );
      cleanup.push(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    }
    const columns = await session.columns(table);
    assertUniqueNames(columns, source);
    const plans: Plan[] = [];
    for (const col of columns) plans.push(await planColumn(session, table, col, source, cleanup));
    const nrows = await session.rowCount(table);
    const data = await transfer(session, table, plans, nrows, options.onProgress);
    const out: Record<string, Column> = {};
    plans.forEach((plan, j) => {
      out[plan.name] =
        plan.kind === "number"
          ? { type: "number", values: data[j] as Float64Array }
          : { type: "category", codes: data[j] as Int32Array, levels: plan.levels };
    });
    return { nrows, names: plans.map((p) => p.name), columns: out, source };
  } finally {
    for (const sql of cleanup.reverse()) await session.run(sql).catch(() => undefined);
  }
}

/** DuckDB would silently rename a repeated name (a → a_1) when materialising; refuse instead. */
async function assertQueryNamesUnique(session: DataSession, sql: string, source: string): Promise<void> {
  let names: string[];
  try {
    const prepared = await session.connection.prepare(sql);
    names = Array.from({ length: prepared.columnCount }, (_, i) => prepared.columnName(i));
    prepared.destroySync();
  } catch (err) {
    throw new Error(`cannot run the query for a frame: ${messageOf(err)}`, { cause: err });
  }
  assertUniqueNames(
    names.map((name) => ({ name, type: "" })),
    source,
  );
}

function assertUniqueNames(columns: readonly ColumnInfo[], source: string): void {
  const seen = new Set<string>();
  for (const { name } of columns) {
    if (seen.has(name)) {
      throw new Error(
        `${source}: column "${name}" appears twice; give each column a distinct name (e.g. AS)`,
      );
    }
    seen.add(name);
  }
}

async function planColumn(
  session: DataSession,
  table: string,
  col: ColumnInfo,
  source: string,
  cleanup: string[],
): Promise<Plan> {
  const ref = quoteIdent(col.name);
  const base = col.type.replace(/\(.*$/, "");
  if (await beyondDoublePrecision(session, table, col))
    return planCategory(session, table, col.name, cleanup);
  if (NUMERIC.has(base) || base === "DECIMAL") {
    return { kind: "number", name: col.name, expr: `CAST(${ref} AS DOUBLE)` };
  }
  if (base === "DATE") {
    return { kind: "number", name: col.name, expr: `CAST(${ref} - DATE '1970-01-01' AS DOUBLE)` };
  }
  if (TIMESTAMPS.has(base)) return { kind: "number", name: col.name, expr: `epoch(${ref})` };
  if (base === "VARCHAR" || base === "ENUM" || base === "UUID") {
    return planCategory(session, table, col.name, cleanup);
  }
  throw new Error(
    `${source}: column "${col.name}" has type ${col.type}, which a frame cannot hold; ` +
      `convert it in SQL first (e.g. CAST(${ref} AS VARCHAR) or AS DOUBLE) or leave it out`,
  );
}

/**
 * An integer column with a value beyond ±2^53 (an 18-digit credit code or customs firm code) would be
 * rounded as a double, merging distinct identifiers: such a column becomes text, exact digit for digit.
 */
async function beyondDoublePrecision(session: DataSession, table: string, col: ColumnInfo): Promise<boolean> {
  const base = col.type.replace(/\(.*$/, "");
  const integerDecimal = base === "DECIMAL" && /,\s*0\s*\)$/.test(col.type);
  if (!WIDE_INTEGERS.has(base) && !integerDecimal) return false;
  const ref = quoteIdent(col.name);
  const [{ big }] = await session.rows(
    `SELECT count(*) FILTER (WHERE abs(CAST(${ref} AS HUGEINT)) > 9007199254740992) AS big FROM ${quoteIdent(table)}`,
    `cannot check the range of column "${col.name}"`,
  );
  return Number(big) > 0;
}

async function planCategory(
  session: DataSession,
  table: string,
  name: string,
  cleanup: string[],
): Promise<Plan> {
  const ref = quoteIdent(name);
  const text = `CAST(${ref} AS VARCHAR)`;
  const [{ n }] = await session.rows(`SELECT count(${ref}) AS n FROM ${quoteIdent(table)}`);
  if (Number(n) === 0) return { kind: "category", name, expr: "CAST(NULL AS INTEGER)", levels: [] };
  const type = session.tempName("levels");
  await session.run(
    `CREATE TYPE ${quoteIdent(type)} AS ENUM (SELECT DISTINCT ${text} FROM ${quoteIdent(table)} ` +
      `WHERE ${ref} IS NOT NULL ORDER BY 1)`,
    `cannot collect the distinct values of column "${name}"`,
  );
  cleanup.push(`DROP TYPE IF EXISTS ${quoteIdent(type)}`);
  const rows = await session.rows(`SELECT unnest(enum_range(NULL::${quoteIdent(type)})) AS level`);
  const levels = rows.map((r) => String(r.level));
  const expr = `CAST(enum_code(CAST(${text} AS ${quoteIdent(type)})) AS INTEGER)`;
  return { kind: "category", name, expr, levels };
}

async function transfer(
  session: DataSession,
  table: string,
  plans: readonly Plan[],
  nrows: number,
  onProgress: ToFrameOptions["onProgress"],
): Promise<(Float64Array | Int32Array)[]> {
  const data = plans.map((p) => (p.kind === "number" ? new Float64Array(nrows) : new Int32Array(nrows)));
  if (plans.length === 0 || nrows === 0) return data;
  const select = plans.map((p) => `${p.expr} AS ${quoteIdent(p.name)}`).join(", ");
  // One DuckDB thread streams the chunks while this thread copies them: with more, DuckDB's
  // workers compete with the copy loop for the same cores.
  const [{ threads }] = await session.rows("SELECT current_setting('threads') AS threads");
  await session.run("SET threads = 1");
  try {
    const result = await session.connection.stream(`SELECT ${select} FROM ${quoteIdent(table)}`);
    let row = 0;
    let nextReport = PROGRESS_EVERY;
    let pending: Promise<DuckDBDataChunk | null> | null = result.fetchChunk();
    try {
      for (;;) {
        const chunk: DuckDBDataChunk | null = await pending;
        pending = null;
        const n = chunk ? chunk.rowCount : 0;
        if (!chunk || n === 0) break;
        if (row + n > nrows) throw new Error(`table "${table}" grew while it was being read; read it again`);
        pending = result.fetchChunk();
        for (let j = 0; j < plans.length; j++) {
          const out = data[j];
          if (out instanceof Float64Array) copyDoubles(chunk, j, n, out, row);
          else copyInt32s(chunk, j, n, out, row, -1);
        }
        row += n;
        if (onProgress && row >= nextReport) {
          onProgress(row, nrows);
          nextReport += PROGRESS_EVERY;
        }
      }
    } finally {
      // Never leave a fetch running on the connection behind an error.
      if (pending) await pending.catch(() => null);
    }
    if (row !== nrows)
      throw new Error(`table "${table}" has ${nrows} rows but ${row} were read; read it again`);
    onProgress?.(row, nrows);
  } finally {
    await session.run(`SET threads = ${Number(threads)}`);
  }
  return data;
}
