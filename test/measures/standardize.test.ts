import { describe, expect, it } from "vitest";
import { standardize } from "../../src/measures/standardize.js";

describe("standardize", () => {
  it("subtracts the mean and divides by the n−1 standard deviation, ignoring missing", () => {
    // 2, 4, 6, 8: mean 5, Σ(x−5)² = 9+1+1+9 = 20, s.d. = √(20/3).
    const z = standardize(Float64Array.of(2, 4, Number.NaN, 6, 8));
    const sd = Math.sqrt(20 / 3);
    expect(z[0]).toBeCloseTo(-3 / sd, 15);
    expect(z[1]).toBeCloseTo(-1 / sd, 15);
    expect(z[2]).toBeNaN();
    expect(z[4]).toBeCloseTo(3 / sd, 15);
  });

  it("standardises within groups; a constant group gives NaN (as egen std())", () => {
    const z = standardize(Float64Array.of(1, 3, 5, 5), { by: Int32Array.of(1, 1, 2, 2) });
    // group 1: mean 2, s.d. √2 → ∓1/√2; group 2: s.d. 0 → NaN.
    expect(z[0]).toBeCloseTo(-1 / Math.SQRT2, 15);
    expect(z[1]).toBeCloseTo(1 / Math.SQRT2, 15);
    expect(z[2]).toBeNaN();
    expect(z[3]).toBeNaN();
  });

  it("refuses a constant or single-valued column without groups", () => {
    expect(() => standardize(Float64Array.of(3, 3, 3))).toThrow(
      /standardize: x has 3 non-missing value\(s\) and zero standard deviation/,
    );
    expect(() => standardize(Float64Array.of(3, Number.NaN))).toThrow(
      /standardize: x has 1 non-missing value/,
    );
  });

  it("names misaligned arguments", () => {
    expect(() => standardize(Float64Array.of(1, 2), { by: Float64Array.of(1) })).toThrow(
      /standardize: argument "by" has 1 rows but "x" has 2/,
    );
  });
});
