import { describe, expect, it } from "vitest";
import { generateWorld } from "../../../../src/studies/tfp-divergence/synth/generate.js";
import { PARAMS } from "../../../../src/studies/tfp-divergence/synth/params.js";

/** The same world with the economy-level shift of robot adoption switched off. */
function withoutShift(seed: number) {
  const robots = PARAMS.robots as { sdEconomy: number };
  const sd = robots.sdEconomy;
  robots.sdEconomy = 0;
  try {
    return generateWorld(seed, "default");
  } finally {
    robots.sdEconomy = sd;
  }
}

const seed = 5;
const g = generateWorld(seed, "default");
const g0 = withoutShift(seed);
const J = g.structure.industries;
const T = g.world.robotYears;

/** Log ratios of installations with and without the shift over an economy's cells of ≥ 50 robots. */
function logRatios(e: number): number[] {
  const out: number[] = [];
  for (let i = e * J * T; i < (e + 1) * J * T; i++) {
    const a = g.robots.installations[i];
    const b = g0.robots.installations[i];
    if (a >= 50 && b >= 50) out.push(Math.log(a / b));
  }
  return out;
}

const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe("the economy-level shift of robot adoption outside the industry panel (synth/robots.ts, docs/STUDIES.md B.5)", () => {
  it("leaves every industry-panel economy's robots exactly as they were", () => {
    expect(PARAMS.robots.sdEconomy).toBeGreaterThan(0);
    for (const e of g.world.panel) {
      const cells = g.robots.installations.subarray(e * J * T, (e + 1) * J * T);
      expect(Array.from(cells), g.world.econ[e].iso3).toEqual(
        Array.from(g0.robots.installations.subarray(e * J * T, (e + 1) * J * T)),
      );
    }
  });

  it("raises the other IFR economies' installations by one non-negative log shift each, of half-normal size", () => {
    const others = g.world.ifr.filter((e) => !g.world.panel.includes(e));
    expect(others.length).toBeGreaterThan(10);
    const ratios = others.map(logRatios).filter((r) => r.length > 0);
    expect(ratios.length).toBeGreaterThan(10);
    const shifts = ratios.map(mean);
    // Rounding of counts ≥ 50 moves a log ratio by ≤ 0.02.
    for (const s of shifts) expect(s).toBeGreaterThan(-0.02);
    // The half-normal's mean is sd·√(2/π) ≈ 1.2 at sd 1.5; with about 19 economies its s.e. is ≈ 0.2.
    expect(Math.abs(mean(shifts) - PARAMS.robots.sdEconomy * Math.sqrt(2 / Math.PI))).toBeLessThan(0.6);
    // One shift per economy: its cells move together (the spread within an economy is rounding only).
    ratios.forEach((r, k) => {
      for (const x of r) expect(Math.abs(x - shifts[k])).toBeLessThan(0.04);
    });
  });
});
