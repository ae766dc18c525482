/**
 * Reading one sheet of an Excel .xlsx workbook into a DuckDB table with exceljs. The first
 * non-empty row is the header; each column's type follows from its cells (numbers, text, dates,
 * booleans; empty cells and Excel errors are missing; formulas count as their cached result).
 * Whatever is not read literally — a column turned to text by a stray text cell, error cells —
 * is reported as a warning.
 */
import { BatchAppender, type BatchColumn, type BatchColumnSpec } from "../batch-appender.js";
import type { ReadOptions, ReadReport } from "../read-options.js";
import type { DataSession } from "../session.js";
import { quoteIdent } from "../sql.js";
import { cellScalar } from "./cell-value.js";
import { openSheet } from "./open-sheet.js";
import { findHeaderRow, headerNames, lastDataRow, sheetWidth } from "./sheet-layout.js";
import {
  addToTally,
  cellNumber,
  cellText,
  columnType,
  type KindTally,
  newTally,
  type SheetColumnType,
} from "./column-kind.js";

const PROGRESS_EVERY = 10_000;

/**
 * Read a sheet (`options.sheet`: name or 1-based index; default the first) into table `table`.
 * @example await readXlsx(session, "robots", "robots.xlsx", { sheet: "2015" });
 */
export async function readXlsx(
  session: DataSession,
  table: string,
  path: string,
  options: ReadOptions = {},
): Promise<ReadReport> {
  const sheet = await openSheet(path, options.sheet);
  const where = `${path} [sheet "${sheet.name}"]`;
  const warnings: string[] = [];
  const header = findHeaderRow(sheet);
  if (header === 0) throw new Error(`${where}: the sheet is empty; it needs a header row and data`);
  const last = lastDataRow(sheet, header);
  const width = sheetWidth(sheet, header, last);
  const names = headerNames(sheet, header, width, where, warnings);

  // Pass 1: kinds of cells per column.
  const tallies = names.map(() => newTally());
  const errors = names.map(() => ({ count: 0, row: 0, text: "" }));
  for (let r = header + 1; r <= last; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= width; c++) {
      const cell = cellScalar(row.getCell(c));
      addToTally(tallies[c - 1], cell, r - header);
      if (cell.kind === "error") {
        const e = errors[c - 1];
        if (e.count++ === 0) {
          e.row = r - header;
          e.text = cell.value;
        }
      }
    }
  }
  const types = tallies.map(columnType);
  reportInterpretation(names, tallies, types, errors, where, warnings);

  // Pass 2: values.
  const nrows = last - header;
  const columns: BatchColumn[] = types.map((t) =>
    t === "VARCHAR" ? new Array<string | null>(nrows) : new Float64Array(nrows),
  );
  for (let r = header + 1; r <= last; r++) {
    const row = sheet.getRow(r);
    const i = r - header - 1;
    for (let c = 1; c <= width; c++) {
      const cell = cellScalar(row.getCell(c));
      const col = columns[c - 1];
      if (col instanceof Float64Array) col[i] = cellNumber(cell);
      else (col as (string | null)[])[i] = cellText(cell);
    }
    if (options.onProgress && (i + 1) % PROGRESS_EVERY === 0) options.onProgress({ rows: i + 1 });
  }
  await storeTable(session, table, names, types, columns, nrows);
  options.onProgress?.({ rows: nrows });
  return {
    table,
    source: path,
    format: "xlsx",
    rows: nrows,
    columns: await session.columns(table),
    warnings,
  };
}

function reportInterpretation(
  names: readonly string[],
  tallies: readonly KindTally[],
  types: readonly SheetColumnType[],
  errors: readonly { count: number; row: number; text: string }[],
  where: string,
  warnings: string[],
): void {
  names.forEach((name, j) => {
    const t = tallies[j];
    const others = t.numbers + t.dates + t.bools;
    if (types[j] === "VARCHAR" && others > 0) {
      warnings.push(
        `${where}: column "${name}" is read as text because data row ${t.firstTextRow} holds ` +
          `${JSON.stringify(t.firstText.slice(0, 40))} while ${others} other cell(s) are numbers, dates or booleans`,
      );
    }
    const e = errors[j];
    if (e.count > 0) {
      warnings.push(
        `${where}: column "${name}" has ${e.count} Excel error cell(s) (first: ${e.text} in data row ${e.row}), read as missing`,
      );
    }
  });
}

async function storeTable(
  session: DataSession,
  table: string,
  names: readonly string[],
  types: readonly SheetColumnType[],
  columns: readonly BatchColumn[],
  nrows: number,
): Promise<void> {
  const stage = session.tempName("xlsx");
  const specs: BatchColumnSpec[] = names.map((name, j) => ({
    name,
    type: types[j] === "VARCHAR" ? "VARCHAR" : "DOUBLE",
  }));
  try {
    const appender = await BatchAppender.create(session, stage, specs);
    appender.append(columns, nrows);
    appender.close();
    const select = names
      .map((name, j) => `${convert(quoteIdent(name), types[j])} AS ${quoteIdent(name)}`)
      .join(", ");
    await session.run(
      `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT ${select} FROM ${quoteIdent(stage)}`,
    );
  } finally {
    await session.run(`DROP TABLE IF EXISTS ${quoteIdent(stage)}`);
  }
}

function convert(ref: string, type: SheetColumnType): string {
  switch (type) {
    case "BOOLEAN":
      return `CAST(${ref} AS BOOLEAN)`;
    case "DATE":
      return `CAST(DATE '1970-01-01' + CAST(${ref} AS INTEGER) AS DATE)`;
    case "TIMESTAMP":
      return `make_timestamp(CAST(round(${ref} * 86400000000) AS BIGINT))`;
    default:
      return ref;
  }
}
