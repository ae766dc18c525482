/**
 * The estimation sample of a formula with every model column demeaned by the fixed effects (an
 * intercept column when there are none): what the post-fit inference routines (wild bootstrap,
 * Anderson–Rubin set) work on.
 */
import { demeanParallel } from "../fe/demean-parallel.js";
import type { Formula } from "../formula/formula.js";
import type { Frame } from "../frame/frame.js";
import { buildModelData, type ModelData } from "./model-data.js";
import type { EstimateOptions, VcovSpec } from "./options.js";

export interface AbsorbedColumns {
  readonly md: ModelData;
  readonly hasFE: boolean;
  readonly y: Float64Array;
  /** Included exogenous regressors (the intercept first when there is no FE), demeaned, with names. */
  readonly exog: readonly Float64Array[];
  readonly exogNames: readonly string[];
  readonly endog: readonly Float64Array[];
  readonly inst: readonly Float64Array[];
}

/**
 * Build the sample (clusters from `vcov`) and absorb the fixed effects from y, X, endogenous and instruments.
 * @example const a = absorbColumns(frame, parseFormula("y ~ x | firm"), { type: "cluster", vars: ["state"] }, {});
 */
export function absorbColumns(
  frame: Frame,
  f: Formula,
  vcov: VcovSpec,
  opts: EstimateOptions,
): AbsorbedColumns {
  const md = buildModelData(frame, f, vcov, opts);
  const hasFE = md.factors.length > 0;
  const intercept = !hasFE && f.intercept && opts.constant !== false;
  const exogRaw = [...(intercept ? [new Float64Array(md.n).fill(1)] : []), ...md.exog.cols];
  const raw = [md.y, ...exogRaw, ...md.endog.cols, ...md.instruments.cols];
  const cols = hasFE
    ? demeanParallel(raw, md.factors, { weights: md.weights, tol: opts.demean?.tol }).columns
    : raw;
  const kx = exogRaw.length;
  const ke = md.endog.cols.length;
  return {
    md,
    hasFE,
    y: cols[0],
    exog: cols.slice(1, 1 + kx),
    exogNames: [...(intercept ? ["(Intercept)"] : []), ...md.exog.names],
    endog: cols.slice(1 + kx, 1 + kx + ke),
    inst: cols.slice(1 + kx + ke),
  };
}
