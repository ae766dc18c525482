/**
 * The strict text parse of a CSV file into a table of VARCHAR columns. DuckDB parses against the
 * fixed dialect with one extra sentinel column and NULL padding: a real field is never NULL
 * (empty fields stay ''), so a NULL in a real column means the row was short, and a value in the
 * sentinel means it was long — DuckDB's strict mode on its own lets trailing empty fields
 * ("1,2," under a two-column header) pass silently. Every such row is an error naming its line.
 */
import type { ReadOptions } from "../read-options.js";
import type { DataSession } from "../session.js";
import { quoteIdent, quoteLiteral } from "../sql.js";
import { watchProgress } from "../watch-progress.js";
import { describeSpot } from "./bad-text.js";
import { explainCsvError } from "./csv-errors.js";
import type { CsvDialect } from "./dialect.js";
import { locateRecord } from "./record-locator.js";
import { scanRecords } from "./record-scan.js";
import { findBadText } from "./transcode.js";

/** Name of the sentinel column that catches surplus fields. */
export const EXTRA_FIELD = "__rm_extra_field";
/** A null string no CSV field holds, so that DuckDB marks only padded fields NULL. */
const NO_NULL = "\u0001";

/**
 * Parse `utf8Path` into temporary table `raw` (all VARCHAR, plus the sentinel column), or throw
 * an error naming `display` and the offending line.
 * @example await parseRaw(session, "raw", "data.csv", "data.csv", dialect, {}, "utf-8");
 */
export async function parseRaw(
  session: DataSession,
  raw: string,
  utf8Path: string,
  display: string,
  dialect: CsvDialect,
  options: ReadOptions,
  encoding: string,
): Promise<void> {
  const names = [...dialect.names, EXTRA_FIELD];
  const columns = `{${names.map((n) => `${quoteLiteral(n)}: 'VARCHAR'`).join(", ")}}`;
  const sql = (parallel: boolean) =>
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(raw)} AS SELECT * FROM read_csv(${quoteLiteral(utf8Path)}, ` +
    `auto_detect = false, columns = ${columns}, delim = ${quoteLiteral(dialect.delimiter)}, ` +
    `quote = '"', escape = '"', header = ${dialect.header}, nullstr = ${quoteLiteral(NO_NULL)}, ` +
    `strict_mode = true, null_padding = true, ignore_errors = false, parallel = ${parallel})`;
  const stop = watchProgress(session, options.onProgress);
  let serial = false;
  try {
    try {
      await session.connection.run(sql(true));
    } catch (err) {
      // DuckDB's parallel scanner cannot pad rows of a file with line breaks inside quotes.
      if (!/parallel scanner does not support null_padding/i.test(String(err))) throw err;
      serial = true;
      await session.connection.run(sql(false));
    }
  } catch (err) {
    const failure = explainCsvError(err, display, dialect.names);
    if (failure.kind === "unicode") {
      const spot = await findBadText(utf8Path, "utf-8");
      const where = spot
        ? describeSpot(spot, dialect.delimiter, dialect.names)
        : `line ${failure.line ?? "?"}`;
      const hint =
        encoding === "utf-8"
          ? "if it is Chinese text saved by Excel or Stata on Windows, read it with --encoding gbk"
          : "check the --encoding";
      throw new Error(`${display}: ${where} is not valid UTF-8 text; ${hint}`);
    }
    throw new Error(failure.message, { cause: err });
  } finally {
    stop();
  }
  if (serial) await crossCheck(session, raw, utf8Path, display, dialect);
  await checkFieldCounts(session, raw, utf8Path, display, dialect);
}

/** The serial parser silently drops a last record whose quote never closes: count records here too. */
async function crossCheck(
  session: DataSession,
  raw: string,
  utf8Path: string,
  display: string,
  dialect: CsvDialect,
): Promise<void> {
  const scan = await scanRecords(utf8Path, dialect.delimiter);
  if (scan.openQuoteLine !== null) {
    throw new Error(
      `${display}: line ${scan.openQuoteLine} opens a quoted field that is never closed; add the closing double quote`,
    );
  }
  const rows = await session.rowCount(raw);
  const expected = scan.records - (dialect.header ? 1 : 0);
  if (rows !== expected) {
    throw new Error(
      `${display}: the file has ${expected} data records but ${rows} were parsed; ` +
        "look for stray double quotes (a quote inside a field must be doubled, and the field quoted)",
    );
  }
}

async function checkFieldCounts(
  session: DataSession,
  raw: string,
  utf8Path: string,
  display: string,
  dialect: CsvDialect,
): Promise<void> {
  const n = dialect.names.length;
  const present = dialect.names.map((c) => `(${quoteIdent(c)} IS NOT NULL)::INTEGER`).join(" + ");
  const extra = quoteIdent(EXTRA_FIELD);
  const [bad] = await session.rows(
    `SELECT rowid + 1 AS row, ${present} + (${extra} IS NOT NULL)::INTEGER AS fields FROM ${quoteIdent(raw)} ` +
      `WHERE ${extra} IS NOT NULL OR ${quoteIdent(dialect.names[n - 1])} IS NULL ORDER BY rowid LIMIT 1`,
  );
  if (!bad) return;
  const row = Number(bad.row);
  const fields = Number(bad.fields);
  const place = await locateRecord(utf8Path, row, dialect.header);
  const where = place ? `line ${place.line} (data row ${row})` : `data row ${row}`;
  const shown = place ? ` (${JSON.stringify(place.text)})` : "";
  const count = fields > n ? `more than ${n} fields` : `${fields} field${fields === 1 ? "" : "s"}`;
  throw new Error(
    `${display}: ${where} has ${count} where the header has ${n} ` +
      `(${dialect.names.join(", ")})${shown}; fix that row (a missing or extra delimiter, or a stray quote?) — ` +
      "rows are never padded or cut to fit",
  );
}
