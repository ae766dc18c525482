/**
 * Checks of study B's registered sources beyond column types: industry and sector codes must be
 * the canonical ones, keys must be unique, robot counts non-negative. Every problem of every table
 * is reported at once, naming the file, the column and the row.
 */
import type { DataSession } from "../../io/session.js";
import { quoteIdent, quoteLiteral } from "../../io/sql.js";
import type { SourceFile } from "../types.js";
import { IFR_CODES, SECTOR_CODES } from "./sectors.js";

interface Check {
  readonly table: string;
  readonly keys: readonly string[];
  readonly codes?: { readonly column: string; readonly allowed: readonly string[] };
  readonly nonNegative?: readonly string[];
}

const CHECKS: readonly Check[] = [
  {
    table: "ifr",
    keys: ["iso3", "industry", "year"],
    codes: { column: "industry", allowed: IFR_CODES },
    nonNegative: ["installations", "stock"],
  },
  { table: "pwt", keys: ["iso3", "year"] },
  {
    table: "wiod_sea",
    keys: ["iso3", "sector", "year"],
    codes: { column: "sector", allowed: SECTOR_CODES },
    nonNegative: ["va", "go", "emp", "empe", "h_empe", "k"],
  },
  { table: "wdi", keys: ["iso3", "year"] },
  {
    table: "china_labour",
    keys: ["sector", "year"],
    codes: { column: "sector", allowed: SECTOR_CODES },
    nonNegative: ["emp", "hours_per_week"],
  },
];

/**
 * Throw one error listing every bad code, duplicate key, missing key or negative count in the sources.
 * @example await validateSources(session, sources);
 */
export async function validateSources(
  session: DataSession,
  sources: Readonly<Record<string, SourceFile>>,
): Promise<void> {
  const problems: string[] = [];
  for (const c of CHECKS) {
    const file = sources[c.table]?.path ?? c.table;
    const t = quoteIdent(c.table);
    const numbered = `(SELECT row_number() OVER () AS row_no, * FROM ${t})`;
    for (const k of c.keys) {
      const bad = await session.rows(
        `SELECT row_no FROM ${numbered} WHERE ${quoteIdent(k)} IS NULL ORDER BY row_no LIMIT 3`,
      );
      for (const r of bad)
        problems.push(
          `${file}: column "${k}" of ${c.table} is empty at row ${r.row_no}; every row needs its key`,
        );
    }
    if (c.codes) {
      const col = quoteIdent(c.codes.column);
      const bad = await session.rows(
        `SELECT row_no, ${col} AS code FROM ${numbered} WHERE ${col} IS NOT NULL AND ${col} NOT IN (${c.codes.allowed.map(quoteLiteral).join(", ")}) ORDER BY row_no LIMIT 5`,
      );
      for (const r of bad)
        problems.push(
          `${file}: column "${c.codes.column}" of ${c.table} has the unknown code "${r.code}" at row ${r.row_no}; use one of ${c.codes.allowed.join(", ")}`,
        );
    }
    const keyList = c.keys.map(quoteIdent).join(", ");
    const dup = await session.rows(
      `SELECT ${keyList}, min(row_no) AS first_row, max(row_no) AS last_row, count(*) AS n FROM ${numbered} GROUP BY ${keyList} HAVING count(*) > 1 ORDER BY first_row LIMIT 5`,
    );
    for (const r of dup) {
      const key = c.keys.map((k) => `${k}=${r[k]}`).join(", ");
      problems.push(
        `${file}: ${c.table} has ${r.n} rows for ${key} (rows ${r.first_row} and ${r.last_row}); keep one row per key`,
      );
    }
    for (const v of c.nonNegative ?? []) {
      const bad = await session.rows(
        `SELECT row_no, ${quoteIdent(v)} AS v FROM ${numbered} WHERE ${quoteIdent(v)} < 0 ORDER BY row_no LIMIT 3`,
      );
      for (const r of bad)
        problems.push(
          `${file}: column "${v}" of ${c.table} is negative (${r.v}) at row ${r.row_no}; it must be ≥ 0`,
        );
    }
  }
  if (problems.length)
    throw new Error(
      `tfp-divergence: ${problems.length} problem(s) in the sources:\n- ${problems.join("\n- ")}`,
    );
}
