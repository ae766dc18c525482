import { describe, expect, it } from "vitest";
import type { CategoricalKey } from "../../src/measures/keys.js";
import { similarityMatch } from "../../src/measures/similarity-match.js";

// Four economies over 4 years (rows in arbitrary order, levels deliberately not alphabetical):
//   A = 1,2,3,4   B = 2,4,6,8 (= 2A)   C = 4,3,2,1   D = 1,2,3,5
// corr(A,B) = 1; corr(A,C) = corr(B,C) = −1; corr(A,D) = corr(B,D) = 6.5/√(5·8.75) ≈ 0.9827 (exact tie:
// B's deviations are exactly twice A's); corr(C,D) = −0.9827.
const series: Record<string, number[]> = {
  A: [1, 2, 3, 4],
  B: [2, 4, 6, 8],
  C: [4, 3, 2, 1],
  D: [1, 2, 3, 5],
};
const levels = ["D", "C", "B", "A"];
const codes: number[] = [];
const years: number[] = [];
const values: number[] = [];
for (const t of [3, 1, 0, 2]) {
  for (const name of ["C", "A", "D", "B"]) {
    codes.push(levels.indexOf(name));
    years.push(2000 + t);
    values.push(series[name][t]);
  }
}
const unit: CategoricalKey = { codes: Int32Array.from(codes), levels };
const time = Float64Array.from(years);
const rAD = 6.5 / Math.sqrt(5 * 8.75);

describe("similarityMatch", () => {
  it("picks the most correlated other unit; exact ties go to the smallest key", () => {
    const m = similarityMatch(Float64Array.from(values), unit, time);
    const names = (k: CategoricalKey) => Array.from(k.codes, (c) => (c < 0 ? null : k.levels[c]));
    expect(names(m.unit as CategoricalKey)).toEqual(["A", "B", "C", "D"]); // sorted by level text
    expect(names(m.match as CategoricalKey)).toEqual(["B", "A", "D", "A"]); // D: tie A/B → A
    expect(m.correlation[0]).toBeCloseTo(1, 15);
    expect(m.correlation[2]).toBeCloseTo(-rAD, 15);
    expect(m.correlation[3]).toBeCloseTo(rAD, 15);
    expect(Array.from(m.common)).toEqual([4, 4, 4, 4]);
  });

  it("uses only common non-missing periods and honours minCommon", () => {
    // Unit 1 = 1,2,3,4; unit 2 = 1,2,NaN,NaN (2 common years, r = 1); unit 3 = 4,1,3,2.
    const x = Float64Array.of(1, 2, 3, 4, 1, 2, Number.NaN, Number.NaN, 4, 1, 3, 2);
    const u = Int32Array.of(1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3);
    const t = Int32Array.of(1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4);
    const strict = similarityMatch(x, u, t); // minCommon 3: unit 2 has no candidate at all
    expect(Array.from(strict.match as Int32Array)).toEqual([3, -1, 1]);
    expect(strict.correlation[1]).toBeNaN();
    const loose = similarityMatch(x, u, t, { minCommon: 2 });
    expect((loose.match as Int32Array)[0]).toBe(2);
    expect(loose.common[0]).toBe(2);
  });

  it("rejects duplicate unit-periods and misaligned inputs", () => {
    expect(() => similarityMatch(Float64Array.of(1, 2), Int32Array.of(1, 1), Int32Array.of(5, 5))).toThrow(
      /similarityMatch: unit 1 has two rows for time 5 \(indices 0 and 1\)/,
    );
    expect(() => similarityMatch(Float64Array.of(1, 2), Int32Array.of(1), Int32Array.of(5, 6))).toThrow(
      /similarityMatch: argument "unit" has 1 rows but "series" has 2/,
    );
  });
});
