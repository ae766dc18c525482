/** `robometrics describe FILE`: a paper-style table of descriptive statistics. */
import type { Command } from "commander";
import { describeTable } from "../io/describe-table.js";
import { describeText } from "../io/describe-text.js";
import { formatOf } from "../io/formats.js";
import { progressMessage } from "../io/progress-message.js";
import { readFile } from "../io/read-file.js";
import { DataSession } from "../io/session.js";
import { clearProgress, terminalProgress } from "./progress.js";

interface DescribeFlags {
  from?: string;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  json?: boolean;
}

/**
 * Add the `describe` subcommand to a commander program.
 * @example registerDescribe(program);
 */
export function registerDescribe(program: Command): void {
  program
    .command("describe")
    .description("per column: N, missing, mean, s.d. (n−1), min, max")
    .argument("<file>", "CSV, Parquet, Stata .dta or Excel .xlsx")
    .option("--from <fmt>", "format instead of the extension: csv, parquet, dta, xlsx")
    .option("--encoding <enc>", "text encoding of a CSV or old .dta file (e.g. gbk)")
    .option("--sheet <sheet>", "Excel sheet name or 1-based index")
    .option("--delimiter <char>", "CSV delimiter (default: detected)")
    .option("--json", "one JSON object on stdout")
    .action(async (file: string, flags: DescribeFlags) => {
      const progress = terminalProgress();
      const session = await DataSession.open(":memory:");
      try {
        const report = await readFile(session, "data", file, {
          format: flags.from ? formatOf(file, flags.from) : undefined,
          encoding: flags.encoding,
          sheet: flags.sheet,
          delimiter: flags.delimiter,
          onProgress: (p) => progress(progressMessage(file, p)),
        });
        const rows = await describeTable(session, "data");
        clearProgress();
        for (const w of report.warnings) process.stderr.write(`robometrics: warning: ${w}\n`);
        process.stdout.write(
          flags.json
            ? `${JSON.stringify({ file, rows: report.rows, columns: rows, warnings: report.warnings })}\n`
            : describeText(file, report.rows, rows),
        );
      } finally {
        await session.close();
      }
    });
}
