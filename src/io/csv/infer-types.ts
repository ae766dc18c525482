/**
 * Column types of a CSV table read as text: a column is BIGINT when every non-missing value is a
 * plain integer that fits, DOUBLE when every one is a decimal number (`1`, `-.5`, `2.`, `1e-3`,
 * spaces around allowed), DATE when every one is an ISO date (`2020-01-31`), and VARCHAR otherwise. A column with no
 * values at all is DOUBLE (all missing). Decided over the whole file, not a sample, so a text value
 * on the last line is never cut off by a type guessed from the first lines.
 *
 * Identifiers stay text, digit for digit: an integer column with a leading zero in any unsigned value
 * (`01012100`, an HS or city code), or named like a code (`*_code`, `code*`, `hs*`, `cic*`,
 * `isic*`: so that the same code column has the same type in every file it is joined on), and any
 * column the caller declares as text, is VARCHAR. Other integer identifiers (`id`, `firm_id`, 18-digit
 * credit codes) stay exact BIGINT keys; beyond ±2^53 they become text in a frame.
 */
import type { DataSession } from "../session.js";
import { quoteIdent } from "../sql.js";

/** SQL type chosen for a CSV column. */
export type CsvColumnType = "BIGINT" | "DOUBLE" | "DATE" | "VARCHAR";

const NUMBER_RE = "\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*";
const DATE_RE = "\\d{4}-\\d{1,2}-\\d{1,2}";
const LEADING_ZERO_RE = "\\s*0\\d+\\s*";
/** Column names that denote identifiers (codes), kept as text when their values are integers. */
const CODE_NAME = /^(code.*|.*_code|hs\d*|hs_.*|cic\d*|cic_.*|isic\d*)$/i;

/**
 * Infer the type of every column of an all-VARCHAR table: one pass matches the values' shapes,
 * a second confirms that the chosen casts succeed on every value (an integer too large for BIGINT
 * is an identifier and stays text, an impossible date like 2020-13-45 leaves the column as text).
 * @example const types = await inferCsvTypes(session, "raw", ["id", "name"]);
 */
export async function inferCsvTypes(
  session: DataSession,
  table: string,
  names: readonly string[],
  textColumns: readonly string[] = [],
): Promise<CsvColumnType[]> {
  if (names.length === 0) return [];
  const t = quoteIdent(table);
  // Each value is matched once (in the inner projection), then counted.
  const inner: string[] = [];
  const shapes: string[] = [];
  names.forEach((name, j) => {
    const c = quoteIdent(name);
    inner.push(
      `${c} IS NOT NULL AS p${j}`,
      `regexp_full_match(${c}, '${NUMBER_RE}') AS m${j}`,
      `(contains(${c}, '.') OR contains(${c}, 'e') OR contains(${c}, 'E')) AS f${j}`,
      `(${c} LIKE '____-%-%' AND regexp_full_match(${c}, '${DATE_RE}')) AS a${j}`,
      `regexp_full_match(${c}, '${LEADING_ZERO_RE}') AS z${j}`,
    );
    shapes.push(
      `count(*) FILTER (WHERE p${j}) AS n${j}`,
      `count(*) FILTER (WHERE p${j} AND NOT m${j}) AS d${j}`,
      `count(*) FILTER (WHERE p${j} AND (NOT m${j} OR f${j})) AS i${j}`,
      `count(*) FILTER (WHERE p${j} AND NOT a${j}) AS t${j}`,
      `count(*) FILTER (WHERE p${j} AND z${j}) AS z${j}`,
    );
  });
  const [shape] = await session.rows(
    `SELECT ${shapes.join(", ")} FROM (SELECT ${inner.join(", ")} FROM ${t})`,
    "cannot infer column types",
  );
  const guess: CsvColumnType[] = names.map((name, j) => {
    if (textColumns.includes(name)) return "VARCHAR";
    if (Number(shape[`n${j}`]) === 0) return "DOUBLE";
    if (Number(shape[`z${j}`]) > 0) return "VARCHAR";
    if (Number(shape[`i${j}`]) === 0) return CODE_NAME.test(name) ? "VARCHAR" : "BIGINT";
    if (Number(shape[`d${j}`]) === 0) return "DOUBLE";
    if (Number(shape[`t${j}`]) === 0) return "DATE";
    return "VARCHAR";
  });
  const checks: string[] = [];
  names.forEach((name, j) => {
    if (guess[j] === "VARCHAR" || Number(shape[`n${j}`]) === 0) return;
    checks.push(
      `count(${quoteIdent(name)}) FILTER (WHERE ${castExpr(name, guess[j], true)} IS NULL) AS f${j}`,
    );
  });
  if (checks.length === 0) return guess;
  const [failed] = await session.rows(`SELECT ${checks.join(", ")} FROM ${t}`, "cannot infer column types");
  return guess.map((g, j) => {
    if (!(`f${j}` in failed) || Number(failed[`f${j}`]) === 0) return g;
    // Whole numbers too long for BIGINT are identifiers (no double holds them exactly): text.
    if (g === "BIGINT") return "VARCHAR";
    return "VARCHAR";
  });
}

/**
 * The SQL expression converting text column `name` to `type`.
 * @example castExpr("x", "DOUBLE") // => 'CAST(trim("x") AS DOUBLE)'
 */
export function castExpr(name: string, type: CsvColumnType, tryCast = false): string {
  const c = quoteIdent(name);
  const cast = tryCast ? "TRY_CAST" : "CAST";
  if (type === "VARCHAR") return c;
  if (type === "DATE") return `${cast}(${c} AS DATE)`;
  return `${cast}(trim(${c}) AS ${type})`;
}
