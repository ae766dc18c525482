/**
 * The 14 manufacturing industries of the WIOD-like accounts (2000–2014), built so that
 * Levinsohn–Petrin's assumptions hold and the paper's controls are exogenous:
 *
 * - capital k is predetermined (its own growth path); capital per worker kl rises with the
 *   previous year's robot exposure (labour replacement), and employment l = k − kl;
 * - value added va = βl·l + βk·k + ω + η (constant returns), ω the industry TFP of the DGP;
 * - intermediate inputs m = γ0 + k + γω·ω (the LP proxy: monotone in ω given k, no other state);
 * - gross output = value added + intermediate inputs, with γω set so that the average response of
 *   ln output to ω is zero: ln output (`lnsize`) ≈ k + a function of kl (`lncapital`) and noise, so
 *   the controls absorb any error in the estimated elasticities and do not carry the TFP shocks.
 */
import { INDUSTRY_CODES } from "../sectors.js";
import { normal } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import type { CountryBasics } from "./country-basics.js";
import type { IndustryStructure } from "./industry-structure.js";
import { COUNTRY_YEARS, PARAMS, ROBOT_YEARS, WIOD_YEARS } from "./params.js";
import type { Robots } from "./robots.js";
import type { Shocks } from "./shocks.js";
import { designedClass } from "./class-design.js";
import { struValues } from "./stru.js";
import type { World } from "./world.js";

/** Capital intensity (ln K/L offset) and capital growth of each manufacturing industry. */
const KAPPA = [0, -0.6, -0.3, 0.3, 0.5, 0.1, 0.3, 0.6, -0.1, 0.2, 0, 0.1, 0.3, 0.1];
const GROWTH = [0, -0.03, -0.01, -0.01, 0.01, 0, 0, 0, 0, 0.03, 0.01, 0, 0.01, 0];

/** Manufacturing accounts, index (e · 14 + j) · years + t (t = year − 2000). NaN where not generated. */
export interface Manufacturing {
  readonly years: number;
  readonly emp: Float64Array;
  readonly k: Float64Array;
  readonly go: Float64Array;
  readonly va: Float64Array;
  readonly ii: Float64Array;
  readonly hoursPerWeek: Float64Array;
  /** Exposure of the DGP (NaN without robot data). */
  readonly exposure: Float64Array;
  /** ln TFP ω of the DGP. */
  readonly omega: Float64Array;
  /** The economy's effect of Exposure on industry TFP. */
  readonly beta: Float64Array;
  /** The cell's TFP level from its own robot adoption level (levelConfound · own level). */
  readonly confound: Float64Array;
  /** Measurement noise η of ln value added. */
  readonly vaNoise: Float64Array;
  /** The part of RE that is neither robots nor trends (capital growth and capital-per-worker shocks). */
  readonly reNoise: Float64Array;
  /** The proxy's parameters γ0, γω and the mean value-added share they give. */
  readonly proxy: { readonly gamma0: number; readonly gammaOmega: number; readonly meanShare: number };
}

/**
 * Generate the manufacturing accounts of every WIOD economy.
 * @example const m = manufacturing(world, basics, structure, robots, shocks);
 */
export function manufacturing(
  world: World,
  basics: CountryBasics,
  structure: IndustryStructure,
  robots: Robots,
  shocks: Shocks,
): Manufacturing {
  const rng = streamRng(world.seed, "tfp/manufacturing");
  const P = PARAMS.industry;
  const lnHoursScale = Math.log(P.hoursScale);
  const M = INDUSTRY_CODES.length;
  const Y = WIOD_YEARS.last - WIOD_YEARS.first + 1;
  const T = world.robotYears;
  const J = structure.industries;
  const size = world.econ.length * M * Y;
  const nan = () => new Float64Array(size).fill(Number.NaN);
  const emp = nan();
  const k = nan();
  const kl = nan();
  const omega = nan();
  const vaNoise = nan();
  const reNoise = new Float64Array(size);
  const hoursPerWeek = nan();
  const exposure = nan();
  const beta = new Float64Array(world.econ.length);
  const inPanel = new Set(world.panel);
  const S = struValues(world, structure, robots);
  // Robots go where productivity lags: the cell's own adoption level lowers its TFP level.
  const confound = Float64Array.from(
    { length: world.econ.length * M },
    (_, c) => P.levelConfound * robots.ownLevel[Math.floor(c / M) * J + (c % M)],
  );
  const x = (e: number, j: number, year: number) =>
    Math.log((robots.stock[(e * J + j) * T + (year - ROBOT_YEARS.first)] + 1) / structure.emp2000[e * J + j]);
  for (const e of world.wiod) {
    const eco = world.econ[e];
    const hasRobots = inPanel.has(e);
    const high = world.highIndustry.high[e];
    beta[e] = hasRobots
      ? P.betaLow +
        P.betaHigh * high +
        P.betaStru * (S.stru[e] - S.panelMean) +
        P.betaClass[designedClass(eco.iso3) - 1]
      : 0;
    const replace = hasRobots ? P.replaceLow + P.replaceHigh * high : 0;
    const a = P.level + Math.log(hasRobots ? world.highIndustry.target[e] : eco.tfp);
    const kappa = 4.5 + 1.2 * Math.log(eco.tfp / 0.65) + normal(rng, 0, 0.1);
    // Weekly hours before their scale (`hoursScale`): TFP takes these; the sources report them scaled.
    const hours = Math.log(41 - 6 * (eco.tfp - 0.65) + normal(rng, 0, 1.5));
    const growth = 0.025 + 0.03 * Math.max(0, 1 - eco.tfp) + (eco.iso3 === "CHN" ? 0.08 : 0);
    for (let j = 0; j < M; j++) {
      const cell = e * M + j;
      const klDev = normal(rng, 0, 0.15);
      const hoursDev = normal(rng, 0, 0.01);
      const x0 = hasRobots ? x(e, j, WIOD_YEARS.first) : 0;
      let klWalk = 0;
      let kt = Math.log(structure.emp2000[e * J + j]) + kappa + KAPPA[j] + klDev;
      for (let t = 0; t < Y; t++) {
        const i = cell * Y + t;
        const year = WIOD_YEARS.first + t;
        const b = e * basics.years + (year - COUNTRY_YEARS.first);
        if (t > 0) {
          const klStep = normal(rng, 0, 0.02);
          const kStep = normal(rng, 0, 0.03);
          klWalk += klStep;
          kt += growth + GROWTH[j] + kStep;
          // RE = −Δl = Δkl − Δk: its part that is not driven by robots or trends.
          reNoise[cell * Y + t] = klStep - kStep;
        }
        const xt = hasRobots ? x(e, j, year) : 0;
        const xPrev = hasRobots && t > 0 ? x(e, j, year - 1) : x0;
        kl[i] = kappa + KAPPA[j] + klDev + 0.02 * t + klWalk + replace * (xPrev - x0);
        k[i] = kt;
        emp[i] = kt - kl[i];
        const lnHours = hours + hoursDev + normal(rng, 0, 0.005);
        hoursPerWeek[i] = lnHours + lnHoursScale;
        // RE = ln(Emp(t−1)/Emp(t)) raises TFP (H1: "机器换人" raises productivity).
        const re = t > 0 ? emp[i - 1] - emp[i] : 0;
        omega[i] =
          a +
          P.reTfp * re +
          P.levelByIntensity * structure.intensity[j] +
          P.trend * t +
          beta[e] * P.effectByIndustry[j] * xt +
          P.lambda.lnweekwork * lnHours +
          P.lambda.lncapital * kl[i] +
          P.lambda.hc * basics.hc[b] +
          P.lambda.internet * basics.internet[b] +
          (hasRobots ? confound[cell] + shocks.industry[cell * T + (year - ROBOT_YEARS.first)] : 0);
        vaNoise[i] = normal(rng, 0, P.sdVa);
        exposure[i] = hasRobots ? xt : Number.NaN;
      }
    }
  }
  const proxy = calibrateProxy(world, M, Y, kl, omega, vaNoise);
  const go = nan();
  const va = nan();
  const ii = nan();
  for (const e of world.wiod) {
    for (let c = e * M * Y; c < (e + 1) * M * Y; c++) {
      va[c] = Math.exp(P.betaL * emp[c] + P.betaK * k[c] + omega[c] + vaNoise[c]);
      ii[c] = Math.exp(proxy.gamma0 + k[c] + proxy.gammaOmega * omega[c]);
      go[c] = va[c] + ii[c];
      emp[c] = Math.exp(emp[c]);
      k[c] = Math.exp(k[c]);
      hoursPerWeek[c] = Math.exp(hoursPerWeek[c]);
    }
  }
  return {
    years: Y,
    emp,
    k,
    go,
    va,
    ii,
    hoursPerWeek,
    exposure,
    omega,
    beta,
    proxy,
    confound,
    vaNoise,
    reNoise,
  };
}

/**
 * γω = −s / (1 − s) for the target mean value-added share s (so ∂ ln output / ∂ω averages zero),
 * and γ0 such that the mean share over the panel rows is s (bisection).
 */
function calibrateProxy(
  world: World,
  M: number,
  Y: number,
  kl: Float64Array,
  omega: Float64Array,
  noise: Float64Array,
): { gamma0: number; gammaOmega: number; meanShare: number } {
  const P = PARAMS.industry;
  const rows: number[] = [];
  for (const e of world.panel) for (let c = e * M * Y; c < (e + 1) * M * Y; c++) rows.push(c);
  const gammaOmega = -P.vaShare / (1 - P.vaShare);
  // ln(VA / II) = −βl·kl + (1 − γω)·ω + η − γ0 (constant returns: βl·l + βk·k − k = −βl·kl).
  const logOdds = new Float64Array(rows.length);
  rows.forEach((c, r) => {
    logOdds[r] = -P.betaL * kl[c] + (1 - gammaOmega) * omega[c] + noise[c];
  });
  const share = (g0: number) => {
    let s = 0;
    for (const v of logOdds) s += 1 / (1 + Math.exp(-(v - g0)));
    return s / logOdds.length;
  };
  let lo = -100;
  let hi = 100;
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    if (share(mid) > P.vaShare) lo = mid;
    else hi = mid;
  }
  const gamma0 = (lo + hi) / 2;
  return { gamma0, gammaOmega, meanShare: share(gamma0) };
}
