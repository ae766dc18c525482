/**
 * Declaring a table as a panel (unit id × time period) and validating it: both key columns exist,
 * time holds integers, no key is missing, no (id, time) pair occurs twice; gaps in time within a
 * unit are counted and reported (they are allowed — unbalanced panels are normal).
 */
import { requireColumns } from "./require-columns.js";
import type { DataSession, SqlScalar } from "./session.js";
import { quoteIdent } from "./sql.js";

/** The key columns of a panel. */
export interface PanelKeys {
  readonly id: string;
  readonly time: string;
}

/** A validated panel. */
export interface PanelInfo extends PanelKeys {
  readonly table: string;
  readonly rows: number;
  readonly units: number;
  readonly periods: number;
  /** Whether every unit is observed in every period of the panel's time range. */
  readonly balanced: boolean;
  /** Number of jumps of more than one period between consecutive observations of a unit. */
  readonly gaps: number;
  /** Up to five gaps, e.g. `firm=1: year 2002 → 2004`. */
  readonly gapExamples: readonly string[];
}

const EXAMPLES = 5;
const NUMERIC_TYPE = /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|DECIMAL(\(.*\))?)$/;

/**
 * Validate `table` as a panel keyed by `id` and `time`; throws a descriptive error on missing
 * columns, non-integer or missing keys and duplicate (id, time) pairs.
 * @example const p = await declarePanel(session, "firms", { id: "firm", time: "year" });
 */
export async function declarePanel(session: DataSession, table: string, keys: PanelKeys): Promise<PanelInfo> {
  const columns = await session.columns(table);
  requireColumns(
    `table "${table}"`,
    columns.map((c) => c.name),
    [keys.id, keys.time],
  );
  const t = quoteIdent(table);
  const id = quoteIdent(keys.id);
  const time = quoteIdent(keys.time);
  const timeType = columns.find((c) => c.name === keys.time)!.type;
  if (!NUMERIC_TYPE.test(timeType)) {
    throw new Error(
      `table "${table}": time column "${keys.time}" has type ${timeType}; it must hold integers ` +
        "(years, or period numbers) — convert it first, e.g. year(date) or CAST(… AS INTEGER)",
    );
  }
  await checkNonInteger(session, table, keys);
  await checkMissingKeys(session, table, keys);
  await checkDuplicates(session, table, keys);
  const [stats] = await session.rows(
    `SELECT count(*) AS n, count(DISTINCT ${id}) AS units, count(DISTINCT ${time}) AS periods, ` +
      `max(${time}) - min(${time}) + 1 AS span FROM ${t}`,
  );
  const [gapRow] = await session.rows(`SELECT count(*) AS gaps FROM (${gapQuery(t, id, time)})`);
  const examples = await session.rows(`${gapQuery(t, id, time)} ORDER BY k, prev LIMIT ${EXAMPLES}`);
  const rows = Number(stats.n);
  const units = Number(stats.units);
  return {
    table,
    id: keys.id,
    time: keys.time,
    rows,
    units,
    periods: Number(stats.periods),
    balanced: rows === units * Number(stats.span),
    gaps: Number(gapRow.gaps),
    gapExamples: examples.map(
      (e) => `${keys.id}=${show(e.k)}: ${keys.time} ${show(e.prev)} → ${show(e.cur)}`,
    ),
  };
}

function gapQuery(t: string, id: string, time: string): string {
  return (
    `SELECT k, prev, cur FROM (SELECT ${id} AS k, ${time} AS cur, ` +
    `lag(${time}) OVER (PARTITION BY ${id} ORDER BY ${time}) AS prev FROM ${t}) WHERE cur - prev > 1`
  );
}

async function checkNonInteger(session: DataSession, table: string, keys: PanelKeys): Promise<void> {
  const time = quoteIdent(keys.time);
  const where = `${time} IS NOT NULL AND (isinf(CAST(${time} AS DOUBLE)) OR CAST(${time} AS DOUBLE) <> floor(CAST(${time} AS DOUBLE)))`;
  const bad = await offending(session, table, where, [keys.time]);
  if (bad.count > 0) {
    throw new Error(
      `table "${table}": time column "${keys.time}" must hold whole numbers, but ${bad.count} row(s) do not: ` +
        `${bad.examples}; round or recode them`,
    );
  }
}

async function checkMissingKeys(session: DataSession, table: string, keys: PanelKeys): Promise<void> {
  const where = `${quoteIdent(keys.id)} IS NULL OR ${quoteIdent(keys.time)} IS NULL`;
  const bad = await offending(session, table, where, [keys.id, keys.time]);
  if (bad.count > 0) {
    throw new Error(
      `table "${table}": ${bad.count} row(s) have a missing "${keys.id}" or "${keys.time}": ${bad.examples}; ` +
        "drop or fill them before declaring the panel",
    );
  }
}

async function checkDuplicates(session: DataSession, table: string, keys: PanelKeys): Promise<void> {
  const t = quoteIdent(table);
  const id = quoteIdent(keys.id);
  const time = quoteIdent(keys.time);
  const dup = `SELECT ${id} AS k, ${time} AS p, count(*) AS c, list(rowid + 1 ORDER BY rowid) AS r FROM ${t} GROUP BY ALL HAVING count(*) > 1`;
  const [{ pairs, extra }] = await session.rows(
    `SELECT count(*) AS pairs, coalesce(sum(c - 1), 0) AS extra FROM (${dup})`,
  );
  if (Number(pairs) === 0) return;
  const examples = await session.rows(
    `SELECT k, p, c, array_to_string(r[1:5], ', ') AS r FROM (${dup}) ORDER BY k, p LIMIT ${EXAMPLES}`,
  );
  const shown = examples
    .map((e) => `${keys.id}=${show(e.k)}, ${keys.time}=${show(e.p)} (${e.c} times: rows ${e.r})`)
    .join("; ");
  throw new Error(
    `table "${table}": ${pairs} (${keys.id}, ${keys.time}) pair(s) occur more than once ` +
      `(${extra} surplus row(s)), e.g. ${shown}; each unit may appear once per period — remove the duplicates ` +
      "or choose finer keys",
  );
}

async function offending(
  session: DataSession,
  table: string,
  where: string,
  cols: readonly string[],
): Promise<{ count: number; examples: string }> {
  const t = quoteIdent(table);
  const [{ n }] = await session.rows(`SELECT count(*) AS n FROM ${t} WHERE ${where}`);
  if (Number(n) === 0) return { count: 0, examples: "" };
  const select = cols.map((c, j) => `${quoteIdent(c)} AS c${j}`).join(", ");
  const rows = await session.rows(
    `SELECT rowid + 1 AS row, ${select} FROM ${t} WHERE ${where} ORDER BY rowid LIMIT ${EXAMPLES}`,
  );
  const examples = rows
    .map((r) => `row ${r.row} (${cols.map((c, j) => `${c}=${show(r[`c${j}`])}`).join(", ")})`)
    .join(", ");
  return { count: Number(n), examples: Number(n) > EXAMPLES ? `${examples}, …` : examples };
}

function show(v: SqlScalar): string {
  return v === null ? "missing" : typeof v === "string" ? JSON.stringify(v) : String(v);
}
