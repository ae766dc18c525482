/** `robometrics convert IN OUT`: any supported data format to another. */
import type { Command } from "commander";
import { convertFile } from "../io/convert-file.js";
import { formatOf } from "../io/formats.js";
import { progressMessage } from "../io/progress-message.js";
import { clearProgress, terminalProgress } from "./progress.js";

interface ConvertFlags {
  from?: string;
  to?: string;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  force?: boolean;
}

/**
 * Add the `convert` subcommand to a commander program.
 * @example registerConvert(program);
 */
export function registerConvert(program: Command): void {
  program
    .command("convert")
    .description("convert a data file: csv, parquet, dta or xlsx in; csv, parquet or dta out")
    .argument("<in>", "input file")
    .argument("<out>", "output file (written to a temporary name, then renamed)")
    .option("--from <fmt>", "input format instead of the extension: csv, parquet, dta, xlsx")
    .option("--to <fmt>", "output format instead of the extension: csv, parquet, dta")
    .option("--encoding <enc>", "text encoding of a CSV or old .dta input (e.g. gbk, gb18030)")
    .option("--sheet <sheet>", "Excel sheet name or 1-based index")
    .option("--delimiter <char>", "CSV delimiter (default: detected)")
    .option("--force", "replace OUT if it exists (default: refuse)")
    .action(async (input: string, output: string, flags: ConvertFlags) => {
      const progress = terminalProgress();
      const result = await convertFile(input, output, {
        format: flags.from ? formatOf(input, flags.from) : undefined,
        to: flags.to,
        encoding: flags.encoding,
        sheet: flags.sheet,
        delimiter: flags.delimiter,
        force: flags.force,
        onProgress: (p) => progress(progressMessage(input, p)),
      });
      clearProgress();
      for (const w of result.warnings) process.stderr.write(`robometrics: warning: ${w}\n`);
      process.stdout.write(
        `wrote ${result.output} (${result.format}): ${result.rows} rows × ${result.columns} columns\n`,
      );
    });
}
