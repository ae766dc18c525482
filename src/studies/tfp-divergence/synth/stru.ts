/**
 * Eq. (19)'s Stru of every economy as the DGP sees it: the global 2000–2014 robot installations'
 * share of each manufacturing industry times the economy's base-year (2000) employment share of it.
 * The robot effects on TFP rise with Stru (H3–H4: the industry-structure channel of Table 7).
 */
import { INDUSTRY_CODES } from "../sectors.js";
import type { IndustryStructure } from "./industry-structure.js";
import { ROBOT_YEARS } from "./params.js";
import type { Robots } from "./robots.js";
import type { World } from "./world.js";

/** Stru per economy (NaN for economies without IFR data) and its means over the two panels' economies. */
export interface StruValues {
  readonly stru: Float64Array;
  /** Mean over the industry panel's economies. */
  readonly panelMean: number;
  /** Mean over the IFR economies (the country panel). */
  readonly ifrMean: number;
}

/**
 * Compute Stru for every IFR economy.
 * @example const { stru, panelMean, ifrMean } = struValues(world, structure, robots);
 */
export function struValues(world: World, structure: IndustryStructure, robots: Robots): StruValues {
  const M = INDUSTRY_CODES.length;
  const J = structure.industries;
  const T = world.robotYears;
  const global = new Float64Array(M);
  for (const e of world.ifr)
    for (let j = 0; j < M; j++)
      for (let y = 2000; y <= 2014; y++)
        global[j] += robots.installations[(e * J + j) * T + (y - ROBOT_YEARS.first)];
  const total = global.reduce((a, b) => a + b, 0);
  const stru = new Float64Array(world.econ.length).fill(Number.NaN);
  for (const e of world.ifr) {
    let emp = 0;
    for (let j = 0; j < M; j++) emp += structure.emp2000[e * J + j];
    let s = 0;
    for (let j = 0; j < M; j++) s += (global[j] / total) * (structure.emp2000[e * J + j] / emp);
    stru[e] = s;
  }
  const mean = (list: readonly number[]) => list.reduce((a, e) => a + stru[e], 0) / list.length;
  return { stru, panelMean: mean(world.panel), ifrMean: mean(world.ifr) };
}
