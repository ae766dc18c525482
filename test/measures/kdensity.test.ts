import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kdensity } from "../../src/measures/kdensity.js";

const EPAN0 = 3 / (4 * Math.sqrt(5)); // Stata's Epanechnikov kernel at 0: 0.3354102

describe("kdensity (Stata defaults)", () => {
  it("worked example, IQR branch: x = 1, 2, 3, 4, 100", () => {
    // s.d. = √(Σ(x − 22)²/4) = √(8410/4) ≈ 45.85, far above IQR/1.349:
    //   _pctile p25: P = 5·25/100 = 1.25 → x(2) = 2; p75: P = 3.75 → x(4) = 4; IQR = 2 → 2/1.349 = 1.482580.
    //   h = 0.9 · 1.482580 · 5^(−1/5) = 0.9 · 1.482580 · 0.724780 = 0.967089.
    const x = Float64Array.of(4, 100, 1, Number.NaN, 3, 2);
    const r = kdensity(x);
    const h = 0.9 * (2 / 1.349) * 5 ** -0.2;
    expect(r.bandwidth).toBeCloseTo(h, 14);
    expect(r.bandwidth).toBeCloseTo(0.967089, 6);
    expect(r.kernel).toBe("epanechnikov");
    // Grid: min(N, 50) = 5 points from min − h = 0.032911 to max + h = 100.967089, step (99 + 2h)/4.
    expect(r.at.length).toBe(5);
    expect(r.at[0]).toBeCloseTo(1 - h, 14);
    expect(r.at[4]).toBeCloseTo(100 + h, 12);
    expect(r.at[1] - r.at[0]).toBeCloseTo((99 + 2 * h) / 4, 12);
    // Density at 2.5: u = 1.5/h = 1.5510461 (x = 1, 4) and 0.5/h = 0.5170154 (x = 2, 3); 100 is out of reach.
    //   K(1.5510461) = 0.3354102·(1 − 2.4057440/5) = 0.1740280; K(0.5170154) = 0.3354102·(1 − 0.2673049/5) = 0.3174788.
    //   f(2.5) = 2·(0.1740280 + 0.3174788) / (5·0.9670892) = 0.9830136 / 4.8354462 = 0.2032933.
    // Density at 100: only x = 100 at u = 0: K(0)/(5h) = 0.335410 / 4.835446 = 0.069365.
    const at = kdensity(x, { at: Float64Array.of(2.5, 100, 1000, Number.NaN) }).density;
    expect(at[0]).toBeCloseTo(0.2032933, 6);
    expect(at[1]).toBeCloseTo(EPAN0 / (5 * h), 14);
    expect(at[1]).toBeCloseTo(0.069365, 6);
    expect(at[2]).toBe(0);
    expect(at[3]).toBeNaN();
  });

  it("worked example, s.d. branch: x = 1…10", () => {
    // mean 5.5, Σ(x − 5.5)² = 82.5, s.d. = √(82.5/9) = 3.027650; IQR: p25 P = 2.5 → x(3) = 3, p75 P = 7.5 → x(8) = 8,
    // IQR/1.349 = 3.706449 > s.d. → h = 0.9 · 3.027650 · 10^(−1/5) = 0.9 · 3.027650 · 0.630957 = 1.719286.
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    const r = kdensity(x, { at: Float64Array.of(5.5) });
    expect(r.bandwidth).toBeCloseTo(0.9 * Math.sqrt(82.5 / 9) * 10 ** -0.2, 14);
    expect(r.bandwidth).toBeCloseTo(1.719286, 6);
    // At 5.5 the points within √5·h = 3.8444 are 2…9: u = ±0.5/h, ±1.5/h, ±2.5/h, ±3.5/h.
    const h = r.bandwidth;
    const K = (u: number) => EPAN0 * (1 - (u * u) / 5);
    const expected = (2 * (K(0.5 / h) + K(1.5 / h) + K(2.5 / h) + K(3.5 / h))) / (10 * h);
    expect(r.density[0]).toBeCloseTo(expected, 14);
    expect(r.density[0]).toBeCloseTo(0.100631, 6);
  });

  it("takes a user bandwidth, the Gaussian kernel and a custom number of points", () => {
    const x = Float64Array.of(0, 1);
    const r = kdensity(x, { bandwidth: 0.5, kernel: "gaussian", n: 3 });
    // Grid −0.5, 0.5, 1.5; f(0.5) = 2·φ(1) / (2·0.5) = 2·0.2419707.
    expect(Array.from(r.at)).toEqual([-0.5, 0.5, 1.5]);
    expect(r.density[1]).toBeCloseTo((2 * Math.exp(-0.5)) / Math.sqrt(2 * Math.PI), 14);
  });

  it("with fweights equals the estimate on the expanded data (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 4 })), {
          minLength: 3,
          maxLength: 15,
        }),
        (pairs) => {
          const x = Float64Array.from(pairs, ([v]) => v / 7);
          const w = Float64Array.from(pairs, ([, f]) => f);
          const expanded = Float64Array.from(pairs.flatMap(([v, f]) => new Array<number>(f).fill(v / 7)));
          const distinct = new Set(expanded).size;
          fc.pre(distinct > 1);
          const at = Float64Array.of(-3, 0, 2.5);
          const a = kdensity(x, { weights: w, weightType: "fweight", at });
          const b = kdensity(expanded, { at });
          expect(a.bandwidth).toBeCloseTo(b.bandwidth, 12);
          a.density.forEach((v, i) => {
            expect(v).toBeCloseTo(b.density[i], 12);
          });
        },
      ),
    );
  });

  it("with aweights is unchanged by rescaling the weights, and equal weights reproduce the unweighted estimate", () => {
    const x = Float64Array.of(1, 2, 2.5, 4, 7, 7.5);
    const w = Float64Array.of(1, 2, 1, 3, 1, 2);
    const a = kdensity(x, { weights: w });
    const b = kdensity(x, { weights: w.map((v) => v * 10) });
    a.density.forEach((v, i) => {
      expect(b.density[i]).toBeCloseTo(v, 14);
    });
    const c = kdensity(x, { weights: new Float64Array(6).fill(3) });
    const d = kdensity(x);
    c.density.forEach((v, i) => {
      expect(d.density[i]).toBeCloseTo(v, 14);
    });
  });

  it("explains bad input", () => {
    expect(() => kdensity(Float64Array.of(2, 2, 2))).toThrow(
      /kdensity: x has no spread .* pass \{ bandwidth \}/,
    );
    expect(() => kdensity(Float64Array.of(Number.NaN))).toThrow(/kdensity: x has no non-missing value/);
    expect(() => kdensity(Float64Array.of(1, 2), { weights: Float64Array.of(1) })).toThrow(
      /kdensity: argument "weights" has 1 rows but "x" has 2/,
    );
    expect(() => kdensity(Float64Array.of(1, 2), { kernel: "box" as "gaussian" })).toThrow(
      /kdensity: unknown kernel "box"/,
    );
    expect(() => kdensity(Float64Array.of(1, 2), { weights: Float64Array.of(1, -1) })).toThrow(
      /kdensity: weights must be finite and ≥ 0, found -1 at index 1/,
    );
  });
});
