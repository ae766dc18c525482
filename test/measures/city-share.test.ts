import { describe, expect, it } from "vitest";
import { cityShare } from "../../src/measures/city-share.js";

describe("cityShare (robot_jt)", () => {
  it("divides each city's sum by the national sum of its year, summing transaction rows", () => {
    // 2000: city A 1 + 2 = 3, city B 1 → national 4: A 0.75, B 0.25.
    // 2001: city A 6, city B 2 → national 8: A 0.75, B 0.25; a missing value is skipped (Stata collapse/egen total).
    const value = Float64Array.of(1, 2, 1, 6, 2, Number.NaN);
    const city = { codes: Int32Array.of(0, 0, 1, 0, 1, 1), levels: ["A", "B"] };
    const year = Int32Array.of(2000, 2000, 2000, 2001, 2001, 2001);
    expect(Array.from(cityShare(value, city, year))).toEqual([0.75, 0.75, 0.25, 0.75, 0.25, 0.25]);
  });

  it("gives NaN for an all-missing cell and for a year with zero imports", () => {
    // Year 1: city 1 all missing → NaN, city 2 has the whole total → 1; year 2: total 0 → NaN; missing city → NaN.
    const out = cityShare(
      Float64Array.of(Number.NaN, 2, 0, 0, 5),
      Int32Array.of(1, 2, 1, 2, -1),
      Int32Array.of(1, 1, 2, 2, 1),
    );
    expect(Array.from(out)).toEqual([Number.NaN, 1, Number.NaN, Number.NaN, Number.NaN]);
  });

  it("rejects negative values and misaligned keys", () => {
    expect(() => cityShare(Float64Array.of(-1), Int32Array.of(1), Int32Array.of(1))).toThrow(
      /cityShare: value is negative \(-1\) at index 0/,
    );
    expect(() => cityShare(Float64Array.of(1, 2), Int32Array.of(1, 2), Int32Array.of(1))).toThrow(
      /cityShare: argument "time" has 1 rows but "value" has 2/,
    );
  });
});
