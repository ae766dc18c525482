/**
 * Base-year (2000) employment of every economy by industry: the 14 manufacturing industries
 * (high-TFP economies lean towards the robot-intensive ones, as in the paper's Figure 5) and
 * pseudo-employment for the other IFR application industries.
 */
import { OTHER_IFR_INDUSTRIES } from "../sectors.js";
import { normal } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import type { CountryBasics } from "./country-basics.js";
import { groupCount } from "./factors.js";
import { COUNTRY_YEARS, PARAMS } from "./params.js";
import type { World } from "./world.js";

/** Per manufacturing industry (in the order of INDUSTRIES): base employment share, robot intensity. */
export const MANUF_PROFILE: readonly { readonly share: number; readonly intensity: number }[] = [
  { share: 0.15, intensity: 0.5 },
  { share: 0.14, intensity: -1.0 },
  { share: 0.07, intensity: -0.5 },
  { share: 0.05, intensity: 0.0 },
  { share: 0.03, intensity: 0.6 },
  { share: 0.06, intensity: 1.5 },
  { share: 0.06, intensity: 0.3 },
  { share: 0.05, intensity: 0.8 },
  { share: 0.11, intensity: 1.0 },
  { share: 0.06, intensity: 2.0 },
  { share: 0.05, intensity: 1.6 },
  { share: 0.08, intensity: 0.8 },
  { share: 0.06, intensity: 3.0 },
  { share: 0.03, intensity: 0.2 },
];

/** Per other IFR industry (order of OTHER_IFR_INDUSTRIES): pseudo-employment factor, robot intensity. */
export const OTHER_PROFILE: readonly { readonly factor: number; readonly intensity: number }[] = [
  { factor: 0.5, intensity: -2.5 },
  { factor: 0.08, intensity: 1.0 },
  { factor: 0.05, intensity: -1.5 },
  { factor: 0.5, intensity: -3.5 },
  { factor: 0.3, intensity: -2.5 },
  { factor: 1.0, intensity: -0.5 },
];

/** Base employment (thousands) by economy × IFR industry (14 manufacturing first, then the others). */
export interface IndustryStructure {
  /** Number of IFR industries (14 + others). */
  readonly industries: number;
  /** emp2000[e · industries + j], thousands. */
  readonly emp2000: Float64Array;
  /** Robot intensity of each IFR industry. */
  readonly intensity: Float64Array;
}

/**
 * Draw the base-year industry employment of every economy.
 * @example const s = industryStructure(world, basics); s.emp2000[e * s.industries + 12]; // motor vehicles
 */
export function industryStructure(world: World, basics: CountryBasics): IndustryStructure {
  // The mix is part of the fixed design (world.designSeed), the same for every run seed.
  const rng = streamRng(world.designSeed, "tfp/industry-structure");
  const J = MANUF_PROFILE.length + OTHER_IFR_INDUSTRIES.length;
  const intensity = Float64Array.from([
    ...MANUF_PROFILE.map((p) => p.intensity),
    ...OTHER_PROFILE.map((p) => p.intensity),
  ]);
  const mi = MANUF_PROFILE.reduce((s, p) => s + p.intensity, 0) / MANUF_PROFILE.length;
  const sd = Math.sqrt(MANUF_PROFILE.reduce((s, p) => s + (p.intensity - mi) ** 2, 0) / MANUF_PROFILE.length);
  const emp2000 = new Float64Array(world.econ.length * J);
  // Twins share part of their industry mix (structural similarity).
  const M = MANUF_PROFILE.length;
  const { mixSpread: spread, mixTfpTilt, tiltScale } = PARAMS.structure;
  const sharedTS = groupDeviations(rng, groupCount(world.tsGroup), M, 0.2 * spread);
  const sharedTL = groupDeviations(rng, groupCount(world.tlGroup), M, 0.2 * spread);
  world.econ.forEach((eco, e) => {
    const tilt0 = Math.min(1, Math.max(-1, eco.robotTilt));
    const manufShare = Math.min(0.3, Math.max(0.07, 0.15 + 0.035 * tilt0 + normal(rng, 0, 0.02)));
    const total = basics.emp[e * basics.years + (2000 - COUNTRY_YEARS.first)] * 1000;
    const manuf = total * manufShare;
    // The tilt along the robot intensities sets Stru's spread (tiltScale); the deviations do not.
    const tilt =
      tiltScale *
      spread *
      (mixTfpTilt * Math.log(eco.tfp / 0.65) + 0.25 * eco.robotTilt + normal(rng, 0, 0.1));
    const w = MANUF_PROFILE.map(
      (p, j) =>
        p.share *
        Math.exp(
          tilt * ((p.intensity - mi) / sd) +
            sharedTS[world.tsGroup[e] * M + j] +
            sharedTL[world.tlGroup[e] * M + j] +
            normal(rng, 0, 0.1 * spread),
        ),
    );
    const sum = w.reduce((s, x) => s + x, 0);
    w.forEach((x, j) => {
      emp2000[e * J + j] = (manuf * x) / sum;
    });
    OTHER_PROFILE.forEach((p, k) => {
      emp2000[e * J + MANUF_PROFILE.length + k] = manuf * p.factor * Math.exp(normal(rng, 0, 0.2));
    });
  });
  return { industries: J, emp2000, intensity };
}

/**
 * Normal deviations, group × industry (row-major), s.d. `sd`.
 * @example const dev = groupDeviations(rng, 10, 14, 0.2); dev[g * 14 + j];
 */
export function groupDeviations(
  rng: { normal(): number },
  groups: number,
  industries: number,
  sd: number,
): Float64Array {
  return Float64Array.from({ length: groups * industries }, () => sd * rng.normal());
}
