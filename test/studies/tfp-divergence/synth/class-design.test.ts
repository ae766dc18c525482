/**
 * The paper's classes I–IV (Table 9: 2,940 / 840 / 3,780 / 1,050 rows = 14 / 4 / 18 / 5 economies)
 * hold in every generated world: each industry-panel economy's ctfp of 2000 and robots installed
 * 2000–2019 per manufacturing worker fall on its designed side of the panel means.
 */
import { describe, expect, it } from "vitest";
import {
  CLASS_DESIGN,
  designedClass,
  pushOff,
} from "../../../../src/studies/tfp-divergence/synth/class-design.js";
import { ECONOMIES } from "../../../../src/studies/tfp-divergence/synth/economies.js";
import { generateWorld } from "../../../../src/studies/tfp-divergence/synth/generate.js";
import { COUNTRY_YEARS, ROBOT_YEARS } from "../../../../src/studies/tfp-divergence/synth/params.js";
import { INDUSTRY_CODES } from "../../../../src/studies/tfp-divergence/sectors.js";

describe("class design of study B's twin", () => {
  it("assigns the paper's 14 / 4 / 18 / 5 economies, with China, Czechia, Slovakia in II and Norway, Ireland, the UK in IV", () => {
    const panel = ECONOMIES.filter((e) => e.coverage === "both").map((e) => e.iso3);
    expect(Object.keys(CLASS_DESIGN).sort()).toEqual([...panel].sort());
    const count = [1, 2, 3, 4].map((c) => panel.filter((iso) => designedClass(iso) === c).length);
    expect(count).toEqual([14, 4, 18, 5]);
    for (const iso of ["CHN", "CZE", "SVK"]) expect(designedClass(iso)).toBe(2);
    for (const iso of ["NOR", "IRL", "GBR"]) expect(designedClass(iso)).toBe(4);
    expect(() => designedClass("ARG")).toThrow(/ARG.*no class/);
  });

  it("pushOff moves members within the margin to their side of the mean, and leaves fixed ones", () => {
    const logs = Float64Array.of(0, 0.05, -1, 1);
    const shift = pushOff(logs, [1, -1, -1, 1], 0.2, [true, false, false, false]);
    expect(shift[0]).toBe(0);
    const moved = Array.from(logs, (v, k) => v + shift[k]);
    const mean = Math.log(moved.reduce((a, v) => a + Math.exp(v), 0) / moved.length);
    expect(moved[1] - mean).toBeLessThanOrEqual(-0.2 + 1e-6);
    expect(shift[2]).toBe(0);
    expect(shift[3]).toBe(0);
  });

  it("puts every industry-panel economy in its class in generated worlds (ctfp 2000, robots per worker)", () => {
    for (const seed of [1, 2, 3]) {
      const g = generateWorld(seed, "default");
      const J = g.structure.industries;
      const T = g.world.robotYears;
      const ctfp = g.world.panel.map(
        (e) => g.country.ctfp[e * g.country.years + (2000 - COUNTRY_YEARS.first)],
      );
      const robots = g.world.panel.map((e) => {
        let installs = 0;
        let emp = 0;
        for (let j = 0; j < INDUSTRY_CODES.length; j++) {
          emp += g.structure.emp2000[e * J + j];
          for (let y = 2000; y <= 2019; y++)
            installs += g.robots.installations[(e * J + j) * T + (y - ROBOT_YEARS.first)];
        }
        return installs / emp;
      });
      const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
      const mc = mean(ctfp);
      const mr = mean(robots);
      g.world.panel.forEach((e, k) => {
        const high = ctfp[k] > mc;
        const many = robots[k] > mr;
        const cls = high ? (many ? 1 : 4) : many ? 2 : 3;
        expect(cls, `seed ${seed}: ${g.world.econ[e].iso3}`).toBe(designedClass(g.world.econ[e].iso3));
      });
    }
  });
});
