/**
 * TFP shocks: iid normal, one per economy × year (country TFP) and per economy × manufacturing
 * industry × year (industry TFP), over the robot years so that robot installations can respond to
 * them (the endogeneity of robot adoption); and the economy's investment cycle, one per economy × year,
 * a common log shift of all its industries' robot installations that is no TFP shock (installations
 * are a volatile investment flow, the stock a smooth sum of them: docs/STUDIES.md B.5).
 */
import { INDUSTRY_CODES } from "../sectors.js";
import { streamRng } from "../../../synth/rng.js";
import { PARAMS } from "./params.js";
import type { World } from "./world.js";

/** Shocks indexed by robot year (ROBOT_YEARS.first …). */
export interface Shocks {
  /** Country shock u[e · robotYears + t]. */
  readonly country: Float64Array;
  /** Industry shock u[(e · 14 + j) · robotYears + t]. */
  readonly industry: Float64Array;
  /** The economy's investment cycle in ln installations, cycle[e · robotYears + t] (iid normal, s.d. `country.sdCycle`, mean −sd²/2). */
  readonly cycle: Float64Array;
  /**
   * Reasons to adopt robots that are not the cell's TFP shock (industrial policy), same index and
   * s.d. as `industry`: robots respond to a class-specific mix of the two (`PARAMS.industry.shockLoad`).
   */
  readonly policy: Float64Array;
}

/**
 * Draw the TFP shocks of the world.
 * @example const u = drawShocks(world); u.country[e * world.robotYears + t];
 */
export function drawShocks(world: World): Shocks {
  const n = world.econ.length;
  const T = world.robotYears;
  const country = new Float64Array(n * T);
  const rc = streamRng(world.seed, "tfp/shocks/country");
  for (let i = 0; i < country.length; i++) country[i] = PARAMS.country.sdU * rc.normal();
  const industry = new Float64Array(n * INDUSTRY_CODES.length * T);
  const ri = streamRng(world.seed, "tfp/shocks/industry");
  for (let i = 0; i < industry.length; i++) industry[i] = PARAMS.industry.sdU * ri.normal();
  // Its own stream: the TFP shocks above are the same whatever sdCycle. Centred at −sd²/2, so the
  // expected installations (robots per worker, the classes) do not move with sdCycle.
  const cycle = new Float64Array(n * T);
  const rk = streamRng(world.seed, "tfp/shocks/cycle");
  const sd = PARAMS.country.sdCycle;
  for (let i = 0; i < cycle.length; i++) cycle[i] = sd * rk.normal() - (sd * sd) / 2;
  const policy = new Float64Array(industry.length);
  const rp = streamRng(world.seed, "tfp/shocks/policy");
  for (let i = 0; i < policy.length; i++) policy[i] = PARAMS.industry.sdU * rp.normal();
  return { country, industry, cycle, policy };
}
