import { describe, expect, it } from "vitest";
import { markupDLW } from "../../src/measures/markup-dlw.js";
import { createRng } from "../../src/measures/rng.js";

/**
 * Firms with Cobb–Douglas output Q = exp(β0 + βl·l + βk·k + ω)·M^βm, price 1, materials price 1,
 * and a markup μ (1.1 for d = 0, 1.4 for d = 1): cost-minimising materials satisfy M = βm·Q/μ, so
 * the true expenditure share is βm/μ. Output is observed with error: y = ln Q + ε, ε ~ N(0, 0.2²).
 */
function simulate(seed: number, n: number) {
  const rng = createRng(seed);
  const bm = 0.5;
  const y = new Float64Array(n);
  const l = new Float64Array(n);
  const k = new Float64Array(n);
  const m = new Float64Array(n);
  const d = new Float64Array(n);
  const mu = new Float64Array(n);
  const cost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    l[i] = 2 + 0.5 * rng.normal();
    k[i] = 3 + 0.7 * rng.normal();
    const omega = 0.3 * rng.normal();
    d[i] = rng.next() < 0.4 ? 1 : 0;
    mu[i] = d[i] ? 1.4 : 1.1;
    const lnA = 0.5 + 0.3 * l[i] + 0.15 * k[i] + omega;
    // M^(1−βm) = βm·A/μ.
    m[i] = (Math.log(bm) + lnA - Math.log(mu[i])) / (1 - bm);
    const lnQ = lnA + bm * m[i];
    cost[i] = Math.exp(m[i]);
    y[i] = lnQ + 0.2 * rng.normal();
  }
  return { y, l, k, m, d, mu, cost, bm };
}

describe("markupDLW", () => {
  it("recovers the true markups with the first-stage correction", () => {
    const n = 20000;
    const s = simulate(11, n);
    const r = markupDLW({
      output: s.y,
      inputs: [s.l, s.k, s.m],
      elasticity: s.bm,
      expenditure: s.cost,
      controls: [s.d],
    });
    expect(r.nobs).toBe(n);
    // ε = y − ln Q with ln Q = m − ln βm + ln μ (from M = βm·Q/μ). The corrected markup is μ·exp(ε − ε̂) row by row.
    const eps = s.y.map((v, i) => v - (s.m[i] - Math.log(s.bm) + Math.log(s.mu[i])));
    let ss = 0;
    const logErr = [0, 0];
    const count = [0, 0];
    r.markup.forEach((v, i) => {
      expect(v).toBeCloseTo(s.mu[i] * Math.exp(eps[i] - r.epsilon[i]), 9);
      ss += (r.epsilon[i] - eps[i]) ** 2;
      logErr[s.d[i]] += Math.log(v / s.mu[i]);
      count[s.d[i]]++;
    });
    // ε̂ recovers ε up to the first stage's estimation error, RMS ≈ 0.2·√(21/n) ≈ 0.006 (sd of ε: 0.2).
    expect(Math.sqrt(ss / n)).toBeLessThan(0.015);
    // Within each markup group the mean log error is the group mean of ε (OLS makes Σ ε̂ = 0 there):
    // pure sampling noise with s.d. 0.2/√n_g, so it must lie within 3 s.d.
    for (const g of [0, 1])
      expect(Math.abs(logErr[g] / count[g])).toBeLessThan((3 * 0.2) / Math.sqrt(count[g]));
  });

  it("without the correction the measurement error passes into every markup", () => {
    const s = simulate(11, 3000);
    const r = markupDLW(
      { output: s.y, inputs: [s.l, s.k, s.m], elasticity: s.bm, expenditure: s.cost, controls: [s.d] },
      { correction: false },
    );
    let far = 0;
    r.markup.forEach((v, i) => {
      // Uncorrected markup = μ·exp(ε): exactly so, row by row.
      expect(v).toBeCloseTo(
        s.mu[i] * Math.exp(s.y[i] - (Math.log(s.cost[i]) - Math.log(s.bm) + Math.log(s.mu[i]))),
        9,
      );
      if (Math.abs(v / s.mu[i] - 1) > 0.1) far++;
    });
    expect(far).toBeGreaterThan(3000 * 0.5);
  });

  it("accepts a per-row elasticity and gives NaN where data are missing", () => {
    const s = simulate(3, 200);
    const theta = new Float64Array(200).fill(s.bm);
    theta[5] = Number.NaN;
    const y = Float64Array.from(s.y);
    y[7] = Number.NaN;
    const cost = Float64Array.from(s.cost);
    cost[9] = 0;
    const r = markupDLW({
      output: y,
      inputs: [s.l, s.k, s.m],
      elasticity: theta,
      expenditure: cost,
      controls: [s.d],
    });
    expect(r.markup[5]).toBeNaN();
    expect(r.markup[7]).toBeNaN();
    expect(r.epsilon[7]).toBeNaN();
    expect(r.markup[9]).toBeNaN();
    expect(r.nobs).toBe(199);
  });

  it("explains bad input", () => {
    const s = simulate(3, 50);
    expect(() =>
      markupDLW({ output: s.y, inputs: [s.l, s.k.subarray(1)], elasticity: 0.5, expenditure: s.cost }),
    ).toThrow(/markupDLW: argument "inputs\[1\]" has 49 rows but "output" has 50/);
    const neg = Float64Array.from(s.cost);
    neg[3] = -1;
    expect(() => markupDLW({ output: s.y, inputs: [s.l], elasticity: 0.5, expenditure: neg })).toThrow(
      /markupDLW: expenditure is negative \(-1\) at index 3/,
    );
    expect(() => markupDLW({ output: s.y, inputs: [], elasticity: 0.5, expenditure: s.cost })).toThrow(
      /markupDLW: argument "inputs" must be a non-empty array/,
    );
  });
});
