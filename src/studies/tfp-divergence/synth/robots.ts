/**
 * Robot installations and operational stocks by economy × IFR industry × year. Log installations
 * per base-year worker follow the economy's TFP level and robot tilt (and, outside the industry
 * panel, an economy-level shift), the industry's robot intensity, world growth, the economy's TS and
 * TL structural factors (shared with its twins) and its own TFP shocks; the stock is the sum of the
 * last 12 years' installations (IFR's convention).
 */
import { INDUSTRY_CODES } from "../sectors.js";
import { normal } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import { groupCount } from "./factors.js";
import { groupDeviations, type IndustryStructure } from "./industry-structure.js";
import { designedClass, highRobotClass, pushOff } from "./class-design.js";
import { PARAMS, ROBOT_YEARS } from "./params.js";
import type { Shocks } from "./shocks.js";
import type { World } from "./world.js";

/** Integer installations and stocks, index (e · industries + j) · robotYears + t. */
export interface Robots {
  readonly installations: Float64Array;
  readonly stock: Float64Array;
  /**
   * The economy × industry's own adoption level (not shared with a twin), index e · industries + j:
   * industry TFP falls with it (`PARAMS.industry.levelConfound`, robots adopted where productivity lags).
   */
  readonly ownLevel: Float64Array;
}

/** Industry-specific growth of robot adoption per year (14 manufacturing, then the others). */
const INDUSTRY_GROWTH = [0.02, 0, 0, 0, 0.02, 0.01, 0, 0, 0, 0.03, 0.02, 0, -0.01, 0, 0, 0, 0, 0, 0, 0];

/**
 * Generate installations and stocks for every economy with IFR data.
 * @example const r = generateRobots(world, structure, shocks);
 */
export function generateRobots(world: World, structure: IndustryStructure, shocks: Shocks): Robots {
  const first = drawRobots(world, structure, shocks, new Float64Array(world.econ.length));
  return drawRobots(world, structure, shocks, classOffsets(world, structure, first));
}

/**
 * Log shifts of the industry-panel economies' robot adoption that put each on its designed side of
 * the mean of robots installed 2000–2019 per manufacturing worker (class-design.ts), by a margin.
 */
function classOffsets(world: World, structure: IndustryStructure, robots: Robots): Float64Array {
  const J = structure.industries;
  const T = world.robotYears;
  const M = INDUSTRY_CODES.length;
  const logs = Float64Array.from(world.panel, (e) => {
    let installs = 0;
    let emp = 0;
    for (let j = 0; j < M; j++) {
      emp += structure.emp2000[e * J + j];
      for (let y = 2000; y <= 2019; y++)
        installs += robots.installations[(e * J + j) * T + (y - ROBOT_YEARS.first)];
    }
    return Math.log(installs / emp);
  });
  const side = world.panel.map((e) => (highRobotClass(designedClass(world.econ[e].iso3)) ? 1 : -1));
  const shift = pushOff(
    logs,
    side,
    PARAMS.robots.classMargin,
    side.map(() => false),
  );
  const offsets = new Float64Array(world.econ.length);
  world.panel.forEach((e, k) => {
    offsets[e] = shift[k];
  });
  return offsets;
}

/** Draw installations and stocks with a log shift of each economy's adoption level. */
function drawRobots(
  world: World,
  structure: IndustryStructure,
  shocks: Shocks,
  offsets: Float64Array,
): Robots {
  const rng = streamRng(world.seed, "tfp/robots");
  const P = PARAMS.robots;
  const J = structure.industries;
  const T = world.robotYears;
  const M = INDUSTRY_CODES.length;
  const installations = new Float64Array(world.econ.length * J * T);
  const stock = new Float64Array(world.econ.length * J * T);
  const ownLevel = new Float64Array(world.econ.length * J);
  // Twins share part of their industry-specific adoption levels (similar robot strategies). These
  // levels, the own levels and the trends are the world's fixed design (world.designSeed); the
  // run's seed drives only the noise and shocks below.
  const design = streamRng(world.designSeed, "tfp/robots/design");
  const sharedTS = groupDeviations(design, groupCount(world.tsGroup), J, P.sdShared);
  const sharedTL = groupDeviations(design, groupCount(world.tlGroup), J, P.sdShared);
  // Economies outside the industry panel adopt robots beyond what their TFP implies (half-normal log
  // shift, its own stream): the economy FE absorb it; Table 2 (1)'s cross-section is diluted by it.
  const ecoRng = streamRng(world.designSeed, "tfp/robots/economy-level");
  const ecoLevel = Float64Array.from(world.econ, (_, e) =>
    world.panel.includes(e) ? 0 : P.sdEconomy * Math.abs(ecoRng.normal()),
  );
  for (const e of world.ifr) {
    const eco = world.econ[e];
    const level = -4.1 + P.tfpSlope * Math.log(eco.tfp / 0.7) + eco.robotTilt + ecoLevel[e] + offsets[e];
    const trend = normal(design, 0, P.sdTrend);
    // How much of the robots' response to the cell's shocks is its TFP shock (the rest: policy).
    const rho = world.panel.includes(e) ? PARAMS.industry.shockLoad[designedClass(eco.iso3) - 1] : 1;
    const rest = Math.sqrt(Math.max(0, 1 - rho * rho));
    const response = (c: number) => rho * shocks.industry[c] + rest * shocks.policy[c];
    const ts = world.tsGroup[e] * T;
    const tl = world.tlGroup[e] * T;
    for (let j = 0; j < J; j++) {
      const cell = e * J + j;
      ownLevel[cell] = normal(design, 0, P.sdLevel);
      const base =
        level +
        structure.intensity[j] +
        Math.log(structure.emp2000[cell]) +
        sharedTS[world.tsGroup[e] * J + j] +
        sharedTL[world.tlGroup[e] * J + j] +
        ownLevel[cell];
      for (let t = 0; t < T; t++) {
        const year = ROBOT_YEARS.first + t;
        const s = year - 2000;
        const boom = eco.iso3 === "CHN" ? 0.18 * Math.max(0, year - 2004) : 0;
        const dip = year === 2009 ? -0.45 : year === 2001 || year === 2002 ? -0.12 : 0;
        let x =
          base +
          (P.growth + INDUSTRY_GROWTH[j] + trend) * s +
          boom +
          dip +
          P.loadTS * world.factorTS[ts + t] +
          P.loadTL * world.factorTL[tl + t] +
          PARAMS.country.endog * shocks.country[e * T + t] +
          shocks.cycle[e * T + t] +
          normal(rng, 0, P.sdNoise);
        if (j < M) x += PARAMS.industry.endog * response((e * M + j) * T + t);
        installations[cell * T + t] = Math.round(Math.exp(x));
      }
      let window = 0;
      for (let t = 0; t < T; t++) {
        window += installations[cell * T + t];
        if (t >= P.life) window -= installations[cell * T + t - P.life];
        // Robots in operation respond to the year's TFP shocks (idle robots scrapped or redeployed):
        // the stock the TFP equations see carries the shock, so OLS is biased (downward, as in the paper).
        let u = PARAMS.country.stockEndog * shocks.country[e * T + t];
        if (j < M) u += PARAMS.industry.stockEndog * response((e * M + j) * T + t);
        // Never below the year's own installations (they are in operation).
        stock[cell * T + t] = Math.max(installations[cell * T + t], Math.round(window * Math.exp(u)));
      }
    }
  }
  return { installations, stock, ownLevel };
}
