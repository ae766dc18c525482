/**
 * Choosing a file format from a path's extension, or from an explicit override.
 */
import { extname } from "node:path";
import type { FileFormat } from "./read-options.js";

const BY_EXTENSION: Readonly<Record<string, FileFormat>> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".xlsx": "xlsx",
  ".dta": "dta",
};

const FORMATS: readonly FileFormat[] = ["csv", "parquet", "xlsx", "dta"];

/**
 * The format of `path`: `override` if given (checked), else by extension, else an error.
 * @example formatOf("data/pwt91.csv") // => "csv"
 */
export function formatOf(path: string, override?: string): FileFormat {
  if (override !== undefined) {
    const f = override.toLowerCase();
    if ((FORMATS as readonly string[]).includes(f)) return f as FileFormat;
    throw new Error(`unknown format "${override}" for ${path}; use one of ${FORMATS.join(", ")}`);
  }
  const ext = extname(path).toLowerCase();
  const f = BY_EXTENSION[ext];
  if (f) return f;
  if (ext === ".xls") {
    throw new Error(`${path}: old Excel .xls files are not supported; save the sheet as .xlsx or .csv`);
  }
  throw new Error(
    `${path}: cannot tell the format from the extension "${ext || "(none)"}"; ` +
      `use a .csv, .parquet, .xlsx or .dta file, or name the format (--from/--to: ${FORMATS.join(", ")})`,
  );
}
