/**
 * The estimands of the patent regressions given the realised firm types. With effects that differ
 * across firms (by ownership, technology and financing), 2SLS converges to a weighted average of
 * the firms' effects, the weights being each firm's share of the instrumented variation of robot.
 * Conditional on the realised types and locations that average is computed exactly as the 2SLS
 * coefficient of the structural effect component β_i·robot on the baseline sample, with the same
 * controls, fixed effects and instrument; the remaining estimation error comes only from shocks that
 * are independent across city-years, so the paper's city × year clustering is valid for it.
 */
import { feols } from "../../../estimate/feols.js";
import type { Column, Frame } from "../../../frame/frame.js";
import type { AsiePanel } from "./asie-panel.js";
import type { CityPanel } from "./city-panel.js";
import type { Firms } from "./firms.js";
import { patentEffect } from "./outcomes.js";
import type { Outcomes } from "./outcomes.js";
import { PARAMS } from "./parameters.js";

const CONTROLS = [
  "lnlp",
  "lnkfix",
  "lnklratio",
  "lnbdat",
  "lngdp",
  "second_rate",
  "lnedc_cost",
  "cic4_hhi",
] as const;

/** Conditional estimands of the lnspatent and lnfm_patent 2SLS columns. */
export interface PatentEstimands {
  readonly lnspatent: number;
  readonly lnfmPatent: number;
}

function estimand(
  rows: number[],
  effect: (k: number) => number,
  firms: Firms,
  panel: CityPanel,
  asie: AsiePanel,
  share: Float64Array,
): number {
  const num = (f: (k: number) => number): Column => ({ type: "number", values: Float64Array.from(rows, f) });
  const T = panel.years.length;
  const columns: Record<string, Column> = {
    ystar: num((k) => effect(k) * share[asie.cityYear[k]]),
    robot: num((k) => share[asie.cityYear[k]]),
    us_robot: num((k) => panel.usRobot[asie.cityYear[k]]),
    firm: num((k) => asie.firm[k]),
    year: num((k) => asie.year[k]),
    cic4: num((k) => firms.cic[asie.firm[k]]),
    city: num((k) => Math.floor(asie.cityYear[k] / T)),
  };
  for (const c of CONTROLS) columns[c] = num((k) => asie.x[c][k]);
  const frame: Frame = { nrows: rows.length, names: Object.keys(columns), columns, source: "estimand" };
  const res = feols(frame, `ystar ~ ${CONTROLS.join(" + ")} | firm + year + cic4 + city | robot ~ us_robot`);
  const b = res.coefficients.find((c) => c.term === "robot");
  if (!b) throw new Error("estimand: robot was dropped from the estimand regression");
  return b.estimate;
}

/**
 * The estimands of the baseline (all firm-years with patents) and invention (inventors' firm-years)
 * regressions, given the realised data.
 * @example const e = patentEstimands(firms, panel, asie, outcomes, share);
 */
export function patentEstimands(
  firms: Firms,
  panel: CityPanel,
  asie: AsiePanel,
  out: Outcomes,
  share: Float64Array,
): PatentEstimands {
  const up = (k: number) => firms.kind[asie.firm[k]] === "upstream";
  const all: number[] = [];
  const inv: number[] = [];
  for (let k = 0; k < asie.n; k++) {
    if (!up(k)) continue;
    if (out.patents[k] > 0) all.push(k);
    if (out.inventions[k] > 0) inv.push(k);
  }
  const beta = (k: number) => patentEffect(firms, asie.firm[k]);
  return {
    lnspatent: estimand(all, beta, firms, panel, asie, share),
    lnfmPatent: estimand(inv, (k) => beta(k) - PARAMS.patents.deltaInvention, firms, panel, asie, share),
  };
}
