/**
 * The table of `robometrics` subcommands, for a lazy start-up: each command's module (and with it
 * DuckDB, Vega or the studies) is imported only when that command runs. The other commands are listed
 * from this table (name, arguments and description) so that `--help` and `--version` load nothing
 * heavy; a test keeps the table in step with the commands' own definitions.
 */
import { Command } from "commander";

type Register = (program: Command) => void;

/** A subcommand as listed by `--help`, and how to load its full definition. */
export interface CommandEntry {
  readonly name: string;
  /** Arguments as declared by the command, e.g. "<in> <out>". */
  readonly args: string;
  readonly description: string;
  readonly load: () => Promise<Register>;
}

/** `run.ts` defines both `run` and `synth`. */
const loadRun = async (): Promise<Register> => (await import("./run.js")).registerRun;

/** Every subcommand, in the order of `--help`. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "estimate",
    args: "",
    description: "estimate an OLS or 2SLS model with fixed effects (fixest formula syntax)",
    load: async () => (await import("./estimate.js")).registerEstimate,
  },
  {
    name: "convert",
    args: "<in> <out>",
    description: "convert a data file: csv, parquet, dta or xlsx in; csv, parquet or dta out",
    load: async () => (await import("./convert.js")).registerConvert,
  },
  {
    name: "describe",
    args: "<file>",
    description: "per column: N, missing, mean, s.d. (n−1), min, max",
    load: async () => (await import("./describe.js")).registerDescribe,
  },
  {
    name: "demo",
    args: "",
    description: "demonstration estimations on the example data shipped with the package",
    load: async () => (await import("./demo.js")).registerDemo,
  },
  {
    name: "run",
    args: "",
    description: "run the studies end to end and write every table and figure under OUT",
    load: loadRun,
  },
  {
    name: "synth",
    args: "",
    description: "write source-shaped synthetic data with known truth (truth.json)",
    load: loadRun,
  },
  {
    name: "schema",
    args: "",
    description: "list a study's raw sources: canonical tables, columns and types for a YAML configuration",
    load: async () => (await import("./schema.js")).registerSchema,
  },
  {
    name: "link",
    args: "",
    description:
      "link records to a firm list by Chinese firm name (blocking, comparison levels, Fellegi–Sunter)",
    load: async () => (await import("./link.js")).registerLink,
  },
];

/**
 * The subcommand named on the command line (also after `help`), or null.
 * @example invokedCommand(["node", "robometrics", "estimate", "--data", "a.csv"]); // "estimate"
 */
export function invokedCommand(argv: readonly string[]): string | null {
  const words = argv.slice(2).filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.some((c) => c.name === name) ? (name ?? null) : null;
}

/**
 * A program with the invoked command fully defined and every other command listed only.
 * @example const program = await buildProgram(process.argv);
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command();
  program
    .name("robometrics")
    .description("Industrial-robot studies and a fixed-effects OLS/2SLS engine that matches Stata and fixest")
    .version("0.1.0");
  program.exitOverride();
  const invoked = COMMANDS.find((c) => c.name === invokedCommand(argv));
  const register = invoked ? await invoked.load() : null;
  for (const c of COMMANDS) {
    if (program.commands.some((d) => d.name() === c.name)) continue;
    if (register && c.load === invoked?.load) register(program);
    else program.command(c.args ? `${c.name} ${c.args}` : c.name).description(c.description);
  }
  return program;
}
