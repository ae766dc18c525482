import { describe, expect, it } from "vitest";
import { pctile, sortedPctile, weightedSortedPctile } from "../../src/measures/percentile.js";

describe("pctile (Stata _pctile definition)", () => {
  it("averages x(i) and x(i+1) when n·p/100 is an integer i", () => {
    // n = 4, p = 25: P = 1 → (x(1) + x(2)) / 2 = (1 + 2) / 2.
    expect(pctile(Float64Array.of(4, 2, 1, 3), 25)).toBe(1.5);
    // p = 50: P = 2 → (2 + 3) / 2.
    expect(pctile(Float64Array.of(4, 2, 1, 3), 50)).toBe(2.5);
  });

  it("takes x(⌈n·p/100⌉) otherwise, ignoring missing values", () => {
    // n = 5 non-missing (1..5), p = 25: P = 1.25 → x(2) = 2; p = 75: P = 3.75 → x(4) = 4.
    const x = Float64Array.of(5, Number.NaN, 1, 4, 2, 3);
    expect(pctile(x, 25)).toBe(2);
    expect(pctile(x, 75)).toBe(4);
  });

  it("treats n·p/100 within 1e-12 of an integer as that integer (n = 3000, p = 1.1)", () => {
    const x = Float64Array.from({ length: 3000 }, (_, i) => i + 1);
    // 3000·1.1/100 = 33.00000000000001 in binary; read as P = 33 → (x(33) + x(34)) / 2 = 33.5, not x(34).
    expect((3000 * 1.1) / 100).not.toBe(33);
    expect(pctile(x, 1.1)).toBe(33.5);
  });

  it("uses cumulative weights: W_i = P averages, otherwise the first x with W_i > P", () => {
    // values 1,2,3 with weights 1,1,2: W = 4. p = 50: P = 2 = W_2 → (2 + 3) / 2.
    expect(weightedSortedPctile(Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 2), 50)).toBe(2.5);
    // p = 60: P = 2.4, W_3 = 4 > 2.4 → 3.
    expect(weightedSortedPctile(Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 2), 60)).toBe(3);
    // Unit weights reproduce the unweighted definition.
    const v = Float64Array.of(1, 2, 3, 4, 5, 6, 7);
    for (const p of [1, 10, 25, 50, 60, 75, 99]) {
      expect(weightedSortedPctile(v, new Float64Array(7).fill(1), p)).toBe(sortedPctile(v, p));
    }
  });

  it("is NaN with no data and rejects p outside [0, 100]", () => {
    expect(pctile(Float64Array.of(Number.NaN), 50)).toBeNaN();
    expect(() => pctile(Float64Array.of(1), 101)).toThrow(/pctile: argument "p" must be/);
  });
});
