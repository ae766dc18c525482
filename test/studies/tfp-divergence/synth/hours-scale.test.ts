import { describe, expect, it } from "vitest";
import { generateWorld } from "../../../../src/studies/tfp-divergence/synth/generate.js";
import { PARAMS } from "../../../../src/studies/tfp-divergence/synth/params.js";

/** The same world with weekly hours at another scale. */
function withHoursScale(seed: number, scale: number) {
  const industry = PARAMS.industry as { hoursScale: number };
  const kept = industry.hoursScale;
  industry.hoursScale = scale;
  try {
    return generateWorld(seed, "tiny");
  } finally {
    industry.hoursScale = kept;
  }
}

const g = generateWorld(9, "tiny");
const unscaled = withHoursScale(9, 1);
const cells = Array.from(g.manuf.hoursPerWeek.keys()).filter((i) => Number.isFinite(g.manuf.hoursPerWeek[i]));

describe("weekly hours per employee in the twin (lnweekwork, the paper's Table 1)", () => {
  it("average about the paper's 36.5 hours a week (ln 3.596), scaled by `industry.hoursScale`", () => {
    const lnHours = cells.map((i) => Math.log(g.manuf.hoursPerWeek[i]));
    const mean = lnHours.reduce((a, b) => a + b, 0) / lnHours.length;
    expect(Math.abs(mean - 3.5963)).toBeLessThan(0.05);
    for (const i of cells)
      expect(Math.log(g.manuf.hoursPerWeek[i] / unscaled.manuf.hoursPerWeek[i])).toBeCloseTo(
        Math.log(0.9),
        12,
      );
  });

  it("leave industry TFP where it was: the scale moves the hours' level alone", () => {
    expect(cells.length).toBeGreaterThan(100);
    for (const i of cells) expect(g.manuf.omega[i]).toBeCloseTo(unscaled.manuf.omega[i], 12);
  });
});
