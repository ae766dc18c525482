import { afterEach, describe, expect, it } from "vitest";
import { generateWorld } from "../../../../src/studies/tfp-divergence/synth/generate.js";
import { PARAMS } from "../../../../src/studies/tfp-divergence/synth/params.js";
import { struValues } from "../../../../src/studies/tfp-divergence/synth/stru.js";

const structure = PARAMS.structure as { tiltScale: number };
const tiltScale = structure.tiltScale;
afterEach(() => {
  structure.tiltScale = tiltScale;
});

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean and s.d. of Stru over the industry panel, and the High − Low gap of its mean over the country panel. */
function struMoments(seed: number) {
  const g = generateWorld(seed, "default");
  const w = g.world;
  const S = struValues(w, g.structure, g.robots);
  const panel = w.panel.map((e) => S.stru[e]);
  const m = mean(panel);
  const sd = Math.sqrt(mean(panel.map((x) => (x - m) ** 2)));
  const group = (h: number) => w.ifr.filter((e) => w.highCountry.high[e] === h).map((e) => S.stru[e]);
  return { mean: m, sd, gap: mean(group(1)) - mean(group(0)) };
}

describe("Stru's spread (synth/industry-structure.ts, structure.tiltScale; docs/STUDIES.md B.5)", () => {
  it("has about the paper's mean and spread (≈ 0.069 and ≈ 0.008), High economies above Low", () => {
    for (const seed of [1, 2]) {
      const s = struMoments(seed);
      expect(s.mean).toBeGreaterThan(0.06);
      expect(s.mean).toBeLessThan(0.08);
      expect(s.sd).toBeGreaterThan(0.006);
      expect(s.sd).toBeLessThan(0.013);
      expect(s.gap).toBeGreaterThan(0.005);
    }
  });

  it("takes its spread from the mix's tilt along the robot intensities: the full tilt is over twice as dispersed", () => {
    const narrow = struMoments(1);
    structure.tiltScale = 1;
    const wide = struMoments(1);
    expect(wide.sd / narrow.sd).toBeGreaterThan(2);
    expect(wide.gap / narrow.gap).toBeGreaterThan(2);
  });
});
