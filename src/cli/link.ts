/** `robometrics link --firms FIRMS --records RECORDS --out MATCHES`: firm-name record linkage. */
import type { Command } from "commander";
import { DataSession } from "../io/session.js";
import { FIRM_COLUMNS, linkFirms, RECORD_COLUMNS } from "../link/link-firms.js";
import { reviewPathFor, writeLinkOutputs } from "../link/write-outputs.js";
import { clearProgress, terminalProgress } from "./progress.js";

interface LinkFlags {
  firms: string;
  records: string;
  out: string;
  review?: string;
  firmColumns?: string;
  recordColumns?: string;
  encoding?: string;
  sheet?: string;
  matchThreshold: string;
  reviewThreshold: string;
  margin: string;
  json?: boolean;
}

/**
 * Parse a column map `logical=yours,...` against the allowed logical names.
 * @example parseColumnMap("name=企业名称", ["firm_id", "name"], "--firm-columns") // => { name: "企业名称" }
 */
export function parseColumnMap(
  spec: string | undefined,
  allowed: readonly string[],
  flag: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const part of spec.split(",")) {
    const [logical, actual] = part.split("=").map((s) => s.trim());
    if (!logical || !actual || !allowed.includes(logical))
      throw new Error(`${flag}: "${part}" is not LOGICAL=COLUMN with LOGICAL one of ${allowed.join(", ")}`);
    out[logical] = actual;
  }
  return out;
}

function probability(flag: string, text: string): number {
  const p = Number(text);
  if (!(p > 0 && p < 1))
    throw new Error(`${flag} must be a probability strictly between 0 and 1, got "${text}"`);
  return p;
}

/**
 * Add the `link` subcommand to a commander program.
 * @example registerLink(program);
 */
export function registerLink(program: Command): void {
  program
    .command("link")
    .description(
      "link records to a firm list by Chinese firm name (blocking, comparison levels, Fellegi–Sunter)",
    )
    .requiredOption("--firms <file>", "firm list: firm_id, name, city, address, former_names (';'-separated)")
    .requiredOption("--records <file>", "records: record_id, name, city, address, year")
    .requiredOption(
      "--out <file>",
      "matches: record_id, firm_id (empty: no match), score, weight, rule, evidence",
    )
    .option(
      "--review <file>",
      "review file of the uncertain band (default: OUT with .review before the extension)",
    )
    .option("--firm-columns <map>", "your firm columns, e.g. firm_id=code,name=企业名称")
    .option("--record-columns <map>", "your record columns, e.g. record_id=id,name=申请人")
    .option("--encoding <enc>", "text encoding of CSV inputs (e.g. gbk, gb18030)")
    .option("--sheet <sheet>", "Excel sheet name or 1-based index")
    .option("--match-threshold <p>", "minimum match probability of a match", "0.99")
    .option("--review-threshold <p>", "minimum match probability to go to the review file", "0.2")
    .option("--margin <bits>", "minimum weight lead of the best firm over the second", "4")
    .option("--json", "summary as one JSON object on stdout")
    .action(async (flags: LinkFlags) => {
      const margin = Number(flags.margin);
      if (!(margin >= 0))
        throw new Error(`--margin must be a non-negative number of bits, got "${flags.margin}"`);
      const read = { encoding: flags.encoding, sheet: flags.sheet };
      const progress = terminalProgress();
      const session = await DataSession.open();
      try {
        const summary = await linkFirms(session, flags.firms, flags.records, {
          firmColumns: parseColumnMap(flags.firmColumns, FIRM_COLUMNS, "--firm-columns"),
          recordColumns: parseColumnMap(flags.recordColumns, RECORD_COLUMNS, "--record-columns"),
          firmRead: read,
          recordRead: read,
          thresholds: {
            match: probability("--match-threshold", flags.matchThreshold),
            review: probability("--review-threshold", flags.reviewThreshold),
            margin,
          },
          onProgress: progress,
        });
        const review = flags.review ?? reviewPathFor(flags.out);
        await writeLinkOutputs(session, flags.out, review);
        clearProgress();
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ ...summary, out: flags.out, review })}\n`);
        } else {
          process.stdout.write(
            `linked ${summary.matched} of ${summary.records} records to ${summary.firms} firms; ` +
              `${summary.review} for review in ${review}; wrote ${flags.out}\n`,
          );
        }
      } finally {
        await session.close();
      }
    });
}
