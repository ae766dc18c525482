/** `robometrics estimate`: one estimation from a data file, as ../docs/ESTIMATE-JSON contract. */
import { statSync } from "node:fs";
import type { Command } from "commander";
import { warmUpDemeanWorkers } from "../fe/demean-parallel.js";
import { feols } from "../estimate/feols.js";
import type { EstimateOptions, WeightType } from "../estimate/options.js";
import type { BootstrapRow } from "../estimate/bootstrap/wild.js";
import type { EstimationResult } from "../estimate/result.js";
import { loadFrame } from "../io/load-frame.js";
import { renderResult } from "../report/console-table.js";
import { renderBootstrap, renderPoisson } from "../report/poisson-console.js";
import {
  addPoissonBootFlags,
  type PoissonBootFlags,
  poissonOrBoot,
  wantsPoissonOrBoot,
} from "./estimate-poisson-boot.js";
import { clearProgress, terminalProgress } from "./progress.js";

interface EstimateFlags extends PoissonBootFlags {
  data: string;
  formula: string;
  vcov: string;
  weights?: string;
  weightType: string;
  small: boolean;
  dofminus: string;
  sdofminus: string;
  ssc: string;
  keepSingletons?: boolean;
  constant: boolean;
  json?: boolean;
  encoding?: string;
  sheet?: string;
  demeanTol?: string;
  demeanMaxiter?: string;
  estimator?: string;
  coviv?: boolean;
  time?: string;
  panel?: string;
  kernel?: string;
  bw?: string;
  endogTest?: string;
  orthog?: string;
}

/**
 * Add the `estimate` subcommand to a commander program.
 * @example registerEstimate(program);
 */
export function registerEstimate(program: Command): void {
  const cmd = program
    .command("estimate")
    .description("estimate an OLS or 2SLS model with fixed effects (fixest formula syntax)")
    .requiredOption("--data <file>", "CSV, Parquet, Stata .dta or Excel .xlsx (by extension)")
    .requiredOption("--formula <formula>", 'e.g. "y ~ x1 + x2 | fe1 + fe2 | endo ~ z1 + z2"')
    .option("--vcov <spec>", "iid, hetero, cluster:VAR, cluster:VAR1+VAR2, dkraay or kiefer", "iid")
    .option("--estimator <e>", "with an IV part: 2sls (default), liml, fuller:A, kclass:K or gmm2s")
    .option("--coviv", "LIML/Fuller/k-class VCOV on the 2SLS bread (ivreg2 coviv)")
    .option("--time <var>", "time variable (tsset/xtset); lags follow its values, gaps respected")
    .option("--panel <var>", "panel (unit) variable for panel kernel VCOVs, dkraay and kiefer")
    .option("--kernel <k>", "bartlett, parzen, truncated, thanning, thamming, daniell, tent or qs")
    .option("--bw <b>", "kernel bandwidth: a number or auto")
    .option(
      "--endog-test <vars>",
      "ivreg2 endog(): C test that these regressors are exogenous (comma-separated)",
    )
    .option("--orthog <vars>", "ivreg2 orthog(): C test of these instruments (comma-separated)")
    .option("--weights <var>", "observation weights")
    .option("--weight-type <type>", "aweight, fweight or pweight (as in Stata)", "aweight")
    .option("--small", "t and F with finite-sample corrections (default)", true)
    .option("--no-small", "ivreg2's large-sample conventions (z, chi2)")
    .option("--dofminus <n>", "ivreg2 large-sample degrees-of-freedom adjustment", "0")
    .option("--sdofminus <n>", "ivreg2 small-sample degrees-of-freedom adjustment", "0")
    .option("--ssc <mode>", "stata (default) or fixest (R fixest's default ssc())", "stata")
    .option("--keep-singletons", "keep singleton groups (default: drop them iteratively, as reghdfe)")
    .option("--no-constant", "no intercept (only without fixed effects)")
    .option("--encoding <enc>", "text encoding of CSV or old .dta files (e.g. gbk)")
    .option("--sheet <sheet>", "Excel sheet name or 1-based index")
    .option("--demean-tol <tol>", "convergence tolerance of the fixed-effect demeaning", undefined)
    .option("--demean-maxiter <n>", "iteration cap of the fixed-effect demeaning", undefined)
    .option("--json", "one JSON object on stdout");
  addPoissonBootFlags(cmd).action(async (flags: EstimateFlags, command: Command) => {
    refuseIdleBootFlags(flags, command);
    const result = await runEstimate(flags);
    clearProgress();
    process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : `${renderAny(result)}\n`);
  });
}

function renderAny(result: Awaited<ReturnType<typeof runEstimate>>): string {
  if ("iterations" in result) return renderPoisson(result);
  const r = result as EstimationResult & { bootstrap?: BootstrapRow[] };
  return r.bootstrap ? `${renderResult(r)}\n${renderBootstrap(r.bootstrap)}` : renderResult(r);
}

async function runEstimate(flags: EstimateFlags) {
  const progress = terminalProgress();
  const weightType = flags.weightType as WeightType;
  if (!["aweight", "fweight", "pweight"].includes(weightType)) {
    throw new Error(`--weight-type "${flags.weightType}" is not one of aweight, fweight, pweight`);
  }
  if (flags.ssc !== "stata" && flags.ssc !== "fixest")
    throw new Error(`--ssc "${flags.ssc}" is not one of stata, fixest`);
  const extra = wantsPoissonOrBoot(flags, flags.formula);
  const t0 = performance.now();
  progress(`reading ${flags.data}`);
  // Large data: boot the demeaning worker threads while the file is read.
  const size = statSync(flags.data, { throwIfNoEntry: false })?.size ?? 0;
  const warm = size > 20e6 ? warmUpDemeanWorkers() : Promise.resolve();
  const frame = await loadFrame(flags.data, {
    encoding: flags.encoding,
    sheet: flags.sheet,
    onWarning: (m) => process.stderr.write(`warning: ${m}\n`),
  });
  await warm;
  const t1 = performance.now();
  const opts: EstimateOptions = {
    vcov: flags.vcov,
    weights: flags.weights,
    weightType,
    small: flags.small,
    dofminus: wholeNumber(flags.dofminus, "--dofminus"),
    sdofminus: wholeNumber(flags.sdofminus, "--sdofminus"),
    ssc: flags.ssc,
    keepSingletons: flags.keepSingletons ?? false,
    constant: flags.constant,
    estimator: flags.estimator,
    coviv: flags.coviv ?? false,
    time: flags.time,
    panel: flags.panel,
    kernel: flags.kernel,
    bw: flags.bw === undefined ? undefined : flags.bw === "auto" ? "auto" : positive(flags.bw, "--bw"),
    endogTest: list(flags.endogTest),
    orthog: list(flags.orthog),
    demean: {
      tol: flags.demeanTol === undefined ? undefined : positive(flags.demeanTol, "--demean-tol"),
      maxIter:
        flags.demeanMaxiter === undefined ? undefined : wholeNumber(flags.demeanMaxiter, "--demean-maxiter"),
    },
    onProgress: progress,
  };
  const result = extra
    ? poissonOrBoot(frame, flags.formula, flags, opts, () => feols(frame, flags.formula, opts))
    : feols(frame, flags.formula, opts);
  const t2 = performance.now();
  const fe = "convergence" in result ? result.convergence : undefined;
  const feTiming = fe ? { fe_method: fe.method ?? "cg", fe_iterations: fe.iterations } : {};
  return { ...result, timing: { read_s: (t1 - t0) / 1000, estimate_s: (t2 - t1) / 1000, ...feTiming } };
}

/** The bootstrap's settings, which mean nothing without `--boot wild` (a silent no-op would mislead). */
const BOOT_SETTINGS = ["bootReps", "bootWeights", "bootSeed", "bootTerms", "bootH0", "bootCluster"] as const;

function refuseIdleBootFlags(flags: EstimateFlags, command: Command): void {
  if (flags.boot !== undefined) return;
  const given = BOOT_SETTINGS.filter((k) => command.getOptionValueSource(k) === "cli");
  if (given.length) {
    const names = given.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    throw new Error(`${names.join(", ")} only apply with --boot wild; add --boot wild or remove them`);
  }
}

function wholeNumber(s: string, flag: string): number {
  const v = Number(s.trim() === "" ? Number.NaN : s);
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`${flag} "${s}" must be a whole number ≥ 0`);
  return v;
}

function positive(s: string, flag: string): number {
  const v = Number(s.trim() === "" ? Number.NaN : s);
  if (!(v > 0 && Number.isFinite(v))) throw new Error(`${flag} "${s}" must be a positive number`);
  return v;
}

function list(s: string | undefined): string[] | undefined {
  return s === undefined
    ? undefined
    : s
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
}
