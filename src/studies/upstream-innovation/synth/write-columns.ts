/**
 * Writing generated columns to a source file (Parquet or CSV) through DuckDB: the columns are
 * appended to a staging table, cast to their canonical types and copied out in a fixed row order,
 * atomically (temporary name, then rename).
 */
import { BatchAppender, type BatchColumn } from "../../../io/batch-appender.js";
import type { DataSession } from "../../../io/session.js";
import { writeAtomically } from "../../../io/atomic-path.js";
import { quoteIdent, quoteLiteral } from "../../../io/sql.js";
import type { ColumnType } from "../../types.js";

/** A generated column: text (null = missing) or numbers (NaN = missing). */
export interface GeneratedColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly values: readonly (string | null)[] | Float64Array | readonly number[];
}

const CHUNK = 1 << 16;

/**
 * Stage the columns as table `table` (canonical types), to be written with {@link writeStaged}.
 * @example await stageColumns(session, "city_stats", cols);
 */
export async function stageColumns(
  session: DataSession,
  table: string,
  columns: readonly GeneratedColumn[],
): Promise<void> {
  const n = columns[0].values.length;
  for (const c of columns) {
    if (c.values.length !== n)
      throw new Error(`${table}: column ${c.name} has ${c.values.length} rows, not ${n}`);
  }
  const stage = `${table}__stage`;
  const app = await BatchAppender.create(
    session,
    stage,
    columns.map((c) => ({ name: c.name, type: c.type === "string" ? "VARCHAR" : "DOUBLE" })),
  );
  try {
    for (let start = 0; start < n; start += CHUNK) {
      const end = Math.min(n, start + CHUNK);
      const batch: BatchColumn[] = columns.map((c) => {
        const v = c.values;
        if (c.type === "string") return (v as readonly (string | null)[]).slice(start, end);
        return v instanceof Float64Array
          ? v.subarray(start, end)
          : Float64Array.from((v as readonly number[]).slice(start, end));
      });
      app.append(batch, end - start);
    }
  } finally {
    app.close();
  }
  const select = columns
    .map((c) => {
      const q = quoteIdent(c.name);
      return c.type === "integer" ? `CAST(${q} AS BIGINT) AS ${q}` : q;
    })
    .join(", ");
  await session.run(
    `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT ${select} FROM ${quoteIdent(stage)}`,
  );
  await session.run(`DROP TABLE ${quoteIdent(stage)}`);
}

/**
 * Write a staged (or SQL-built) table to `path` ordered by `orderBy` (a total order, so the file is
 * the same on every run), leaving out the `exclude` columns (e.g. a sort key), then drop it.
 * @example await writeStaged(session, "customs", "out/customs.parquet", "year, firm_code, hs8");
 */
export async function writeStaged(
  session: DataSession,
  table: string,
  path: string,
  orderBy: string,
  exclude: readonly string[] = [],
): Promise<void> {
  const format = path.endsWith(".csv") ? "FORMAT csv, HEADER true, DELIMITER ','" : "FORMAT parquet";
  const cols = exclude.length ? `* EXCLUDE (${exclude.map(quoteIdent).join(", ")})` : "*";
  await writeAtomically(path, (tmp) =>
    session.run(
      `COPY (SELECT ${cols} FROM ${quoteIdent(table)} ORDER BY ${orderBy}) TO ${quoteLiteral(tmp)} (${format})`,
      `cannot write ${path}`,
    ),
  );
  await session.run(`DROP TABLE ${quoteIdent(table)}`);
}
