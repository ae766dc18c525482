/**
 * Wording of read-progress messages.
 */
import type { ReadProgress } from "./read-options.js";

/**
 * A one-line progress message for a file being read.
 * @example progressMessage("big.csv", { rows: 1200000 }) // => "reading big.csv: 1,200,000 rows"
 */
export function progressMessage(path: string, p: ReadProgress): string {
  if (p.rows !== undefined && p.rows > 0) {
    const pct = p.percent !== undefined ? ` (${p.percent.toFixed(0)}%)` : "";
    return `reading ${path}: ${p.rows.toLocaleString("en-US")} rows${pct}`;
  }
  return `reading ${path}: ${(p.percent ?? 0).toFixed(0)}%`;
}
