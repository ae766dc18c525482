/**
 * Reading a CSV file into a DuckDB table. The dialect is fixed from the first line, DuckDB then
 * parses every field as text in strict mode (a row with too few or too many fields is an error
 * naming its line, never padded or cut), the column types are inferred over the whole file, and
 * the typed table is created in the file's column order. Files in encodings other than UTF-8 are
 * first re-encoded to a temporary UTF-8 file; text that looks mis-decoded is reported. `NaN`, `inf`
 * and `-inf` (any case) are missing values.
 */
import type { DataSession } from "../session.js";
import { DEFAULT_NULL_STRINGS, type ReadOptions, type ReadReport } from "../read-options.js";
import { quoteIdent, quoteLiteral } from "../sql.js";
import { describeSpot } from "./bad-text.js";
import { endsWithNewline } from "./final-newline.js";
import { type CsvDialect, detectDialect, dialectFromLine } from "./dialect.js";
import { castExpr, inferCsvTypes } from "./infer-types.js";
import { findMojibake } from "./mojibake.js";
import { parseRaw } from "./parse-raw.js";
import { normaliseEncoding, transcodeToUtf8 } from "./transcode.js";

/** Texts of non-finite numbers, read as missing. */
const NON_FINITE = ["nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity"]
  .map(quoteLiteral)
  .join(", ");

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
  const encoding = normaliseEncoding(options.encoding, path);
  const warnings: string[] = [];
  let utf8Path = path;
  if (encoding !== "utf-8") {
    utf8Path = await session.tempPath(".csv");
    const bad = await transcodeToUtf8(path, utf8Path, encoding);
    if (bad) {
      const dialect = bad.line > 1 ? safeDialect(bad.firstLine, path, options) : null;
      const where = dialect ? describeSpot(bad, dialect.delimiter, dialect.names) : `line ${bad.line}`;
      throw new Error(
        `${path}: ${where} is not valid ${encoding} text; check the encoding (e.g. --encoding utf-8 or gb18030)`,
      );
    }
  }
  const dialect = await detectDialect(utf8Path, path, options);
  const raw = session.tempName("csv_raw");
  const clean = session.tempName("csv_clean");
  try {
    await parseRaw(session, raw, utf8Path, path, dialect, options, encoding);
    // Missing-value texts become NULL ("" whether quoted or not, ".", "NA" by default).
    const nulls = (options.nullStrings ?? DEFAULT_NULL_STRINGS).map(quoteLiteral).join(", ");
    // So do texts of non-finite numbers (NaN, inf, -inf, Infinity, any case): missing, never a value.
    const cleaned = dialect.names
      .map((n) => {
        const c = quoteIdent(n);
        return `CASE WHEN ${c} IN (${nulls}) OR (length(${c}) <= 10 AND lower(trim(${c})) IN (${NON_FINITE})) THEN NULL ELSE ${c} END AS ${c}`;
      })
      .join(", ");
    await session.run(`CREATE TEMP VIEW ${quoteIdent(clean)} AS SELECT ${cleaned} FROM ${quoteIdent(raw)}`);
    const types = await inferCsvTypes(session, clean, dialect.names, options.textColumns);
    const select = dialect.names.map((n, j) => `${castExpr(n, types[j])} AS ${quoteIdent(n)}`).join(", ");
    await session.run(
      `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT ${select} FROM ${quoteIdent(clean)}`,
      `${path}: cannot convert the columns to their types`,
    );
    const textColumns = dialect.names.filter((_, j) => types[j] === "VARCHAR");
    const hit = await findMojibake(session, table, textColumns);
    if (hit) {
      const hint =
        encoding === "utf-8"
          ? "if the file is Chinese text saved as GBK, read it with --encoding gbk"
          : `the file may not be ${encoding}; try another --encoding`;
      warnings.push(
        `${path}: column "${hit.column}", data row ${hit.row} holds text that looks mis-decoded ` +
          `(${JSON.stringify(hit.value.slice(0, 40))}); ${hint}`,
      );
    }
  } finally {
    await session.run(`DROP VIEW IF EXISTS ${quoteIdent(clean)}`);
    await session.run(`DROP TABLE IF EXISTS ${quoteIdent(raw)}`);
  }
  const rows = await session.rowCount(table);
  if (rows > 0 && !(await endsWithNewline(utf8Path))) {
    warnings.push(
      `${path}: the file does not end with a line break, so its last line (data row ${rows}) may be cut off; ` +
        "check that the file is complete",
    );
  }
  const columns = await session.columns(table);
  return { table, source: path, format: "csv", rows, columns, warnings };
}

function safeDialect(firstLine: string, display: string, options: ReadOptions): CsvDialect | null {
  try {
    return dialectFromLine(firstLine.replace(/^\uFEFF/, ""), display, options);
  } catch {
    return null;
  }
}
