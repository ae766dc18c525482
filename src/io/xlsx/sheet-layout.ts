/**
 * Where the data of a sheet is: the header row (the first non-empty row), the last non-empty row,
 * the width (the rightmost non-empty cell), and the column names from the header.
 */
import type ExcelJS from "exceljs";
import { cellScalar } from "./cell-value.js";
import { cellText } from "./column-kind.js";
import { caseClash } from "../name-clash.js";

function rowIsEmpty(sheet: ExcelJS.Worksheet, r: number, width: number): boolean {
  const row = sheet.getRow(r);
  for (let c = 1; c <= width; c++) if (cellScalar(row.getCell(c)).kind !== "empty") return false;
  return true;
}

/**
 * The first non-empty row (1-based), or 0 for an empty sheet.
 * @example const header = findHeaderRow(sheet);
 */
export function findHeaderRow(sheet: ExcelJS.Worksheet): number {
  const width = Math.max(sheet.columnCount, 1);
  for (let r = 1; r <= sheet.rowCount; r++) if (!rowIsEmpty(sheet, r, width)) return r;
  return 0;
}

/**
 * The last non-empty row below the header (the header row itself if there is none).
 * @example const last = lastDataRow(sheet, header);
 */
export function lastDataRow(sheet: ExcelJS.Worksheet, header: number): number {
  const width = Math.max(sheet.columnCount, 1);
  for (let r = sheet.rowCount; r > header; r--) if (!rowIsEmpty(sheet, r, width)) return r;
  return header;
}

/**
 * The number of columns: the rightmost non-empty cell between rows `first` and `last`.
 * @example const width = sheetWidth(sheet, header, last);
 */
export function sheetWidth(sheet: ExcelJS.Worksheet, first: number, last: number): number {
  let width = 0;
  for (let r = first; r <= last; r++) {
    const row = sheet.getRow(r);
    for (let c = row.cellCount; c > width; c--) {
      if (cellScalar(row.getCell(c)).kind !== "empty") {
        width = c;
        break;
      }
    }
  }
  return width;
}

/**
 * Column names from the header row (`v<k>` for empty ones, reported); duplicates are an error.
 * @example const names = headerNames(sheet, header, width, where, warnings);
 */
export function headerNames(
  sheet: ExcelJS.Worksheet,
  header: number,
  width: number,
  where: string,
  warnings: string[],
): string[] {
  const row = sheet.getRow(header);
  const names: string[] = [];
  for (let c = 1; c <= width; c++) {
    const text = cellText(cellScalar(row.getCell(c)))?.trim() ?? "";
    const name = text === "" ? `v${c}` : text;
    if (text === "") warnings.push(`${where}: column ${c} has no header; it is named "${name}"`);
    names.push(name);
  }
  const clash = caseClash(names);
  if (clash) {
    const [prev, i] = clash;
    throw new Error(
      `${where}: the header row (row ${header}) names two columns "${names[prev]}"/"${names[i]}" ` +
        `(columns ${prev + 1} and ${i + 1}; names are case-insensitive); rename one of them`,
    );
  }
  return names;
}
