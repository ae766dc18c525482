/**
 * The exogenous side of the ASIE panel: for every firm-year of the ASIE firms, employment, value
 * added, capital, assets, sales and material share, as they are written (rounded), plus the
 * firm-level controls computed from the written values exactly as the pipeline computes them.
 */
import { hhi } from "../../../measures/hhi.js";
import { normal } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import type { CityPanel } from "./city-panel.js";
import type { Firms } from "./firms.js";

/** ASIE firm-years (rows sorted by firm, then year). */
export interface AsiePanel {
  readonly n: number;
  readonly firm: Int32Array;
  readonly year: Int32Array;
  /** Index of the row's city-year in the city panel arrays. */
  readonly cityYear: Int32Array;
  readonly employment: Float64Array;
  readonly valueAdded: Float64Array;
  readonly netFixedAssets: Float64Array;
  readonly totalAssets: Float64Array;
  readonly sales: Float64Array;
  /** Material share of output (before the robot effects on output). */
  readonly materialShare: Float64Array;
  /** Controls of the outcome equations, from the written values. */
  readonly x: {
    readonly lnlp: Float64Array;
    readonly lnkfix: Float64Array;
    readonly lnklratio: Float64Array;
    readonly lnbdat: Float64Array;
    readonly lngdp: Float64Array;
    readonly second_rate: Float64Array;
    readonly lnedc_cost: Float64Array;
    readonly cic4_hhi: Float64Array;
  };
}

/** Mean ln labour productivity of upstream firms by technology-gap class. */
const LP_BY_GAP = { large: 5.0, middle: 6.5, small: 8.0 } as const;

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Generate the exogenous ASIE variables.
 * @example const asie = buildAsiePanel(seed, firms, panel);
 */
export function buildAsiePanel(seed: number, firms: Firms, panel: CityPanel): AsiePanel {
  const rng = streamRng(seed, "asie/exogenous");
  const { years } = panel;
  const T = years.length;
  let n = 0;
  for (let i = 0; i < firms.n; i++) if (firms.entry[i] >= 0) n += firms.exit[i] - firms.entry[i] + 1;
  const firm = new Int32Array(n);
  const year = new Int32Array(n);
  const cityYear = new Int32Array(n);
  const employment = new Float64Array(n);
  const valueAdded = new Float64Array(n);
  const netFixedAssets = new Float64Array(n);
  const totalAssets = new Float64Array(n);
  const sales = new Float64Array(n);
  const materialShare = new Float64Array(n);
  let r = 0;
  for (let i = 0; i < firms.n; i++) {
    if (firms.entry[i] < 0) continue;
    const up = firms.kind[i] === "upstream";
    const l0 =
      4.9 + 0.3 * firms.lowConstraint[i] + (firms.ownership[i] === "state" ? 0.3 : 0) + normal(rng, 0, 0.7);
    // Upstream firms: labour productivity by technology-gap class, the intermediate share by markup
    // type, total assets by financing type — separated well beyond their noise, so that the
    // pipeline's quantile splits (gap, markup, SA index) recover the types.
    // High-markup makers are also far less capital-intensive (asset-light), so that ln output is a smooth function
    // of (l, k, m) and the De Loecker–Warzynski first stage (a polynomial in them) keeps their low
    // intermediate share instead of purging it as noise. Upstream makers' productivity, employment
    // and assets have no trend, so that the pooled quantile cut-offs split types, not years.
    const lp0 = up ? LP_BY_GAP[firms.gap[i]] + normal(rng, 0, 0.15) : 4.3 + normal(rng, 0, 0.3);
    const kl0 = up ? 4.3 - 2.0 * firms.highMarkup[i] + normal(rng, 0, 0.35) : 3.6 + normal(rng, 0, 0.6);
    const ta0 = 10.5 + 3 * firms.lowConstraint[i] + normal(rng, 0, 0.15);
    const m0 = up ? (firms.highMarkup[i] ? 0.3 : 0.68) : 0.7;
    const [gL, gP, gA] = up ? [0, 0.01, 0] : [0.02, 0.07, 0.03];
    for (let y = firms.entry[i]; y <= firms.exit[i]; y++) {
      const t = y - years[0];
      firm[r] = i;
      year[r] = y;
      cityYear[r] = firms.city[i] * T + t;
      const L = Math.max(8, Math.round(Math.exp(l0 + gL * t + normal(rng, 0, 0.03))));
      employment[r] = L;
      valueAdded[r] = round3(L * Math.exp(lp0 + gP * t + normal(rng, 0, 0.03)));
      netFixedAssets[r] = round3(L * Math.exp(kl0 + 0.03 * t + normal(rng, 0, 0.1)));
      totalAssets[r] = round3(
        Math.max(1.2 * netFixedAssets[r], Math.exp(ta0 + gA * t + normal(rng, 0, 0.05))),
      );
      materialShare[r] = Math.min(0.85, Math.max(0.2, m0 + normal(rng, 0, 0.01)));
      sales[r] = round3((valueAdded[r] / (1 - materialShare[r])) * Math.exp(normal(rng, 0, 0.04)));
      r++;
    }
  }
  const lnlp = new Float64Array(n);
  const lnkfix = new Float64Array(n);
  const lnklratio = new Float64Array(n);
  const lnbdat = new Float64Array(n);
  const lngdp = new Float64Array(n);
  const second = new Float64Array(n);
  const lnedc = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    lnlp[k] = Math.log(valueAdded[k] / employment[k]);
    lnkfix[k] = Math.log(netFixedAssets[k]);
    lnklratio[k] = Math.log(netFixedAssets[k] / employment[k]);
    lnbdat[k] = Math.log(year[k] - firms.foundingYear[firm[k]] + 1);
    const cy = cityYear[k];
    lngdp[k] = Math.log(panel.gdpPerCapita[cy] / 10000);
    second[k] = panel.secondaryShare[cy];
    lnedc[k] = Math.log(panel.educationExpenditure[cy]);
  }
  const cic = Int32Array.from(firm, (i) => firms.cic[i]);
  const cicHhi = hhi(sales, [cic, Float64Array.from(year)]);
  return {
    n,
    firm,
    year,
    cityYear,
    employment,
    valueAdded,
    netFixedAssets,
    totalAssets,
    sales,
    materialShare,
    x: { lnlp, lnkfix, lnklratio, lnbdat, lngdp, second_rate: second, lnedc_cost: lnedc, cic4_hhi: cicHhi },
  };
}
