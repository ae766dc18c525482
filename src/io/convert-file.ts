/**
 * Converting a data file from one format to another through a DuckDB session.
 */
import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { formatOf } from "./formats.js";
import { readFile } from "./read-file.js";
import type { ReadOptions } from "./read-options.js";
import { DataSession } from "./session.js";
import { type OutputFormat, outputFormat, writeTable } from "./write-file.js";

/** Options of {@link convertFile}: reader options plus the output format. */
export interface ConvertOptions extends ReadOptions {
  /** Output format (default: by the output file's extension). */
  readonly to?: string;
  /** Replace an existing output file (default: refuse). */
  readonly force?: boolean;
}

/** What a conversion did. */
export interface ConvertResult {
  readonly input: string;
  readonly output: string;
  readonly format: OutputFormat;
  readonly rows: number;
  readonly columns: number;
  readonly warnings: readonly string[];
}

/**
 * Read `input` (CSV, Parquet, .xlsx, .dta) and write it to `output` (CSV, Parquet, .dta).
 * The input is never modified; the output appears only once complete, and an existing output file
 * is replaced only with `force`.
 * @example const r = await convertFile("card.csv", "card.parquet");
 */
export async function convertFile(
  input: string,
  output: string,
  options: ConvertOptions = {},
): Promise<ConvertResult> {
  if (resolve(input) === resolve(output)) {
    throw new Error(
      `${input}: the output is the input file; write to another path (inputs are never overwritten)`,
    );
  }
  // Fail on a bad output before spending time on the input.
  const to = outputFormat(output, options.to);
  await assertFolder(output);
  await assertNotExisting(output, options.force ?? false);
  const session = await DataSession.open(":memory:");
  try {
    // A .dta file goes straight to a CSV or Parquet file, without an intermediate table.
    const direct = to !== "dta" && formatOf(input, options.format) === "dta";
    const report = direct
      ? await (await import("./read-dta.js")).copyDtaFile(session, "data", input, output, to, options)
      : await readFile(session, "data", input, options);
    const warnings = [...report.warnings];
    const format = direct ? to : await writeTable(session, "data", output, options.to, warnings);
    return {
      input,
      output,
      format,
      rows: report.rows,
      columns: report.columns.length,
      warnings,
    };
  } finally {
    await session.close();
  }
}

async function assertNotExisting(path: string, force: boolean): Promise<void> {
  const s = await stat(path).catch(() => null);
  if (!s) return;
  if (s.isDirectory()) throw new Error(`${path} is a folder; give a file name for the output`);
  if (!force)
    throw new Error(`${path} already exists; convert never overwrites a file unless you add --force`);
}

async function assertFolder(path: string): Promise<void> {
  const dir = dirname(path);
  const s = await stat(dir).catch(() => null);
  if (!s?.isDirectory()) throw new Error(`${path}: the folder ${dir} does not exist; create it first`);
}
