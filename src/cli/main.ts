/**
 * The `robometrics` command: a thin shell over the library. Only the invoked command's module is
 * loaded (see commands.ts).
 */
import { CommanderError } from "commander";
import { buildProgram } from "./commands.js";
import { clearProgress } from "./progress.js";

try {
  const program = await buildProgram(process.argv);
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
