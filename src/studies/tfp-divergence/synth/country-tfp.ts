/**
 * Country TFP: ln A_it = a_i + c_t + β_i·Exposure_it + λ'X_it + u_it, β_i = betaLow + betaHigh·High_i +
 * betaStru·(Stru_i − mean Stru of the country panel), with
 * Exposure_it = ln((robot stock + 1) / persons engaged in 1994, thousands) and X the economy
 * controls (hc, FDI, Structure, Internet, ln GDP per capita). a_i is set so that the noise-free 2000
 * level relative to the US equals the economy's target (its PWT 10.01 level of 2000, world.ts). PWT's
 * ctfp and rtfpna follow.
 */
import { PARAMS, COUNTRY_YEARS, ROBOT_YEARS } from "./params.js";
import type { CountryBasics } from "./country-basics.js";
import type { IndustryStructure } from "./industry-structure.js";
import type { Robots } from "./robots.js";
import type { Shocks } from "./shocks.js";
import { struValues } from "./stru.js";
import type { World } from "./world.js";

/** Country TFP and its inputs, economy × year (1990–2019). */
export interface CountryTfp {
  readonly years: number;
  /** ln A (absolute, noise included). */
  readonly lnA: Float64Array;
  /** PWT-like TFP relative to the US and to the economy's own 2017 level. */
  readonly ctfp: Float64Array;
  readonly rtfpna: Float64Array;
  /** Exposure (NaN for economies without robot data). */
  readonly exposure: Float64Array;
  /** Total robot stock (NaN without robot data). */
  readonly stock: Float64Array;
  /** The economy's effect of Exposure on ln TFP. */
  readonly beta: Float64Array;
}

/**
 * Country controls' contribution λ'X at one economy-year.
 * @example countryControlsIndex(basics, e * basics.years + t);
 */
export function countryControlsIndex(b: CountryBasics, i: number): number {
  const l = PARAMS.country.lambda;
  return (
    l.hc * b.hc[i] +
    l.fdi * b.fdi[i] +
    l.structure * (b.servicesPct[i] / b.industryPct[i]) +
    l.internet * b.internet[i] +
    l.lnprgdp * b.lnprgdp[i]
  );
}

/**
 * Generate country TFP for every economy (robot effects only where robot data exist).
 * @example const tfp = countryTfp(world, basics, structure, robots, shocks);
 */
export function countryTfp(
  world: World,
  basics: CountryBasics,
  structure: IndustryStructure,
  robots: Robots,
  shocks: Shocks,
): CountryTfp {
  const n = world.econ.length;
  const Y = basics.years;
  const T = world.robotYears;
  const J = structure.industries;
  const P = PARAMS.country;
  const exposure = new Float64Array(n * Y).fill(Number.NaN);
  const stock = new Float64Array(n * Y).fill(Number.NaN);
  const beta = new Float64Array(n);
  const base = 1994 - COUNTRY_YEARS.first;
  const S = struValues(world, structure, robots);
  for (const e of world.ifr) {
    // Centred at the country panel's (IFR economies') mean Stru: betaLow + betaHigh·(share High) is
    // the panel's mean effect whatever betaStru.
    beta[e] = P.betaLow + P.betaHigh * world.highCountry.high[e] + P.betaStru * (S.stru[e] - S.ifrMean);
    const emp94 = basics.emp[e * Y + base] * 1000;
    for (let t = 0; t < Y; t++) {
      const rt = COUNTRY_YEARS.first + t - ROBOT_YEARS.first;
      let r = 0;
      for (let j = 0; j < J; j++) r += robots.stock[(e * J + j) * T + rt];
      stock[e * Y + t] = r;
      exposure[e * Y + t] = Math.log((r + 1) / emp94);
    }
  }
  const trend = (t: number) => P.trend * (t - base) - (COUNTRY_YEARS.first + t === 2009 ? 0.02 : 0);
  const robotPart = (e: number, t: number) => (world.ifr.includes(e) ? beta[e] * exposure[e * Y + t] : 0);
  const usa = world.econ.findIndex((x) => x.iso3 === "USA");
  if (usa < 0)
    throw new Error("synth tfp-divergence: the USA must be among the economies (ctfp is relative to it)");
  const noiseFree = (e: number, t: number, a: number) =>
    a + trend(t) + robotPart(e, t) + countryControlsIndex(basics, e * Y + t);
  // The targets are PWT 10.01's levels of 2000, so the levels are anchored there: anchored in 1994,
  // six years of robot effects that differ by Stru (the US's is among the largest) moved the mean
  // ln ctfp of 2000 off PWT's by 0.06–0.09.
  const anchor = 2000 - COUNTRY_YEARS.first;
  const usLevel = noiseFree(usa, anchor, 0);
  const lnA = new Float64Array(n * Y);
  world.econ.forEach((_, e) => {
    const target = world.ifr.includes(e) ? world.highCountry.target[e] : world.countryTfp[e];
    const a = Math.log(target) + usLevel - noiseFree(e, anchor, 0);
    for (let t = 0; t < Y; t++) {
      const rt = COUNTRY_YEARS.first + t - ROBOT_YEARS.first;
      lnA[e * Y + t] = noiseFree(e, t, a) + shocks.country[e * T + rt];
    }
  });
  const ctfp = new Float64Array(n * Y);
  const rtfpna = new Float64Array(n * Y);
  const y2017 = 2017 - COUNTRY_YEARS.first;
  for (let e = 0; e < n; e++) {
    for (let t = 0; t < Y; t++) {
      ctfp[e * Y + t] = Math.exp(lnA[e * Y + t] - lnA[usa * Y + t]);
      rtfpna[e * Y + t] = Math.exp(lnA[e * Y + t] - lnA[e * Y + y2017]);
    }
  }
  return { years: Y, lnA, ctfp, rtfpna, exposure, stock, beta };
}
