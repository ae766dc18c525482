/**
 * `--boot wild`: the wild cluster restricted bootstrap (Cameron, Gelbach & Miller 2008; Stata
 * `boottest`) for OLS with or without absorbed fixed effects, one row per tested coefficient. The
 * model is the one `feols` fits (same sample, weights and FE); t uses the one-way cluster-robust VCOV
 * at the bootstrap clustering with the model's finite-sample factor (`--ssc`, `small`), which cancels
 * in the p-value. See `wcr.ts` for the algorithm and `invert.ts` for the p-value and interval.
 */
import { demean } from "../../fe/demean.js";
import { isNested } from "../../fe/factor.js";
import { type Formula, parseFormula } from "../../formula/formula.js";
import type { Frame } from "../../frame/frame.js";
import { leastSquares } from "../../linalg/least-squares.js";
import { inverseRtR } from "../../linalg/qr.js";
import { fixedEffectDof, totalFeDof } from "../fe-dof.js";
import { absorbColumns } from "../absorb-columns.js";
import { type EstimateOptions, parseVcov } from "../options.js";
import { resolveVcov } from "../infer.js";
import { type Convention, computeVcov } from "../vcov/compute.js";
import { BOOT_WEIGHTS, type BootWeights, drawPlan } from "./boot-weights.js";
import { wcrInterval, wcrPValue, wcrT } from "./invert.js";
import { wcrDraws } from "./wcr.js";

export interface BootOptions {
  /** Draws (default 9999); all 2^G Rademacher sign vectors instead when 2^G ≤ reps. */
  readonly reps?: number;
  readonly weights?: BootWeights;
  /** Seed of the draws (default 1). */
  readonly seed?: number;
  /** Coefficients to test (default every slope). */
  readonly terms?: readonly string[];
  /** Null value (default 0). */
  readonly h0?: number;
  /** Bootstrap clustering (default the first `--vcov cluster` variable). */
  readonly cluster?: string;
  /** Interval level (default 0.95). */
  readonly level?: number;
}

/** One tested coefficient (the `bootstrap` array of the JSON contract). */
export interface BootstrapRow {
  readonly term: string;
  readonly h0: number;
  readonly t: number;
  readonly p: number;
  /** Interval by test inversion; null for an unbounded end. */
  readonly ci: readonly [number | null, number | null];
  readonly reps: number;
  readonly enumerated: boolean;
  readonly weights: BootWeights;
  readonly clusters: number;
}

/**
 * Wild cluster restricted bootstrap tests of the slopes of an OLS model.
 * @example const rows = wildBootstrap(frame, "y ~ x | firm", { vcov: "cluster:state" }, { reps: 9999, weights: "webb" });
 */
export function wildBootstrap(
  frame: Frame,
  formula: string | Formula,
  opts: EstimateOptions,
  boot: BootOptions = {},
): BootstrapRow[] {
  const f = typeof formula === "string" ? parseFormula(formula) : formula;
  if (f.endog.length)
    throw new Error("--boot wild is for OLS with or without fixed effects; the formula has an IV part");
  const weightsKind = boot.weights ?? "rademacher";
  if (!BOOT_WEIGHTS.includes(weightsKind))
    throw new Error(`--boot-weights "${weightsKind}" is not one of ${BOOT_WEIGHTS.join(", ")}`);
  const { dim, x, w, yD, keptNames, coef, bread, se, projectFE } = prepareWild(frame, f, opts, boot);
  const progress = opts.onProgress ?? (() => {});
  const terms = boot.terms ?? keptNames.filter((t) => t !== "(Intercept)");
  const h0 = boot.h0 ?? 0;
  return terms.map((term) => {
    const j = keptNames.indexOf(term);
    if (j < 0)
      throw new Error(
        `--boot-terms: "${term}" is not a coefficient of the model (${keptNames.join(", ")}); it may have been dropped as collinear`,
      );
    progress(`wild bootstrap of ${term}: ${boot.reps ?? 9999} draws, ${dim.groups} clusters`);
    const plan = drawPlan(dim.groups, boot.reps ?? 9999, weightsKind, boot.seed ?? 1);
    const draws = wcrDraws(
      {
        y: yD,
        x,
        weights: w,
        codes: dim.codes,
        groups: dim.groups,
        j,
        bread,
        estimate: coef[j],
        se: se[j],
        projectFE,
      },
      plan,
    );
    return {
      term,
      h0,
      t: wcrT(draws, h0),
      p: wcrPValue(draws, h0),
      ci: wcrInterval(draws, boot.level ?? 0.95),
      reps: draws.reps,
      enumerated: draws.enumerated,
      weights: weightsKind,
      clusters: dim.groups,
    };
  });
}

/** The absorbed least-squares fit a wild cluster bootstrap starts from. */
export interface WildFit {
  readonly md: ReturnType<typeof absorbColumns>["md"];
  /** The bootstrap clustering. */
  readonly dim: { readonly codes: Int32Array; readonly groups: number };
  /** Kept (FE-demeaned) regressors, their names, the demeaned outcome and the weights. */
  readonly x: readonly Float64Array[];
  readonly keptNames: readonly string[];
  readonly yD: Float64Array;
  readonly w: Float64Array | null;
  readonly coef: readonly number[];
  /** (X̃'WX̃)⁻¹ over the kept regressors, row-major. */
  readonly bread: Float64Array;
  /** The model's cluster-robust SE of each kept coefficient (finite-sample factor included). */
  readonly se: readonly number[];
  /** P_D^W, or null when every FE is nested in the bootstrap clusters (or none). */
  readonly projectFE: ((v: Float64Array) => Float64Array) | null;
}

/**
 * Absorb the FE, fit by least squares and set up the bootstrap clustering (shared by the wild
 * bootstrap of OLS coefficients and the WCR Anderson–Rubin test).
 * @example const fit = prepareWild(frame, parseFormula("y ~ x | firm"), { vcov: "cluster:state" }, {});
 */
export function prepareWild(frame: Frame, f: Formula, opts: EstimateOptions, boot: BootOptions): WildFit {
  const spec = parseVcov(opts.vcov);
  const modelClusters = spec.type === "cluster" ? (spec.vars ?? []) : [];
  const clusterVar = boot.cluster ?? modelClusters[0];
  if (!clusterVar)
    throw new Error("--boot wild needs clusters: give --vcov cluster:VAR or --boot-cluster VAR");
  const vars = [...new Set([...modelClusters, clusterVar])];
  const a = absorbColumns(frame, f, { type: "cluster", vars }, opts);
  const md = a.md;
  const dim = md.clusters[vars.indexOf(clusterVar)];
  const hasFE = a.hasFE;
  const names = a.exogNames;
  const w = md.weights;
  const yD = a.y;
  const xAll = a.exog;
  const ls = leastSquares(xAll, yD, { weights: w ?? undefined });
  const kept = ls.factor.kept.slice();
  const x = kept.map((j) => xAll[j]);
  const keptNames = kept.map((j) => names[j]);
  const coef = kept.map((j) => ls.coef[j]);
  const bread = inverseRtR(ls.factor);
  const ssc = opts.ssc ?? "stata";
  const conv: Convention = ssc === "fixest" ? "fixest" : (opts.small ?? true) ? "small" : "large";
  const fe = totalFeDof(fixedEffectDof(md.factors, [dim], ssc !== "fixest"));
  const resolved = resolveVcov(md, { type: "cluster", vars: [clusterVar] }, null);
  const vc = computeVcov({
    kind: resolved.kind,
    ctx: resolved.ctx,
    bread,
    scores: x,
    resid: ls.resid,
    form: "sandwich",
    rss: 0,
    k: kept.length + fe.all,
    kNested: kept.length + fe.withoutNested,
    dofminus: opts.dofminus ?? 0,
    sdofminus: opts.sdofminus ?? 0,
    convention: conv,
  });
  const nested = md.factors.every((fac) => isNested(fac, dim));
  const projectFE =
    hasFE && !nested
      ? (v: Float64Array) => {
          const r = demean([v], md.factors, { weights: w, tol: opts.demean?.tol }).columns[0];
          return v.map((vi, i) => vi - r[i]);
        }
      : null;
  const k = kept.length;
  const se = kept.map((_, j) => Math.sqrt(vc.matrix[j * k + j]));
  return { md, dim, x, keptNames, yD, w, coef, bread, se, projectFE };
}
