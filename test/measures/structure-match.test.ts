import { describe, expect, it } from "vitest";
import { structureMatch } from "../../src/measures/structure-match.js";

describe("structureMatch (eq. 19)", () => {
  // Global installations: X 30 + 30 = 60, Y 40 → rob = 100, shares X 0.6, Y 0.4.
  const robots = {
    industry: { codes: Int32Array.of(0, 0, 1), levels: ["X", "Y"] },
    robots: Float64Array.of(30, 30, 40),
  };

  it("weights each economy's base employment shares by global robot shares", () => {
    const employment = {
      unit: Int32Array.of(1, 1, 2, 3, 3),
      industry: { codes: Int32Array.of(1, 0, 0, 0, 1), levels: ["Y", "X"] },
      employment: Float64Array.of(10, 30, 5, 1, Number.NaN),
    };
    const s = structureMatch({ robots, employment });
    expect(Array.from(s.unit as Int32Array)).toEqual([1, 2, 3]);
    // E1: X 10/40, Y 30/40 → 0.6·0.25 + 0.4·0.75 = 0.45; E2: only Y → 0.4; E3 has a missing value → NaN.
    expect(s.value[0]).toBeCloseTo(0.45, 15);
    expect(s.value[1]).toBeCloseTo(0.4, 15);
    expect(s.value[2]).toBeNaN();
  });

  it("reports industries without robot data, missing robot values and misaligned columns", () => {
    const employment = {
      unit: Int32Array.of(1),
      industry: { codes: Int32Array.of(0), levels: ["Z"] },
      employment: Float64Array.of(1),
    };
    expect(() => structureMatch({ robots, employment })).toThrow(
      /structureMatch: industry "Z" \(employment index 0\) has no robot rows/,
    );
    const holey = { ...robots, robots: Float64Array.of(30, Number.NaN, 40) };
    const emp2 = {
      unit: Int32Array.of(1),
      industry: { codes: Int32Array.of(0), levels: ["X"] },
      employment: Float64Array.of(1),
    };
    expect(() => structureMatch({ robots: holey, employment: emp2 })).toThrow(
      /structureMatch: robots.robots is missing at index 1/,
    );
    expect(() =>
      structureMatch({ robots: { ...robots, robots: Float64Array.of(1) }, employment: emp2 }),
    ).toThrow(/structureMatch: argument "robots.industry" has 3 rows but "robots.robots" has 1/);
  });
});
