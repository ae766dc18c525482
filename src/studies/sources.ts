/**
 * Registering a study's raw sources in a DuckDB session under their canonical table and column
 * names, from the synthetic files or from a user's own files (any supported format) with their own
 * column names. Every missing or mistyped column of every table is reported at once.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "../io/read-file.js";
import type { DataSession } from "../io/session.js";
import { quoteIdent } from "../io/sql.js";
import type { ColumnType, SourceFile, StudySchema } from "./types.js";

/** A source as it was read: recorded in the run's manifest. */
export interface InputRecord {
  readonly table: string;
  readonly path: string;
  readonly sha256: string;
  readonly rows: number;
}

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*|BOOLEAN)$/;
const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|BOOLEAN)$/;

/**
 * Read every source of the schema into table `<name>` with canonical columns and types.
 * @example const inputs = await registerSources(session, schema, { customs: { path: "customs.parquet" } });
 */
export async function registerSources(
  session: DataSession,
  schema: StudySchema,
  sources: Readonly<Record<string, SourceFile>>,
  progress: (message: string) => void = () => {},
): Promise<InputRecord[]> {
  const problems: string[] = [];
  const records: InputRecord[] = [];
  for (const table of schema.tables) {
    if (!sources[table.name]) problems.push(`source "${table.name}" (${table.description}): no file given`);
  }
  for (const name of Object.keys(sources)) {
    if (!schema.tables.some((t) => t.name === name)) {
      problems.push(
        `source "${name}" is not one of this study's sources (${schema.tables.map((t) => t.name).join(", ")})`,
      );
    }
  }
  if (problems.length)
    throw new Error(`${schema.study}: the sources do not match the study:\n- ${problems.join("\n- ")}`);
  for (const table of schema.tables) {
    const src = sources[table.name];
    progress(`reading ${table.name} from ${src.path}`);
    const raw = `raw_${table.name}`;
    // Columns the schema declares as text are read as text: codes keep their leading zeros and digits.
    const textColumns = table.columns
      .filter((c) => c.type === "string")
      .map((c) => src.columns?.[c.name] ?? c.name);
    const report = await readFile(session, raw, src.path, {
      sheet: src.sheet,
      encoding: src.encoding,
      textColumns,
    });
    const have = new Map(report.columns.map((c) => [c.name, c.type]));
    const selects: string[] = [];
    for (const col of table.columns) {
      const user = src.columns?.[col.name] ?? col.name;
      const type = have.get(user);
      if (type === undefined) {
        if (col.optional) {
          selects.push(`CAST(NULL AS ${sqlType(col.type)}) AS ${quoteIdent(col.name)}`);
          continue;
        }
        const mapped = user === col.name ? "" : ` (mapped to "${user}")`;
        problems.push(
          `${src.path}: column "${col.name}"${mapped} of ${table.name} is missing; the file has: ${[...have.keys()].join(", ")}`,
        );
        continue;
      }
      const problem = await typeProblem(session, raw, user, type, col.type);
      if (problem) problems.push(`${src.path}: column "${user}" of ${table.name} ${problem}`);
      selects.push(`${castExpr(user, col.type, type)} AS ${quoteIdent(col.name)}`);
    }
    if (!problems.length) {
      await session.run(
        `CREATE OR REPLACE TABLE ${quoteIdent(table.name)} AS SELECT ${selects.join(", ")} FROM ${quoteIdent(raw)}`,
      );
      await session.run(`DROP TABLE ${quoteIdent(raw)}`);
    }
    records.push({ table: table.name, path: src.path, sha256: await sha256(src.path), rows: report.rows });
  }
  if (problems.length)
    throw new Error(
      `${schema.study}: ${problems.length} problem(s) in the sources:\n- ${problems.join("\n- ")}`,
    );
  return records;
}

function sqlType(t: ColumnType): string {
  return t === "string" ? "VARCHAR" : t === "integer" ? "BIGINT" : "DOUBLE";
}

/** Floating-point storage: a code stored this way must be printed without ".0" to join with text codes. */
const FLOATING = /^(FLOAT|DOUBLE|DECIMAL.*)$/;

function castExpr(user: string, want: ColumnType, have: string): string {
  const q = quoteIdent(user);
  if (want === "string" && FLOATING.test(have))
    return `CASE WHEN ${q} = trunc(${q}) THEN CAST(CAST(${q} AS HUGEINT) AS VARCHAR) ELSE CAST(${q} AS VARCHAR) END`;
  if (want === "string") return `CAST(${q} AS VARCHAR)`;
  return `TRY_CAST(${q} AS ${sqlType(want)})`;
}

async function typeProblem(
  session: DataSession,
  table: string,
  col: string,
  have: string,
  want: ColumnType,
): Promise<string | null> {
  const q = quoteIdent(col);
  if (want === "string") {
    if (!FLOATING.test(have)) return null;
    // A code stored as a floating-point number: exact only for whole numbers below 2^53.
    const bad = await session.rows(
      `SELECT row_number, value FROM (SELECT row_number() OVER () AS row_number, CAST(${q} AS VARCHAR) AS value, CAST(${q} AS DOUBLE) AS v FROM ${quoteIdent(table)}) WHERE v IS NOT NULL AND (abs(v) >= 9007199254740992 OR v <> trunc(v)) LIMIT 1`,
    );
    if (!bad.length) return null;
    return `holds codes (text) as floating-point numbers (type ${have}), and row ${bad[0].row_number} has ${bad[0].value}, which is not a whole number below 2^53: its digits are not exact (rounded when the file was written); store the codes as text in the source file`;
  }
  if (want === "integer" && INTEGER.test(have)) return null;
  if (want === "number" && NUMERIC.test(have)) return null;
  // Text or a non-integer numeric type: find the first row that does not convert.
  const test =
    want === "integer"
      ? `TRY_CAST(${q} AS DOUBLE) IS NULL OR TRY_CAST(${q} AS DOUBLE) <> round(TRY_CAST(${q} AS DOUBLE))`
      : `TRY_CAST(${q} AS DOUBLE) IS NULL`;
  const bad = await session.rows(
    `SELECT row_number, value FROM (SELECT row_number() OVER () AS row_number, CAST(${q} AS VARCHAR) AS value, ${q} AS v FROM ${quoteIdent(table)}) WHERE v IS NOT NULL AND (${test.replaceAll(q, "v")}) LIMIT 1`,
  );
  if (!bad.length) return null;
  return `should hold ${want === "integer" ? "whole numbers" : "numbers"} but row ${bad[0].row_number} has "${bad[0].value}" (type ${have})`;
}

/**
 * SHA-256 of a file, streamed.
 * @example const digest = await sha256("customs.parquet");
 */
export async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
