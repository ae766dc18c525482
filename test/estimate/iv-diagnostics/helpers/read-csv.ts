/**
 * A small reader for the numeric fixture CSVs (header row, comma-separated, "" or "." = missing).
 */
import { readFileSync } from "node:fs";

/**
 * Every column of a numeric CSV as a Float64Array (NaN = missing); throws naming file, row and column
 * on a non-numeric cell.
 * @example const cols = readNumericCsv("test/fixtures/ivreg2/data/card.csv");
 */
export function readNumericCsv(path: string): Record<string, Float64Array> {
  const lines = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = lines[0].split(",").map((h) => h.replace(/^"|"$/g, ""));
  const cols: Record<string, Float64Array> = {};
  for (const h of header) cols[h] = new Float64Array(lines.length - 1);
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(",");
    if (cells.length !== header.length)
      throw new Error(`${path}: row ${r + 1} has ${cells.length} cells, the header has ${header.length}`);
    for (let c = 0; c < header.length; c++) {
      const cell = cells[c].replace(/^"|"$/g, "");
      const v = cell === "" || cell === "." ? Number.NaN : Number(cell);
      if (cell !== "" && cell !== "." && Number.isNaN(v))
        throw new Error(`${path}: row ${r + 1}, column "${header[c]}" is not a number: "${cell}"`);
      cols[header[c]][r - 1] = v;
    }
  }
  return cols;
}
