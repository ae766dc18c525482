/**
 * The `--family poisson` and `--boot wild` parts of `robometrics estimate` (ESTIMATE-JSON.md,
 * "Additions"): their flags, their validation (a combination that makes no sense is an error naming
 * the flags), and the estimation they select.
 */
import type { Command } from "commander";
import { BOOT_WEIGHTS, type BootWeights } from "../estimate/bootstrap/boot-weights.js";
import { type BootstrapRow, wildBootstrap } from "../estimate/bootstrap/wild.js";
import type { EstimateOptions } from "../estimate/options.js";
import { fepois } from "../estimate/poisson/fepois.js";
import type { PoissonResult } from "../estimate/poisson/types.js";
import { parseFormula } from "../formula/formula.js";
import type { Frame } from "../frame/frame.js";

export interface PoissonBootFlags {
  family?: string;
  boot?: string;
  bootReps?: string;
  bootWeights?: string;
  bootSeed?: string;
  bootTerms?: string;
  bootH0?: string;
  bootCluster?: string;
}

/**
 * Declare the Poisson and bootstrap flags on the `estimate` command.
 * @example addPoissonBootFlags(program.command("estimate"));
 */
export function addPoissonBootFlags(cmd: Command): Command {
  return cmd
    .option("--family <family>", "poisson: Poisson PML with fixed effects (fixest fepois, ppmlhdfe)")
    .option("--boot <kind>", "wild: wild cluster restricted bootstrap (boottest), OLS with or without FE")
    .option("--boot-reps <B>", "bootstrap draws (all 2^G sign vectors when 2^G <= B, Rademacher)", "9999")
    .option("--boot-weights <w>", "rademacher (default), webb, mammen or normal", "rademacher")
    .option("--boot-seed <n>", "seed of the bootstrap draws", "1")
    .option("--boot-terms <terms>", "comma-separated coefficients to test (default: every slope)")
    .option("--boot-h0 <r>", "null value of the tested coefficients", "0")
    .option("--boot-cluster <var>", "bootstrap clustering (default: the first --vcov cluster variable)");
}

/**
 * Whether these flags ask for something other than the default feols path, after validating them.
 * @example if (wantsPoissonOrBoot(flags, formula)) …
 */
export function wantsPoissonOrBoot(flags: PoissonBootFlags, formula: string): boolean {
  if (flags.family !== undefined && flags.family !== "poisson")
    throw new Error(
      `--family "${flags.family}" is not supported; use --family poisson (or omit it for OLS/2SLS)`,
    );
  if (flags.boot !== undefined && flags.boot !== "wild")
    throw new Error(`--boot "${flags.boot}" is not supported; use --boot wild`);
  const iv = parseFormula(formula).endog.length > 0;
  if (flags.family === "poisson" && iv)
    throw new Error("--family poisson has no IV part: remove the endogenous part of --formula");
  if (flags.family === "poisson" && flags.boot)
    throw new Error("--boot wild is for OLS (with or without FE), not with --family poisson");
  if (flags.boot && iv)
    throw new Error("--boot wild is for OLS (with or without FE); --formula has an IV part");
  return flags.family === "poisson" || flags.boot === "wild";
}

/**
 * Run the Poisson fit (for `--family poisson`) and attach the bootstrap (for `--boot wild`) to a result.
 * @example const r = await poissonOrBoot(frame, flags, opts, () => feols(frame, formula, opts));
 */
export function poissonOrBoot<R extends object>(
  frame: Frame,
  formula: string,
  flags: PoissonBootFlags,
  opts: EstimateOptions,
  fitOls: () => R,
): (R & { estimator?: string; bootstrap?: BootstrapRow[] }) | PoissonResult {
  if (flags.family === "poisson") return fepois(frame, formula, opts);
  const result = fitOls();
  if (flags.boot !== "wild") return result;
  const weights = (flags.bootWeights ?? "rademacher") as BootWeights;
  if (!BOOT_WEIGHTS.includes(weights))
    throw new Error(`--boot-weights "${flags.bootWeights}" is not one of ${BOOT_WEIGHTS.join(", ")}`);
  const bootstrap = wildBootstrap(frame, formula, opts, {
    reps: whole(flags.bootReps ?? "9999", "--boot-reps", 1),
    weights,
    seed: whole(flags.bootSeed ?? "1", "--boot-seed", 0),
    terms: flags.bootTerms ? flags.bootTerms.split(",").map((t) => t.trim()) : undefined,
    h0: finite(flags.bootH0 ?? "0", "--boot-h0"),
    cluster: flags.bootCluster,
  });
  return { ...result, bootstrap };
}

function whole(s: string, flag: string, min: number): number {
  const v = Number(s.trim() === "" ? Number.NaN : s);
  if (!Number.isInteger(v) || v < min || v > 0xffffffff)
    throw new Error(`${flag} "${s}" must be a whole number ≥ ${min}`);
  return v;
}

function finite(s: string, flag: string): number {
  const v = Number(s.trim() === "" ? Number.NaN : s);
  if (!Number.isFinite(v)) throw new Error(`${flag} "${s}" must be a number`);
  return v;
}
