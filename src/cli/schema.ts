/** `robometrics schema`: the raw sources a study reads, with canonical column names and types (for YAML configurations). */
import type { Command } from "commander";
import { loadStudy, STUDY_IDS } from "../studies/registry.js";
import type { StudyId } from "../studies/types.js";

/**
 * Add the `schema` subcommand.
 * @example registerSchema(program);
 */
export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("list a study's raw sources: canonical tables, columns and types for a YAML configuration")
    .requiredOption("--study <id>", STUDY_IDS.join(" or "))
    .option("--json", "machine-readable output")
    .action(async (flags: { study: string; json?: boolean }) => {
      if (!(STUDY_IDS as readonly string[]).includes(flags.study))
        throw new Error(`--study "${flags.study}" is not one of ${STUDY_IDS.join(", ")}`);
      const { schema } = await loadStudy(flags.study as StudyId);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
        return;
      }
      const lines: string[] = [];
      for (const t of schema.tables) {
        lines.push(`${t.name}: ${t.description}`);
        for (const c of t.columns)
          lines.push(
            `  ${c.name.padEnd(24)} ${c.type.padEnd(8)} ${c.optional ? "(optional) " : ""}${c.description}`,
          );
        lines.push("");
      }
      process.stdout.write(lines.join("\n"));
    });
}
