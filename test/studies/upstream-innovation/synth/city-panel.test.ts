import { describe, expect, it } from "vitest";
import { feols } from "../../../../src/estimate/feols.js";
import type { Column, Frame } from "../../../../src/frame/frame.js";
import { streamRng } from "../../../../src/synth/rng.js";
import { buildCityPanel } from "../../../../src/studies/upstream-innovation/synth/city-panel.js";
import {
  firstStageStrength,
  noiseScaleFor,
  type StrengthInputs,
} from "../../../../src/studies/upstream-innovation/synth/first-stage-strength.js";
import { buildFirms } from "../../../../src/studies/upstream-innovation/synth/firms.js";
import {
  provinceShortName,
  selectCities,
} from "../../../../src/studies/upstream-innovation/synth/geography.js";
import { withinCitySpread } from "../../../../src/studies/upstream-innovation/synth/instrument-spread.js";
import { PARAMS } from "../../../../src/studies/upstream-innovation/synth/parameters.js";
import { PROVINCES } from "../../../../src/studies/upstream-innovation/synth/places-data.js";
import { scaleSpec } from "../../../../src/studies/upstream-innovation/synth/scale.js";
import {
  liftedShares,
  sizedShares,
} from "../../../../src/studies/upstream-innovation/synth/target-shares.js";

function panelOf(seed: number) {
  const cities = selectCities(streamRng(seed, "cities"), 44);
  const places = PROVINCES.flatMap((p) => [provinceShortName(p.name), ...p.cities.map((c) => c[1])]);
  const firms = buildFirms(seed, scaleSpec("tiny"), cities, places);
  return buildCityPanel(seed, cities, firms);
}

/** Coefficient of us_robot in `y ~ us_robot | city + year` over the city-years. */
function slopeOf(panel: ReturnType<typeof panelOf>, y: Float64Array): number {
  const T = panel.years.length;
  const n = y.length;
  const num = (f: (k: number) => number): Column => ({
    type: "number",
    values: Float64Array.from({ length: n }, (_, k) => f(k)),
  });
  const columns: Record<string, Column> = {
    y: num((k) => y[k]),
    us_robot: num((k) => panel.usRobot[k]),
    city: num((k) => Math.floor(k / T)),
    year: num((k) => k % T),
  };
  const frame: Frame = { nrows: n, names: Object.keys(columns), columns, source: "test" };
  const b = feols(frame, "y ~ us_robot | city + year", {}).coefficients.find((c) => c.term === "us_robot");
  if (!b) throw new Error("us_robot dropped");
  return b.estimate;
}

describe("study A's city panel: the first-stage slope is one DGP parameter", () => {
  // Seeds 1 and 4: before a-robust the capped slopes made their firm-weighted first stages 1.15e-4 and 0.6e-4.
  for (const seed of [1, 4]) {
    it(`seed ${seed}: the noise-free share is exactly firstStage·us_robot plus city and year effects, every share > 0`, () => {
      const panel = panelOf(seed);
      expect(slopeOf(panel, panel.noiseFree)).toBeCloseTo(PARAMS.imports.firstStage, 12);
      // The residual of that projection is zero: no city's slope differs.
      for (const v of panel.demand) expect(v).toBeGreaterThan(0);
      expect(panel.firstStage).toBe(PARAMS.imports.firstStage);
    });
  }

  it("spreads the instrument over the cities instead of leaving it to a few (largest within-city s.d. ≤ 3× the target)", () => {
    for (const seed of [1, 3, 4]) {
      const panel = panelOf(seed);
      const { sd } = withinCitySpread(panel.usRobot, panel.cities.length, panel.years.length);
      expect(Math.max(...sd), `seed ${seed}`).toBeLessThan(3 * PARAMS.imports.instrumentSpread);
    }
  });
});

describe("target shares", () => {
  it("lifts a city to its minimum and scales the others down, keeping the sum at one", () => {
    const s = liftedShares([0.8, 0.1, 0.1], [0, 0.2, 0]);
    expect(s[1]).toBeCloseTo(0.2, 9);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(s[0] / s[2]).toBeCloseTo(8, 6);
  });

  it("refuses minimums that leave no room", () => {
    expect(() => liftedShares([0.5, 0.5], [0.5, 0.45])).toThrow(/no room/);
  });

  it("sized shares sum to one and rise with size", () => {
    const s = sizedShares([4, 1, 2], 2.5, 0.22);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(s[0]).toBeGreaterThan(s[2]);
    expect(s[2]).toBeGreaterThan(s[1]);
  });
});

describe("first-stage strength", () => {
  const inp: StrengthInputs = {
    signal: 4,
    clusterSum: Float64Array.of(1, -1, 2, 0),
    years: 2,
    unitSd: [0.1, 0.2],
    maxScale: [10, 0.5],
    slope: 1,
    target: 50,
  };

  it("is π²·signal² / Σ σ²·(cluster sum)² at a given noise scale", () => {
    // k = 1: city 0 s.d. 0.1 (sums 1, −1), city 1 capped at 0.5 × 0.2 = 0.1 (sums 2, 0).
    expect(firstStageStrength(inp, 1)).toBeCloseTo(16 / (0.01 * 2 + 0.01 * 4), 9);
  });

  it("finds the noise scale that gives the target strength", () => {
    const k = noiseScaleFor(inp);
    expect(firstStageStrength(inp, k)).toBeCloseTo(50, 6);
  });
});
