/** The `robometrics` command: a thin shell over the library. */
import { Command, CommanderError } from "commander";
import { registerConvert } from "./convert.js";
import { registerDemo } from "./demo.js";
import { registerDescribe } from "./describe.js";
import { registerEstimate } from "./estimate.js";
import { registerLink } from "./link.js";
import { registerRun } from "./run.js";
import { registerSchema } from "./schema.js";
import { clearProgress } from "./progress.js";

const program = new Command();
program
  .name("robometrics")
  .description("Industrial-robot studies and a fixed-effects OLS/2SLS engine that matches Stata and fixest")
  .version("0.1.0");
program.exitOverride();
registerEstimate(program);
registerConvert(program);
registerDescribe(program);
registerDemo(program);
registerRun(program);
registerSchema(program);
registerLink(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  clearProgress();
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`robometrics: error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
