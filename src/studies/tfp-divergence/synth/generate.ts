/**
 * One synthetic world of study B, generated in dependency order: design, exogenous country series,
 * base employment, shocks, robots, country TFP, manufacturing and the other sectors.
 */
import type { Scale } from "../../types.js";
import { type CountryBasics, countryBasics } from "./country-basics.js";
import { type CountryTfp, countryTfp } from "./country-tfp.js";
import { type IndustryStructure, industryStructure } from "./industry-structure.js";
import { type Manufacturing, manufacturing } from "./manufacturing.js";
import { otherSectors, type SectorRow } from "./other-sectors.js";
import { generateRobots, type Robots } from "./robots.js";
import { drawShocks, type Shocks } from "./shocks.js";
import { makeWorld, type World } from "./world.js";

/** Everything generated for one seed and scale. */
export interface Generated {
  readonly world: World;
  readonly basics: CountryBasics;
  readonly structure: IndustryStructure;
  readonly shocks: Shocks;
  readonly robots: Robots;
  readonly country: CountryTfp;
  readonly manuf: Manufacturing;
  readonly others: readonly SectorRow[];
}

/**
 * Generate the synthetic world for a seed and scale (no files written).
 * @example const g = generateWorld(42, "tiny"); g.country.ctfp;
 */
export function generateWorld(seed: number, scale: Scale): Generated {
  const world = makeWorld(seed, scale);
  const basics = countryBasics(world);
  const structure = industryStructure(world, basics);
  const shocks = drawShocks(world);
  const robots = generateRobots(world, structure, shocks);
  const country = countryTfp(world, basics, structure, robots, shocks);
  const manuf = manufacturing(world, basics, structure, robots, shocks);
  const others = otherSectors(world, basics, manuf);
  return { world, basics, structure, shocks, robots, country, manuf, others };
}
