/**
 * A CSV file straight into a {@link Frame}, without DuckDB: the one-pass reader's typed arrays become
 * the frame's columns as they are (no second copy). Numbers and dates (days since 1970-01-01) are
 * `Float64Array` with NaN for missing; text is categorical with its levels in code-point order, as
 * the DuckDB path orders them; an integer column with a value beyond ±2^53 comes over as text, digit
 * for digit, so that 18-digit identifiers never merge. A file with a header but no data rows is an
 * error: there is nothing to estimate on.
 */
import type { Column, Frame } from "../../frame/frame.js";
import type { ReadOptions } from "../read-options.js";
import { type CsvColumn, type CsvText, parseCsvFile } from "./parse-csv.js";

/** A frame and the warnings the reader has for the user. */
export interface CsvFrame {
  readonly frame: Frame;
  readonly warnings: readonly string[];
}

const SAFE = 2n ** 53n;

/**
 * Read a CSV file into a frame.
 * @example const { frame, warnings } = await readCsvFrame("card.csv");
 */
export async function readCsvFrame(path: string, options: ReadOptions = {}): Promise<CsvFrame> {
  const parsed = await parseCsvFile(path, options);
  if (parsed.rows === 0) {
    throw new Error(`${path} has a header but no data rows; there is nothing to read`);
  }
  const columns: Record<string, Column> = {};
  for (const c of parsed.columns) columns[c.name] = frameColumn(c);
  const frame: Frame = {
    nrows: parsed.rows,
    names: parsed.columns.map((c) => c.name),
    columns,
    source: path,
  };
  return { frame, warnings: parsed.warnings };
}

function frameColumn(c: CsvColumn): Column {
  if (c.type === "VARCHAR") return category(c.text, (l) => l);
  if (c.type === "BIGINT" && c.text) {
    const exact = c.text.levels.map((l) => BigInt(l.trim()));
    if (exact.some((v) => v > SAFE || v < -SAFE)) {
      const canonical = exact.map(String);
      return category(c.text, (_, k) => canonical[k]);
    }
  }
  return { type: "number", values: c.values };
}

/** Categorical column with levels renamed by `label` (equal labels merge) and sorted by code point. */
function category(text: CsvText, label: (level: string, k: number) => string): Column {
  const labels = text.levels.map(label);
  const sorted = [...new Set(labels)].sort(compareCodePoints);
  const rank = new Map(sorted.map((l, k) => [l, k]));
  const remap = Int32Array.from(labels, (l) => rank.get(l) as number);
  const codes = text.codes;
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
  return { type: "category", codes, levels: sorted };
}

/**
 * Code-point order (as DuckDB sorts text, by UTF-8 bytes): UTF-16 order except that surrogate
 * pairs (characters beyond U+FFFF) sort after U+E000–U+FFFF.
 * @example ["\uFF01", "\u{1F600}"].sort(compareCodePoints) // => ["！", "😀"]
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return weight(x) - weight(y);
  }
  return a.length - b.length;
}

function weight(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return c + 0x2000;
  return c >= 0xe000 ? c - 0x800 : c;
}
