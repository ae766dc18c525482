import { describe, expect, it } from "vitest";
import { generateWorld } from "../../../../src/studies/tfp-divergence/synth/generate.js";
import { PARAMS, WIOD_YEARS, ROBOT_YEARS } from "../../../../src/studies/tfp-divergence/synth/params.js";

const g = generateWorld(11, "tiny");
const J = g.structure.industries;
const T = g.world.robotYears;
const t0 = WIOD_YEARS.first - ROBOT_YEARS.first;
const years = WIOD_YEARS.last - WIOD_YEARS.first + 1;

/**
 * Slope of ln(series) on the economy's investment cycle, both demeaned within each economy ×
 * industry over 2000–2014 (cells that never fall below 10 robots, so rounding is negligible).
 */
function slopeOnCycle(series: Float64Array): number {
  let sxc = 0;
  let scc = 0;
  for (const e of g.world.ifr)
    for (let j = 0; j < J; j++) {
      const v = Array.from({ length: years }, (_, t) => series[(e * J + j) * T + t0 + t]);
      if (v.some((x) => x < 10)) continue;
      const x = v.map(Math.log);
      const c = Array.from({ length: years }, (_, t) => g.shocks.cycle[e * T + t0 + t]);
      const mx = x.reduce((a, b) => a + b, 0) / years;
      const mc = c.reduce((a, b) => a + b, 0) / years;
      for (let t = 0; t < years; t++) {
        sxc += (x[t] - mx) * (c[t] - mc);
        scc += (c[t] - mc) ** 2;
      }
    }
  return sxc / scc;
}

describe("the economy's investment cycle in robot installations (synth/shocks.ts, docs/STUDIES.md B.5)", () => {
  it("draws one iid normal cycle per economy × year with s.d. sdCycle and mean −sd²/2", () => {
    const sd = PARAMS.country.sdCycle;
    expect(sd).toBeGreaterThan(0);
    const c = Array.from(g.world.ifr.flatMap((e) => Array.from(g.shocks.cycle.subarray(e * T, (e + 1) * T))));
    const m = c.reduce((a, b) => a + b, 0) / c.length;
    const s = Math.sqrt(c.reduce((a, b) => a + (b - m) ** 2, 0) / (c.length - 1));
    // About 1,200 draws at tiny scale: the sample mean is within 4 standard errors, the s.d. within 10%.
    expect(Math.abs(m + (sd * sd) / 2)).toBeLessThan((4 * sd) / Math.sqrt(c.length));
    expect(Math.abs(s / sd - 1)).toBeLessThan(0.1);
  });

  it("moves every industry's installations one for one, while the stock (a 12-year sum) hardly moves", () => {
    // The installations' other terms (factors, trends, noise, TFP shocks) are independent of the cycle.
    expect(Math.abs(slopeOnCycle(g.robots.installations) - 1)).toBeLessThan(0.15);
    // The year's installations are about a tenth of the stock: its response is small.
    expect(Math.abs(slopeOnCycle(g.robots.stock))).toBeLessThan(0.25);
  });
});
