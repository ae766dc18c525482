import { describe, expect, it } from "vitest";
import { divergence } from "../../../../src/measures/index.js";
import { INDUSTRY_CODES } from "../../../../src/studies/tfp-divergence/sectors.js";
import { designedClass } from "../../../../src/studies/tfp-divergence/synth/class-design.js";
import { generateWorld } from "../../../../src/studies/tfp-divergence/synth/generate.js";
import {
  COUNTRY_YEARS,
  PARAMS,
  ROBOT_YEARS,
  WIOD_YEARS,
} from "../../../../src/studies/tfp-divergence/synth/params.js";
import { struValues } from "../../../../src/studies/tfp-divergence/synth/stru.js";

describe("Var_TFP (eq. 13) on ln TFP: how a TFP confounder reaches it", () => {
  const year = Int32Array.of(2000, 2000, 2000, 2000);

  it("rises when a cell below the group mean loses TFP and falls when a cell above the mean loses TFP", () => {
    // ln TFP 2, 3, 4, 5 (mean 3.5); a shock of −0.1 to one cell moves the mean by −0.025.
    const base = divergence(Float64Array.of(2, 3, 4, 5), year);
    const low = divergence(Float64Array.of(1.9, 3, 4, 5), year);
    const high = divergence(Float64Array.of(2, 3, 4, 4.9), year);
    expect(low[0]).toBeGreaterThan(base[0]);
    expect(high[3]).toBeLessThan(base[3]);
    // |1.9 − 3.475| / 3.475 against |2 − 3.5| / 3.5.
    expect(low[0]).toBeCloseTo(1.575 / 3.475, 12);
  });

  it("is invariant to a factor common to the group's ln TFP but not to a shift common to it", () => {
    const x = Float64Array.of(2, 3, 4, 5);
    const base = divergence(x, year);
    const scaled = divergence(
      x.map((v) => v * 1.2),
      year,
    );
    const shifted = divergence(
      x.map((v) => v + 0.5),
      year,
    );
    for (let i = 0; i < 4; i++) expect(scaled[i]).toBeCloseTo(base[i], 12);
    // The deviations stay, the mean in the denominator grows: 1.5 / 4 against 1.5 / 3.5.
    expect(shifted[0]).toBeCloseTo(1.5 / 4, 12);
    expect(shifted[0]).toBeLessThan(base[0]);
  });
});

describe("industry block of the twin: the confounders and heterogeneous effects of B.5", () => {
  const g = generateWorld(31, "tiny");
  const M = INDUSTRY_CODES.length;
  const J = g.structure.industries;
  const T = g.world.robotYears;
  const years = WIOD_YEARS.last - WIOD_YEARS.first + 1;
  const t0 = WIOD_YEARS.first - ROBOT_YEARS.first;

  /** The class's correlation of the robots' response with the TFP shock (1 outside the industry panel). */
  const panel = new Set(g.world.panel);
  const rhoOf = (e: number) =>
    panel.has(e) ? PARAMS.industry.shockLoad[designedClass(g.world.econ[e].iso3) - 1] : 1;

  /**
   * Slope of ln installations (demeaned within each economy × industry over the WIOD years, so the
   * levels drop out) on a shock series, over the cells of the economies `which` with ≥ 10
   * installations a year; the factors, trends, noise and the economy's shock are independent of it.
   */
  const slope = (which: (e: number) => boolean, shock: (c: number) => number) => {
    let sxu = 0;
    let suu = 0;
    let n = 0;
    for (const e of g.world.ifr) {
      if (!which(e)) continue;
      for (let j = 0; j < M; j++) {
        const inst = Array.from(
          { length: years },
          (_, t) => g.robots.installations[(e * J + j) * T + t0 + t],
        );
        if (inst.some((v) => v < 10)) continue;
        // The economy's investment cycle (country block) moves every industry's installations one for
        // one and is independent of the shocks: take it out, so the slope is measured without its noise.
        const x = inst.map((v, t) => Math.log(v) - g.shocks.cycle[e * T + t0 + t]);
        const u = Array.from({ length: years }, (_, t) => shock((e * M + j) * T + t0 + t));
        const mx = x.reduce((a, v) => a + v, 0) / years;
        const mu = u.reduce((a, v) => a + v, 0) / years;
        for (let t = 0; t < years; t++) {
          sxu += (x[t] - mx) * (u[t] - mu);
          suu += (u[t] - mu) ** 2;
          n += 1;
        }
      }
    }
    return { slope: sxu / suu, n };
  };

  it("lets manufacturing installations fall with the industry's TFP shock of the year at the rate `endog` × the class's `shockLoad`", () => {
    // Scaling each economy's shock by its class's loading makes the slope `endog` in every class.
    const all = slope(
      () => true,
      (c) => rhoOf(Math.floor(c / (M * T))) * g.shocks.industry[c],
    );
    expect(all.n).toBeGreaterThan(1000);
    expect(PARAMS.industry.endog).toBeLessThan(0);
    expect(Math.abs(all.slope - PARAMS.industry.endog)).toBeLessThan(0.3);
  });

  it("moves class II's robots partly with an adoption shock unrelated to TFP (industrial policy), the other classes' not less with TFP", () => {
    const P = PARAMS.industry;
    const isClass = (k: number) => (e: number) => panel.has(e) && designedClass(g.world.econ[e].iso3) === k;
    // Class II (China, Czechia, Slovakia, Korea): the TFP shock's loading is below one, the rest is policy.
    expect(P.shockLoad[1]).toBeLessThan(1);
    const policy = slope(isClass(2), (c) => g.shocks.policy[c]);
    const tfp = slope(isClass(2), (c) => g.shocks.industry[c]);
    expect(policy.n).toBeGreaterThan(50);
    const rest = Math.sqrt(1 - P.shockLoad[1] ** 2);
    expect(Math.abs(policy.slope - P.endog * rest)).toBeLessThan(0.6);
    expect(Math.abs(tfp.slope - P.endog * P.shockLoad[1])).toBeLessThan(0.6);
    // The policy shock is not a TFP shock: it is independent of the industry's TFP shock.
    let cross = 0;
    for (let c = 0; c < g.shocks.policy.length; c++) cross += g.shocks.policy[c] * g.shocks.industry[c];
    const corr = cross / (g.shocks.policy.length * P.sdU * P.sdU);
    expect(Math.abs(corr)).toBeLessThan(0.02);
    for (const k of [0, 2, 3]) expect(P.shockLoad[k]).toBeGreaterThanOrEqual(1);
  });

  it("builds each economy's robot effect from its High side, Stru and class (class IV's extra effect)", () => {
    const P = PARAMS.industry;
    const S = struValues(g.world, g.structure, g.robots);
    for (const e of g.world.panel) {
      const cls = designedClass(g.world.econ[e].iso3);
      const want =
        P.betaLow +
        P.betaHigh * g.world.highIndustry.high[e] +
        P.betaStru * (S.stru[e] - S.panelMean) +
        P.betaClass[cls - 1];
      expect(g.manuf.beta[e]).toBeCloseTo(want, 12);
    }
    expect(P.betaClass[3]).toBeGreaterThan(0);
  });

  it("scales the robot effect by industry (Table 8): within a cell, ln TFP moves with Exposure at β_e · m_j", () => {
    // Over two years of one cell the economy level, the industry level and the own-level confound
    // cancel; what is left of Δω besides RE, the controls, the trend and the shock is β_e · m_j · ΔExposure.
    const P = PARAMS.industry;
    const B = g.basics.years;
    const [t1, t2] = [3, 12];
    const lnKl = (i: number) => Math.log(g.manuf.k[i] / g.manuf.emp[i]);
    const re = (i: number) => Math.log(g.manuf.emp[i - 1] / g.manuf.emp[i]);
    for (const e of g.world.panel.slice(0, 3))
      for (let j = 0; j < M; j++) {
        const cell = e * M + j;
        const [i1, i2] = [cell * years + t1, cell * years + t2];
        const b = (t: number) => e * B + (WIOD_YEARS.first + t - COUNTRY_YEARS.first);
        const u = (t: number) => g.shocks.industry[cell * T + t0 + t];
        const rest =
          P.reTfp * (re(i2) - re(i1)) +
          P.trend * (t2 - t1) +
          P.lambda.lnweekwork * Math.log(g.manuf.hoursPerWeek[i2] / g.manuf.hoursPerWeek[i1]) +
          P.lambda.lncapital * (lnKl(i2) - lnKl(i1)) +
          P.lambda.hc * (g.basics.hc[b(t2)] - g.basics.hc[b(t1)]) +
          P.lambda.internet * (g.basics.internet[b(t2)] - g.basics.internet[b(t1)]) +
          (u(t2) - u(t1));
        const dx = g.manuf.exposure[i2] - g.manuf.exposure[i1];
        const m = (g.manuf.omega[i2] - g.manuf.omega[i1] - rest) / (g.manuf.beta[e] * dx);
        expect(m, `${g.world.econ[e].iso3} ${INDUSTRY_CODES[j]}`).toBeCloseTo(P.effectByIndustry[j], 6);
      }
  });

  it("lowers an industry's ln TFP level with its robot intensity (`levelByIntensity`) and a cell's with its own adoption level", () => {
    // In one economy and year, ω less its time-varying parts is the economy level plus the
    // industry's level by intensity plus the cell's own-level confound: the same for every industry
    // once those two are removed.
    const P = PARAMS.industry;
    const B = g.basics.years;
    const t = 7;
    const e = g.world.panel[1];
    const b = e * B + (WIOD_YEARS.first + t - COUNTRY_YEARS.first);
    const level = Array.from({ length: M }, (_, j) => {
      const cell = e * M + j;
      const i = cell * years + t;
      const varying =
        P.reTfp * Math.log(g.manuf.emp[i - 1] / g.manuf.emp[i]) +
        P.trend * t +
        g.manuf.beta[e] * P.effectByIndustry[j] * g.manuf.exposure[i] +
        P.lambda.lnweekwork * Math.log(g.manuf.hoursPerWeek[i]) +
        P.lambda.lncapital * Math.log(g.manuf.k[i] / g.manuf.emp[i]) +
        P.lambda.hc * g.basics.hc[b] +
        P.lambda.internet * g.basics.internet[b] +
        g.shocks.industry[cell * T + t0 + t];
      return (
        g.manuf.omega[i] - varying - g.manuf.confound[cell] - P.levelByIntensity * g.structure.intensity[j]
      );
    });
    for (let j = 1; j < M; j++) expect(level[j]).toBeCloseTo(level[0], 9);
    expect(P.levelByIntensity).toBeLessThan(0);
  });
});
