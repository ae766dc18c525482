import { describe, expect, it } from "vitest";
import { markupDLW } from "../../src/measures/markup-dlw.js";
import { nelderMead } from "../../src/measures/nelder-mead.js";
import { productionGmm } from "../../src/measures/production-gmm.js";
import { simulateGrossOutput as simulate } from "./simulate-gross-output.js";

describe("nelderMead", () => {
  it("finds the minimum of a smooth function and avoids non-finite regions", () => {
    const r = nelderMead(([a, b]) => (a - 1) ** 2 + 10 * (b + 2) ** 2 + (a < -5 ? Number.NaN : 0), [0, 0]);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(-2, 5);
    expect(r.converged).toBe(true);
    expect(() => nelderMead(() => 0, [Number.NaN])).toThrow(/finite numbers/);
  });
});

describe("productionGmm (gross output, AR(1) productivity, ACF timing)", () => {
  const sim = simulate(101, 400, 10);
  const fit = productionGmm({
    output: sim.y,
    labor: sim.l,
    capital: sim.k,
    materials: sim.m,
    id: sim.id,
    time: sim.year,
  });

  it("recovers the materials elasticity where OLS is biased up by productivity", () => {
    // Monte Carlo (400 firms × 10 years, seeds 11–18 and 100–105): θ_m 0.57–0.65 (truth 0.6, mean
    // ≈ 0.62: a small upward bias of one-step GMM), OLS 0.76–0.79.
    expect(Math.abs(fit.materials - 0.6)).toBeLessThan(0.06);
    expect(fit.ols.materials - 0.6).toBeGreaterThan(0.12);
    expect(Math.abs(fit.capital - 0.1)).toBeLessThan(0.06);
    expect(Math.abs(fit.labor - 0.25)).toBeLessThan(0.08);
    expect(fit.rho).toBeGreaterThan(0.55);
    expect(fit.rho).toBeLessThan(0.85);
    expect(fit.nobs).toBe(400 * 8);
  });

  it("gives DLW markups centred on the true 1 with its elasticity, not with OLS's", () => {
    const args = { output: sim.y, inputs: [sim.l, sim.k, sim.m], expenditure: sim.cost };
    const median = (v: Float64Array) => {
      const s = Array.from(v).sort((a, b) => a - b);
      return s[s.length >> 1];
    };
    const gmm = median(markupDLW({ ...args, elasticity: fit.materials }).markup);
    const ols = median(markupDLW({ ...args, elasticity: fit.ols.materials }).markup);
    expect(Math.abs(gmm - 1)).toBeLessThan(0.1);
    expect(ols - 1).toBeGreaterThan(0.2);
  });

  it("breaks the lags at gaps and explains too short a panel", () => {
    const short = simulate(5, 20, 2);
    expect(() =>
      productionGmm({
        output: short.y,
        labor: short.l,
        capital: short.k,
        materials: short.m,
        id: short.id,
        time: short.year,
      }),
    ).toThrow(/two previous years/);
  });
});
