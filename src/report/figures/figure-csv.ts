/** The data of a figure as CSV: one line per plotted row, columns in the key order of the first row. */
import { csvField } from "../render-csv.js";
import type { FigureSpec } from "./figure-spec.js";

/**
 * CSV text of figure data (RFC 4180 quoting, LF line ends, no BOM); numbers in shortest round-trip
 * form, null as an empty field. Every row must have exactly the first row's columns.
 * @example figureCsv(fig); // "series,x,density\n1994,0.1,0.52\n…"
 */
export function figureCsv(fig: FigureSpec): string {
  const rows = fig.data;
  if (rows.length === 0)
    throw new Error(`figure "${fig.id}" has no data rows; a figure needs something to plot`);
  const cols = Object.keys(rows[0]);
  const lines = [cols.map(csvField).join(",")];
  rows.forEach((r, i) => {
    const keys = Object.keys(r);
    if (keys.length !== cols.length || keys.some((k) => !cols.includes(k)))
      throw new Error(
        `figure "${fig.id}" data row ${i + 1} has columns ${keys.join(", ")} but the first row has ${cols.join(", ")}; give every row the same columns`,
      );
    lines.push(cols.map((c) => csvField(cell(r[c], fig.id, i, c))).join(","));
  });
  return `${lines.join("\n")}\n`;
}

function cell(v: string | number | null, id: string, i: number, col: string): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? "" : String(v);
  throw new Error(
    `figure "${id}" data row ${i + 1} column "${col}" is ${typeof v}; use a string, number or null`,
  );
}
