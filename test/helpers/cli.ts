/** Run a CLI subcommand in-process with stdout and stderr captured (the commands' tests share it). */
import { Command } from "commander";
import { vi } from "vitest";

/**
 * Register one or more subcommands on a fresh program, parse `args`, and return what was written.
 * Errors (e.g. bad input) propagate as rejections.
 */
export async function runCommand(
  register: (program: Command) => void,
  args: readonly string[],
): Promise<{ out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((s) => out.push(String(s)) > 0);
  vi.spyOn(process.stderr, "write").mockImplementation((s) => err.push(String(s)) > 0);
  const program = new Command().exitOverride();
  register(program);
  try {
    await program.parseAsync([...args], { from: "user" });
  } finally {
    vi.restoreAllMocks();
  }
  return { out: out.join(""), err: err.join("") };
}
