/**
 * Descriptive statistics of every column of a table, computed in DuckDB: N (non-missing), missing
 * count, mean, standard deviation (n − 1 denominator), minimum and maximum — the layout of a
 * paper's summary-statistics table. Booleans count as 0/1; dates and text get N, missing, min
 * and max only (min/max of text in code-point order).
 */
import type { DataSession } from "./session.js";
import { quoteIdent } from "./sql.js";

/** One line of the summary. */
export interface DescribeRow {
  readonly name: string;
  /** DuckDB type, e.g. DOUBLE, BIGINT, VARCHAR, DATE. */
  readonly type: string;
  /** Variable label ("" when none). */
  readonly label: string;
  readonly n: number;
  readonly missing: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly min: number | string | null;
  readonly max: number | string | null;
}

const NUMERIC = /^(BOOLEAN|U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|DECIMAL(\(.*\))?)$/;

/**
 * Summarise every column of `table`, in column order.
 * @example const rows = await describeTable(session, "card"); // [{ name: "educ", n: 3010, mean: 13.26, … }, …]
 */
export async function describeTable(session: DataSession, table: string): Promise<DescribeRow[]> {
  const columns = await session.columns(table);
  if (columns.length === 0) return [];
  const meta = session.meta.get(table);
  const t = quoteIdent(table);
  const numeric = columns.map((c) => NUMERIC.test(c.type));
  const x = (j: number) => `CAST(${quoteIdent(columns[j].name)} AS DOUBLE)`;
  // One thread and compensated sums: the figures do not depend on how DuckDB splits the work,
  // so the same table always gives the same digits.
  const [{ threads }] = await session.rows("SELECT current_setting('threads') AS threads");
  await session.run("SET threads = 1");
  try {
    const meanParts = columns.map((_, j) =>
      numeric[j] ? `fsum(${x(j)}) / count(${x(j)}) AS m${j}` : `NULL AS m${j}`,
    );
    const [means] = await session.rows(
      `SELECT ${meanParts.join(", ")} FROM ${t}`,
      `cannot summarise table "${table}"`,
    );
    const parts: string[] = [];
    columns.forEach((c, j) => {
      const ref = quoteIdent(c.name);
      const m = means[`m${j}`];
      if (numeric[j] && typeof m === "number") {
        const dev = `(${x(j)} - CAST('${m}' AS DOUBLE))`;
        parts.push(
          `count(${ref}) AS n${j}`,
          `CASE WHEN count(${ref}) > 1 THEN sqrt(fsum(${dev} * ${dev}) / (count(${ref}) - 1)) END AS sd${j}`,
          `min(${x(j)}) AS min${j}`,
          `max(${x(j)}) AS max${j}`,
        );
      } else {
        const text = numeric[j] ? x(j) : `CAST(${ref} AS VARCHAR)`;
        parts.push(
          `count(${ref}) AS n${j}`,
          `NULL AS sd${j}`,
          `min(${text}) AS min${j}`,
          `max(${text}) AS max${j}`,
        );
      }
    });
    const [row] = await session.rows(
      `SELECT count(*) AS total, ${parts.join(", ")} FROM ${t}`,
      `cannot summarise table "${table}"`,
    );
    const total = Number(row.total);
    return columns.map((c, j) => {
      const n = Number(row[`n${j}`]);
      return {
        name: c.name,
        type: c.type,
        label: meta?.columns[c.name]?.label ?? "",
        n,
        missing: total - n,
        mean: num(means[`m${j}`]),
        sd: num(row[`sd${j}`]),
        min: scalar(row[`min${j}`]),
        max: scalar(row[`max${j}`]),
      };
    });
  } finally {
    await session.run(`SET threads = ${Number(threads)}`);
  }
}

function num(v: unknown): number | null {
  return typeof v === "number" ? v : null;
}

function scalar(v: unknown): number | string | null {
  return typeof v === "number" || typeof v === "string" ? v : null;
}
