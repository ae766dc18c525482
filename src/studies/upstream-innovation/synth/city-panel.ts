/**
 * The city side of the synthetic economy: base-year employment by city × IFR industry, US robots
 * and employment, the shift-share instrument of eq. (2), the endogenous robot-import demand, city
 * statistics and the city-year shocks of the outcome equations.
 */
import { shiftShareInstrument } from "../../../measures/shift-share.js";
import { gamma, normal } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import type { City } from "./geography.js";
import type { Firms } from "./firms.js";
import { IFR_INDUSTRIES } from "./industries.js";
import { spreadEmployment, twoWayDemeaned } from "./instrument-spread.js";
import { liftedShares, sizedShares } from "./target-shares.js";
import { noiseScaleFor, spellSums } from "./first-stage-strength.js";
import { PARAMS } from "./parameters.js";

/** City × year arrays are indexed `city * nYears + (year − first year)`. */
export interface CityPanel {
  readonly cities: readonly City[];
  readonly years: readonly number[];
  readonly baseEmployment: {
    readonly city: string[];
    readonly industry: string[];
    readonly employment: Float64Array;
  };
  readonly usRobots: { readonly industry: string[]; readonly year: number[]; readonly stock: Float64Array };
  readonly usEmployment: { readonly industry: string[]; readonly employment: Float64Array };
  /** us_robot_jt of eq. (2) from the written base employment and US data. */
  readonly usRobot: Float64Array;
  /** The confounder: raises robot imports and enters the outcomes. */
  readonly u: Float64Array;
  /** Coefficient of us_robot in every city's robot share (PARAMS.imports.firstStage). */
  readonly firstStage: number;
  /** The shares without u and v (what the first stage targets, given the realised instrument). */
  readonly noiseFree: Float64Array;
  /** Target robot import shares of the cities (they sum to 1 − the unknown-city share each year). */
  readonly demand: Float64Array;
  /** Share of a city-year's robot imports under processing trade. */
  readonly processingShare: Float64Array;
  /** City statistics as written. */
  readonly gdpPerCapita: Float64Array;
  readonly secondaryShare: Float64Array;
  readonly educationExpenditure: Float64Array;
  /** City-year shocks of the outcome equations, by outcome. */
  readonly shock: Readonly<
    Record<"patents" | "exclusion" | "parts" | "expense" | "profit" | "dvar", Float64Array>
  >;
}

/**
 * Build the city panel for the given cities over the study years.
 * `firms` gives the upstream makers' presence by city-year, which weights the first stage's strength.
 * @example const panel = buildCityPanel(seed, cities, firms);
 */
export function buildCityPanel(seed: number, cities: readonly City[], firms: Firms): CityPanel {
  const [first, last] = PARAMS.years;
  const years = Array.from({ length: last - first + 1 }, (_, t) => first + t);
  const T = years.length;
  const J = cities.length;
  const nI = IFR_INDUSTRIES.length;

  // Base-year employment: city size × an industry mix around the province's profile (spread below).
  const rngE = streamRng(seed, "city/employment");
  const profiles = new Map<string, number[]>();
  const base: { city: string[]; industry: string[]; employment: Float64Array } = {
    city: [],
    industry: [],
    employment: new Float64Array(0),
  };
  const raw = new Float64Array(J * nI);
  cities.forEach((c, j) => {
    let profile = profiles.get(c.provinceCode);
    if (!profile) {
      profile = IFR_INDUSTRIES.map(() => gamma(rngE, 0.5));
      profiles.set(c.provinceCode, profile);
    }
    const mix = profile.map((p) => gamma(rngE, PARAMS.imports.mixShape * (0.2 + 3 * p)));
    const total = mix.reduce((a, b) => a + b, 0);
    IFR_INDUSTRIES.forEach((ind, i) => {
      base.city.push(c.code);
      base.industry.push(ind.code);
      raw[j * nI + i] = (40000 * c.size ** PARAMS.imports.employmentElasticity * mix[i]) / total;
    });
  });

  // US robots: the IFR stock path of each industry with a wobble; US employment in 2000.
  const rngU = streamRng(seed, "city/us");
  const us = { industry: [] as string[], year: [] as number[], stock: new Float64Array(nI * T) };
  IFR_INDUSTRIES.forEach((ind, i) => {
    const g = Math.log(ind.stock2013 / ind.stock2000) / (T - 1);
    let wobble = 0;
    years.forEach((y, t) => {
      wobble = 0.6 * wobble + normal(rngU, 0, 0.07);
      us.industry.push(ind.code);
      us.year.push(y);
      us.stock[i * T + t] = Math.round(ind.stock2000 * Math.exp(g * t + (t > 0 ? wobble : 0)));
    });
  });
  const usEmp = {
    industry: IFR_INDUSTRIES.map((i) => i.code),
    employment: Float64Array.from(IFR_INDUSTRIES.map((i) => i.usEmployment2000)),
  };
  const usInput = {
    usRobots: { industry: categorical(us.industry), year: Float64Array.from(us.year), robots: us.stock },
    usEmployment: { industry: categorical(usEmp.industry), employment: usEmp.employment },
  };
  const baseCity = categorical(base.city);
  const baseIndustry = categorical(base.industry);
  // The result is sorted by city code then year, as `cities` is.
  const instrumentOf = (employment: Float64Array) =>
    Float64Array.from(
      shiftShareInstrument({ base: { city: baseCity, industry: baseIndustry, employment }, ...usInput })
        .value,
    );

  const { concentration, floor, swing, firstStage, sigmaU, sigmaV, processingShare, unknownCityShare } =
    PARAMS.imports;
  const pi = firstStage / (1 - unknownCityShare);
  const sized = sizedShares(
    cities.map((c) => c.size),
    concentration,
    floor,
  );
  // Each city's instrument gets the common within-city spread, less where its sized share has no
  // room for π times the swing.
  const robotsPerWorker = Float64Array.from(us.stock, (v, r) => v / usEmp.employment[Math.floor(r / T)]);
  base.employment = spreadEmployment(raw, robotsPerWorker, {
    cities: J,
    years: T,
    sd: PARAMS.imports.instrumentSpread,
    room: sized.map((tg) => (swing * tg) / pi),
  });
  const usRobot = instrumentOf(base.employment);

  // Robot shares, linear in the instrument (eq. 2) with city and year effects, plus the confounder u
  // and noise v (both proportional to the city's target level, truncated at ±2.5 s.d.):
  //   s_jt = (1 − unknown) · (target_j·(1 + δ_t) + π·z̃_jt + u_jt + v_jt),
  // where z̃ is us_robot net of its city and year means over the run's cities, target_j the sized
  // share (∝ size_j^concentration above an even floor, Σ = 1: a few large cities import most robots,
  // as Table 1's mean 0.039 and maximum 0.388 say) lifted where π·max|z̃_j| exceeds swing·target_j,
  // and δ_t·target_j makes the shares of a year sum to 1 − unknown. The slope π is the same in every
  // city, so the noise-free share is exactly π·us_robot plus city and year effects and the first
  // stage's estimand is π on every sample (estimands.ts computes it for the realised sample).
  const rngD = streamRng(seed, "city/demand");
  const zt = twoWayDemeaned(usRobot, J, T);
  const maxSwing = Array.from({ length: J }, (_, j) => {
    let mx = 0;
    for (let t = 0; t < T; t++) mx = Math.max(mx, Math.abs(zt[j * T + t]));
    return mx;
  });
  const target = liftedShares(
    sized,
    maxSwing.map((m) => (pi * m) / swing),
  );
  // The noise of a city shrinks where the instrument's swing leaves less room above zero; its common
  // scale sets the first stage's strength (first-stage-strength.ts). Both depend on the instrument
  // and the sizes only, so the noise's mean is zero given the instrument.
  const maxScale = target.map((tg, j) => (0.85 - (pi * maxSwing[j]) / tg) / (2.5 * (sigmaU + sigmaV)));
  const k = noiseScaleFor({
    ...spellSums(firms, zt, years),
    years: T,
    unitSd: target.map((tg) => Math.hypot(sigmaU, sigmaV) * tg),
    maxScale,
    slope: pi,
    target: PARAMS.imports.firstStageStrength,
  });
  const noiseScale = maxScale.map((m) => Math.min(k, m));
  const u = new Float64Array(J * T);
  const demand = new Float64Array(J * T);
  const noiseFree = new Float64Array(J * T);
  const proc = new Float64Array(J * T);
  const truncated = () => {
    for (;;) {
      const e = rngD.normal();
      if (Math.abs(e) <= 2.5) return e;
    }
  };
  for (let t = 0; t < T; t++) {
    let total = 0;
    let totalFree = 0;
    for (let j = 0; j < J; j++) {
      const k = j * T + t;
      u[k] = sigmaU * noiseScale[j] * target[j] * truncated();
      const v = sigmaV * noiseScale[j] * target[j] * truncated();
      noiseFree[k] = target[j] + pi * zt[k];
      demand[k] = noiseFree[k] + u[k] + v;
      total += demand[k];
      totalFree += noiseFree[k];
      proc[k] = Math.min(0.6, Math.max(0.02, processingShare + normal(rngD, 0, 0.1)));
    }
    // What makes the year's shares sum to one is spread in proportion to the targets (an even spread
    // could push the smallest cities below zero); its noise-free part is in noiseFree.
    for (let j = 0; j < J; j++) {
      const k = j * T + t;
      demand[k] = (1 - unknownCityShare) * (demand[k] + target[j] * (1 - total));
      noiseFree[k] = (1 - unknownCityShare) * (noiseFree[k] + target[j] * (1 - totalFree));
      if (!(demand[k] > 0)) {
        throw new Error(
          `synthetic robot share of ${cities[j].name} in ${years[t]} is ${demand[k]}; the DGP parameters leave no room`,
        );
      }
    }
  }

  // City statistics: persistent levels with trends and small yearly noise.
  const rngS = streamRng(seed, "city/stats");
  const gdp = new Float64Array(J * T);
  const second = new Float64Array(J * T);
  const edu = new Float64Array(J * T);
  for (let j = 0; j < J; j++) {
    const g0 = 9.7 + 0.35 * Math.log(cities[j].size) + normal(rngS, 0, 0.3);
    const s0 = 48 + normal(rngS, 0, 7);
    const e0 = 11.6 + 0.8 * Math.log(cities[j].size) + normal(rngS, 0, 0.3);
    for (let t = 0; t < T; t++) {
      const k = j * T + t;
      gdp[k] = Math.round(Math.exp(g0 + 0.12 * t + normal(rngS, 0, 0.03)));
      second[k] = Math.round((s0 + 0.3 * t + normal(rngS, 0, 1.2)) * 100) / 100;
      edu[k] = Math.round(Math.exp(e0 + 0.16 * t + normal(rngS, 0, 0.05)) * 10) / 10;
    }
  }

  const rngK = streamRng(seed, "city/shocks");
  const draw = (sd: number) => Float64Array.from({ length: J * T }, () => normal(rngK, 0, sd));
  const shock = {
    patents: draw(PARAMS.patents.sigmaCityYear),
    exclusion: draw(PARAMS.patents.sigmaCityYear),
    parts: draw(PARAMS.partImports.sigmaCityYear),
    expense: draw(PARAMS.expense.sigmaCityYear),
    profit: draw(PARAMS.profit.sigmaCityYear),
    dvar: draw(PARAMS.dvar.sigmaCityYear),
  };
  return {
    cities,
    years,
    baseEmployment: { ...base, employment: base.employment },
    usRobots: us,
    usEmployment: usEmp,
    usRobot,
    firstStage,
    noiseFree,
    u,
    demand,
    processingShare: proc,
    gdpPerCapita: gdp,
    secondaryShare: second,
    educationExpenditure: edu,
    shock,
  };
}

function categorical(values: readonly string[]): { codes: Int32Array; levels: string[] } {
  const levels = [...new Set(values)].sort();
  const index = new Map(levels.map((l, i) => [l, i]));
  return { codes: Int32Array.from(values, (v) => index.get(v) as number), levels };
}
