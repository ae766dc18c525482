/**
 * One Excel cell as the reader sees it: a number, text, date, boolean, an Excel error, or empty.
 * Formulas count as their cached result; rich text and hyperlinks as their text; merged-over
 * cells as empty (only the top-left cell of a merge holds the value).
 */
import ExcelJS from "exceljs";

/** A cell's content, classified. */
export type CellScalar =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "date"; readonly value: Date }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "error"; readonly value: string };

const EMPTY: CellScalar = { kind: "empty" };

/**
 * Classify an exceljs cell.
 * @example const v = cellScalar(sheet.getRow(2).getCell(1));
 */
export function cellScalar(cell: ExcelJS.Cell): CellScalar {
  if (cell.type === ExcelJS.ValueType.Merge) return EMPTY;
  return classify(cell.value);
}

function classify(value: unknown): CellScalar {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : EMPTY;
  if (typeof value === "string") return value.trim() === "" ? EMPTY : { kind: "text", value };
  if (typeof value === "boolean") return { kind: "bool", value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? EMPTY : { kind: "date", value };
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") return { kind: "error", value: v.error };
    if ("formula" in v || "sharedFormula" in v) return classify(v.result);
    if (Array.isArray(v.richText)) {
      return classify(v.richText.map((r: { text?: unknown }) => String(r.text ?? "")).join(""));
    }
    if (typeof v.text === "string") return classify(v.text);
  }
  return { kind: "text", value: String(value) };
}
