/**
 * The `robometrics` command for the robustness tests: in process (the program main.ts builds, with
 * main.ts's exit codes) for speed, or as a real child process for signals and exit statuses.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { CommanderError } from "commander";
import { vi } from "vitest";
import { buildProgram } from "../../src/cli/commands.js";

/** What a command printed, its exit code, and what it threw (in process). */
export interface CliOutcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly thrown?: unknown;
}

/** Path of the command's entry point. */
export const BIN = new URL("../../bin/robometrics.js", import.meta.url).pathname;

/**
 * Run `robometrics ARGS` in process: the program main.ts builds, errors mapped to exit codes as
 * main.ts does (a usage error 2, any other error 1 with "robometrics: error: MESSAGE" on stderr).
 */
export async function cliInProcess(args: readonly string[]): Promise<CliOutcome> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((s) => out.push(String(s)) > 0);
  vi.spyOn(process.stderr, "write").mockImplementation((s) => err.push(String(s)) > 0);
  const argv = ["node", "robometrics", ...args];
  let code = 0;
  let thrown: unknown;
  try {
    const program = await buildProgram(argv);
    program.configureOutput({
      writeOut: (s) => out.push(s),
      writeErr: (s) => err.push(s),
    });
    for (const c of program.commands) c.exitOverride();
    await program.parseAsync(argv);
  } catch (e) {
    thrown = e;
    if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
    else {
      err.push(`robometrics: error: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 1;
    }
  } finally {
    vi.restoreAllMocks();
  }
  return { code, out: out.join(""), err: err.join(""), thrown };
}

/** A running `robometrics` child process with its output so far. */
export interface CliChild {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code (or 128 + signal) when the process ends. */
  readonly done: Promise<number>;
}

/**
 * Start `node bin/robometrics.js ARGS` as a child process (compiled dist/ when fresh, else tsx).
 * @example const c = spawnCli(["convert", "a.csv", "a.dta"]); const code = await c.done;
 */
export function spawnCli(
  args: readonly string[],
  cwd?: string,
  env: Readonly<Record<string, string>> = {},
): CliChild {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, CI: "1", NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    err += String(d);
  });
  const done = new Promise<number>((resolve) => {
    child.on("close", (code, signal) => resolve(code ?? 128 + (signal === "SIGKILL" ? 9 : 2)));
  });
  return { child, stdout: () => out, stderr: () => err, done };
}

/**
 * Resolve once `ready()` is true (polled every 10 ms) or the process has ended; false if it ended first.
 * @example await waitFor(c, () => existsSync(partial));
 */
export async function waitFor(c: CliChild, ready: () => boolean, timeoutMs = 60_000): Promise<boolean> {
  let ended = false;
  void c.done.then(() => {
    ended = true;
  });
  const t0 = Date.now();
  while (!ended && Date.now() - t0 < timeoutMs) {
    if (ready()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}
