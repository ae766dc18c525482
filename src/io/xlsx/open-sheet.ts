/**
 * Opening one sheet of an .xlsx workbook: the zip container is checked first (see zip-check.ts),
 * then exceljs parses it; the sheet is chosen by name or 1-based number.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { messageOf } from "../errors.js";
import { checkZip } from "./zip-check.js";

/**
 * The sheet `wanted` (a name, or a 1-based number; default the first) of workbook `path`, or an
 * error listing the sheets there are.
 * @example const sheet = await openSheet("robots.xlsx", "2015");
 */
export async function openSheet(
  path: string,
  wanted: string | number | undefined,
): Promise<ExcelJS.Worksheet> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new Error(`${path}: cannot open the file (no such file or no permission)`);
  }
  checkZip(bytes, path);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; the Node Buffer is what it reads at run time
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (err) {
    throw new Error(
      `${path}: cannot read it as an Excel .xlsx workbook (${messageOf(err).split("\n")[0]}); ` +
        "is the file complete and really .xlsx (not .xls or .csv)?",
      { cause: err },
    );
  }
  const sheets = workbook.worksheets;
  const list = sheets.map((s, i) => `${i + 1}: "${s.name}"`).join(", ");
  if (sheets.length === 0) throw new Error(`${path}: the workbook has no sheets`);
  if (wanted === undefined) return sheets[0];
  const byName = sheets.find((s) => s.name === String(wanted));
  if (byName) return byName;
  const index = typeof wanted === "number" ? wanted : /^\d+$/.test(wanted) ? Number(wanted) : Number.NaN;
  if (Number.isInteger(index) && index >= 1 && index <= sheets.length) return sheets[index - 1];
  throw new Error(
    `${path}: no sheet ${JSON.stringify(wanted)}; the sheets are ${list} (give a name or a 1-based number)`,
  );
}
