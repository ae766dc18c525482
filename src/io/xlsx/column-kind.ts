/**
 * Deciding the type of a spreadsheet column from the kinds of its cells, and rendering cells as
 * text when a column mixes text with other kinds.
 */
import type { CellScalar } from "./cell-value.js";

/** The SQL type a spreadsheet column becomes. */
export type SheetColumnType = "DOUBLE" | "BOOLEAN" | "DATE" | "TIMESTAMP" | "VARCHAR";

/** Running tally of one column's cells. */
export interface KindTally {
  numbers: number;
  texts: number;
  dates: number;
  datesWithTime: number;
  bools: number;
  /** 1-based data row of the first text cell, for the warning when a column turns to text. */
  firstTextRow: number;
  firstText: string;
}

/**
 * A fresh tally.
 * @example const t = newTally();
 */
export function newTally(): KindTally {
  return { numbers: 0, texts: 0, dates: 0, datesWithTime: 0, bools: 0, firstTextRow: 0, firstText: "" };
}

/**
 * Count one cell into a tally.
 * @example addToTally(t, { kind: "number", value: 1 }, 1);
 */
export function addToTally(t: KindTally, cell: CellScalar, row: number): void {
  switch (cell.kind) {
    case "number":
      t.numbers++;
      break;
    case "text":
      if (t.texts === 0) {
        t.firstTextRow = row;
        t.firstText = cell.value;
      }
      t.texts++;
      break;
    case "date":
      t.dates++;
      if (cell.value.getTime() % 86_400_000 !== 0) t.datesWithTime++;
      break;
    case "bool":
      t.bools++;
      break;
    default:
      break;
  }
}

/**
 * The column type for a tally: one kind only → that kind; numbers with booleans → DOUBLE (1/0);
 * anything mixed with text → VARCHAR; no values → DOUBLE.
 * @example columnType({ ...newTally(), numbers: 3 }) // => "DOUBLE"
 */
export function columnType(t: KindTally): SheetColumnType {
  const kinds = [t.numbers, t.texts, t.dates, t.bools].filter((n) => n > 0).length;
  if (t.texts > 0) return "VARCHAR";
  if (kinds === 0) return "DOUBLE";
  if (kinds === 1 && t.dates > 0) return t.datesWithTime > 0 ? "TIMESTAMP" : "DATE";
  if (kinds === 1 && t.bools > 0) return "BOOLEAN";
  if (t.dates > 0) return "VARCHAR";
  return "DOUBLE";
}

/**
 * A cell as text, for columns read as VARCHAR (numbers in shortest round-trip form, dates ISO).
 * @example cellText({ kind: "number", value: 0.5 }) // => "0.5"
 */
export function cellText(cell: CellScalar): string | null {
  switch (cell.kind) {
    case "empty":
    case "error":
      return null;
    case "text":
      return cell.value;
    case "number":
      return String(cell.value);
    case "bool":
      return cell.value ? "TRUE" : "FALSE";
    case "date": {
      const iso = cell.value.toISOString();
      return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
    }
  }
}

/**
 * A cell as a number, for numeric columns: dates as days since 1970-01-01, booleans as 1/0.
 * @example cellNumber({ kind: "bool", value: true }) // => 1
 */
export function cellNumber(cell: CellScalar): number {
  switch (cell.kind) {
    case "number":
      return cell.value;
    case "bool":
      return cell.value ? 1 : 0;
    case "date":
      return cell.value.getTime() / 86_400_000;
    default:
      return Number.NaN;
  }
}
