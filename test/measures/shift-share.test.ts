import { describe, expect, it } from "vitest";
import { shiftShareInstrument } from "../../src/measures/shift-share.js";

// Three cities × two industries (A, B) in 2000; US data for 2005 and 2006.
//   base employment  A: c1 10, c2 20, c3 40 → median 20;  B: c1 5, c2 0, c3 15 → median 5
//   US employment    A 100, B 50
//   US robots        A: 2005 50, 2006 100;  B: 2005 10, 2006 20
const base = {
  city: Float64Array.of(1, 1, 2, 2, 3, 3),
  industry: { codes: Int32Array.of(0, 1, 0, 1, 0, 1), levels: ["A", "B"] },
  employment: Float64Array.of(10, 5, 20, 0, 40, 15),
};
const usRobots = {
  industry: { codes: Int32Array.of(1, 0, 1, 0), levels: ["A", "B"] },
  year: Int32Array.of(2005, 2005, 2006, 2006),
  robots: Float64Array.of(10, 50, 20, 100),
};
const usEmployment = {
  industry: { codes: Int32Array.of(0, 1), levels: ["B", "A"] },
  employment: Float64Array.of(50, 100),
};

describe("shiftShareInstrument (eq. 2)", () => {
  it("weights US robots per worker by employment over the cross-city median", () => {
    const r = shiftShareInstrument({ base, usRobots, usEmployment });
    expect(Array.from(r.city as Float64Array)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(Array.from(r.year as Int32Array)).toEqual([2005, 2006, 2005, 2006, 2005, 2006]);
    // US robots per worker: A 0.5 (2005), 1 (2006); B 0.2, 0.4.
    const expected = [
      (10 / 20) * 0.5 + (5 / 5) * 0.2, // c1 2005 = 0.45
      (10 / 20) * 1 + (5 / 5) * 0.4, // c1 2006 = 0.9
      (20 / 20) * 0.5 + 0, // c2 2005 = 0.5
      (20 / 20) * 1 + 0, // c2 2006 = 1
      (40 / 20) * 0.5 + (15 / 5) * 0.2, // c3 2005 = 1.6
      (40 / 20) * 1 + (15 / 5) * 0.4, // c3 2006 = 3.2
    ];
    r.value.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i], 14);
    });
  });

  it("uses city employment shares in the plain Bartik option", () => {
    const r = shiftShareInstrument({ base, usRobots, usEmployment }, { normalization: "share" });
    const expected = [
      (10 / 15) * 0.5 + (5 / 15) * 0.2,
      (10 / 15) * 1 + (5 / 15) * 0.4,
      1 * 0.5,
      1 * 1,
      (40 / 55) * 0.5 + (15 / 55) * 0.2,
      (40 / 55) * 1 + (15 / 55) * 0.4,
    ];
    r.value.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i], 14);
    });
  });

  it("gives NaN for city-years whose US robot figure is missing, unless the weight is 0", () => {
    const robots = { ...usRobots, robots: Float64Array.of(Number.NaN, 50, 20, 100) }; // B 2005 missing
    const r = shiftShareInstrument({ base, usRobots: robots, usEmployment });
    expect(r.value[0]).toBeNaN(); // c1 2005 has B weight 1
    expect(r.value[2]).toBeCloseTo(0.5, 14); // c2 has 0 employment in B
    expect(r.value[1]).toBeCloseTo(0.9, 14);
  });

  it("reports structural problems clearly", () => {
    const dupBase = { ...base, city: Float64Array.of(1, 1, 1, 2, 3, 3) };
    expect(() => shiftShareInstrument({ base: dupBase, usRobots, usEmployment })).toThrow(
      /shiftShareInstrument: base has more than one row for city 1, industry "A"/,
    );
    const noB = { industry: { codes: Int32Array.of(0), levels: ["A"] }, employment: Float64Array.of(100) };
    expect(() => shiftShareInstrument({ base, usRobots, usEmployment: noB })).toThrow(
      /industry "B" of base \(index 1\) has no row in usEmployment/,
    );
    const zeroMedian = { ...base, employment: Float64Array.of(10, 0, 20, 0, 40, 15) };
    expect(() => shiftShareInstrument({ base: zeroMedian, usRobots, usEmployment })).toThrow(
      /median base employment of industry "B" across cities is 0/,
    );
    const short = { ...base, employment: Float64Array.of(10, 5) };
    expect(() => shiftShareInstrument({ base: short, usRobots, usEmployment })).toThrow(
      /argument "base.city" has 6 rows but "base.employment" has 2/,
    );
  });
});
