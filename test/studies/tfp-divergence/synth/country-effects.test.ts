import { describe, expect, it } from "vitest";
import { INDUSTRY_CODES } from "../../../../src/studies/tfp-divergence/sectors.js";
import { generateWorld } from "../../../../src/studies/tfp-divergence/synth/generate.js";
import { COUNTRY_YEARS, PARAMS, ROBOT_YEARS } from "../../../../src/studies/tfp-divergence/synth/params.js";
import { struValues } from "../../../../src/studies/tfp-divergence/synth/stru.js";

const g = generateWorld(7, "tiny");
const w = g.world;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Eq. (19) by hand: global 2000–2014 installation shares times the economy's 2000 employment shares. */
function struByHand(e: number): number {
  const J = g.structure.industries;
  const T = w.robotYears;
  const M = INDUSTRY_CODES.length;
  const global = Array.from({ length: M }, (_, j) => {
    let s = 0;
    for (const f of w.ifr)
      for (let y = 2000; y <= 2014; y++)
        s += g.robots.installations[(f * J + j) * T + (y - ROBOT_YEARS.first)];
    return s;
  });
  const total = global.reduce((a, b) => a + b, 0);
  const emp = Array.from({ length: M }, (_, j) => g.structure.emp2000[e * J + j]);
  const empTotal = emp.reduce((a, b) => a + b, 0);
  return global.reduce((s, r, j) => s + (r / total) * (emp[j] / empTotal), 0);
}

describe("the country robot effect and Stru (synth/country-tfp.ts, synth/stru.ts)", () => {
  const S = struValues(w, g.structure, g.robots);

  it("computes Stru by eq. (19) and its means over the industry panel and over the country panel", () => {
    for (const e of w.ifr) expect(S.stru[e]).toBeCloseTo(struByHand(e), 12);
    expect(S.panelMean).toBeCloseTo(mean(w.panel.map((e) => S.stru[e])), 12);
    expect(S.ifrMean).toBeCloseTo(mean(w.ifr.map((e) => S.stru[e])), 12);
    // The country panel adds economies outside WIOD: the two means differ.
    expect(Math.abs(S.ifrMean - S.panelMean)).toBeGreaterThan(1e-6);
  });

  it("centres the Stru term at the country panel's mean: the mean effect is betaLow + betaHigh·(share High)", () => {
    const P = PARAMS.country;
    const beta = w.ifr.map((e) => g.country.beta[e]);
    const shareHigh = mean(w.ifr.map((e) => w.highCountry.high[e]));
    expect(mean(beta)).toBeCloseTo(P.betaLow + P.betaHigh * shareHigh, 12);
  });

  it("anchors each economy's level in 2000, the year of its PWT 10.01 target: noise-free ctfp of 2000 = target", () => {
    const usa = w.econ.findIndex((x) => x.iso3 === "USA");
    /** ln ctfp without the TFP shocks of the economy and of the US in a year. */
    const noiseFree = (e: number, year: number) => {
      const at = (f: number) =>
        g.country.lnA[f * g.country.years + (year - COUNTRY_YEARS.first)] -
        g.shocks.country[f * w.robotYears + (year - ROBOT_YEARS.first)];
      return at(e) - at(usa);
    };
    w.econ.forEach((_, e) => {
      const target = w.ifr.includes(e) ? w.highCountry.target[e] : w.countryTfp[e];
      expect(noiseFree(e, 2000)).toBeCloseTo(Math.log(target), 10);
    });
    // In 1994 the levels have moved with the robot effects since (the US's effect is among the largest).
    const gap94 = w.ifr.map((e) => noiseFree(e, 1994) - Math.log(w.highCountry.target[e]));
    expect(Math.max(...gap94.map(Math.abs))).toBeGreaterThan(1e-3);
  });

  it("raises each economy's effect by betaStru per unit of Stru, and by betaHigh for High economies", () => {
    const P = PARAMS.country;
    for (const e of w.ifr) {
      const expected = P.betaLow + P.betaHigh * w.highCountry.high[e] + P.betaStru * (S.stru[e] - S.ifrMean);
      expect(g.country.beta[e]).toBeCloseTo(expected, 12);
    }
    // Two economies of the same High group: the difference of their effects is betaStru × ΔStru.
    const group = w.ifr.filter((e) => w.highCountry.high[e] === 0);
    const [a, b] = [group[0], group[group.length - 1]];
    expect(g.country.beta[a] - g.country.beta[b]).toBeCloseTo(P.betaStru * (S.stru[a] - S.stru[b]), 12);
  });
});
