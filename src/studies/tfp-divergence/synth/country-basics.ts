/**
 * Exogenous economy × year series (1990–2019): employment and population, human capital, income,
 * FDI, internet use, and the industry structure (TS = services / industry value added, driven by
 * the economy's TS factor; agriculture's share of value added).
 */
import { normal } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import { COUNTRY_YEARS, ROBOT_YEARS } from "./params.js";
import { anchorPath, pwtAnchor } from "./pwt-anchors.js";
import type { World } from "./world.js";

/** Economy × year arrays (row-major, index e · years + (year − 1990)). */
export interface CountryBasics {
  readonly years: number;
  /** Persons engaged, millions. */
  readonly emp: Float64Array;
  /** Population, millions. */
  readonly pop: Float64Array;
  readonly hc: Float64Array;
  /** ln real GDP per capita (2017 US$). */
  readonly lnprgdp: Float64Array;
  /** Output-side to national-prices GDP ratio of each economy. */
  readonly rgdpoFactor: Float64Array;
  /** FDI net inflows, % of GDP. */
  readonly fdi: Float64Array;
  /** Internet users per 100. */
  readonly internet: Float64Array;
  /** Tertiary / secondary value added (eq. 16). */
  readonly ts: Float64Array;
  /** Industry and services value added, % of GDP. */
  readonly industryPct: Float64Array;
  readonly servicesPct: Float64Array;
  /** Agriculture's share of total value added. */
  readonly agriShare: Float64Array;
}

const HUBS = new Set(["LUX", "IRL", "SGP", "NLD", "CYP", "MLT", "HUN", "EST", "BEL", "CHE"]);

/**
 * Draw the exogenous country series of the world.
 * @example const basics = countryBasics(world); basics.emp[e * basics.years + (1994 - 1990)];
 */
export function countryBasics(world: World): CountryBasics {
  const rng = streamRng(world.seed, "tfp/country-basics");
  const n = world.econ.length;
  const Y = COUNTRY_YEARS.last - COUNTRY_YEARS.first + 1;
  const arr = () => new Float64Array(n * Y);
  const out = {
    years: Y,
    emp: arr(),
    pop: arr(),
    hc: arr(),
    lnprgdp: arr(),
    rgdpoFactor: new Float64Array(n),
    fdi: arr(),
    internet: arr(),
    ts: arr(),
    industryPct: arr(),
    servicesPct: arr(),
    agriShare: arr(),
  };
  world.econ.forEach((eco, e) => {
    const tfp = eco.tfp;
    // Employment, population, human capital and income follow the economy's PWT 10.01 path
    // (log-linear between its 1994 and 2019 values, pwt-anchors.ts) with small yearly noise.
    const pwt = pwtAnchor(eco.iso3);
    out.rgdpoFactor[e] = Math.exp(normal(rng, 0, 0.05));
    const fdiMean = (HUBS.has(eco.iso3) ? 9 : 2.5) * Math.exp(normal(rng, 0, 0.4));
    const netCap = Math.min(99, 55 + 45 * Math.min(1, tfp) + normal(rng, 0, 4));
    const netMid = 2011 - 11 * (tfp - 0.3) + normal(rng, 0, 1);
    const ts0 = Math.exp(0.5 + 1.2 * Math.log(tfp / 0.6) + normal(rng, 0, 0.2));
    const agri0 = 0.02 + 0.28 * (1 - Math.min(1, tfp)) ** 2;
    const tsGroup = world.tsGroup[e];
    for (let t = 0; t < Y; t++) {
      const year = COUNTRY_YEARS.first + t;
      const i = e * Y + t;
      const s = year - 1994;
      out.emp[i] = anchorPath(pwt.emp, year) * Math.exp(normal(rng, 0, 0.005));
      out.pop[i] = anchorPath(pwt.pop, year);
      out.hc[i] = anchorPath(pwt.hc, year) + normal(rng, 0, 0.005);
      const lnY = pwt.lnGdpPc[0] + ((pwt.lnGdpPc[1] - pwt.lnGdpPc[0]) * s) / 25;
      out.lnprgdp[i] = lnY - (year === 2009 ? 0.04 : 0) + normal(rng, 0, 0.01);
      out.fdi[i] = fdiMean + normal(rng, 0, 0.4 * fdiMean + 0.5);
      out.internet[i] = netCap / (1 + Math.exp(-0.38 * (year - netMid)));
      const f = world.factorTS[tsGroup * world.robotYears + (year - ROBOT_YEARS.first)];
      out.ts[i] = ts0 * Math.exp(world.tsLoad[tsGroup] * f + 0.003 * s + normal(rng, 0, 0.004));
      out.agriShare[i] = agri0 * Math.exp(-0.025 * s);
      out.industryPct[i] = (100 * (1 - out.agriShare[i]) - 8) / (1 + out.ts[i]);
      out.servicesPct[i] = out.ts[i] * out.industryPct[i];
    }
  });
  return out;
}
