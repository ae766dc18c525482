import { describe, expect, it } from "vitest";
import { matchedInstrument } from "../../src/measures/matched-instrument.js";

describe("matchedInstrument (eq. 17)", () => {
  // Economies 1, 2, 3 × industries 10, 20 × year 2000 (plus one 2001 row for economy 1).
  const unit = Float64Array.of(1, 1, 2, 2, 3, 3, 1);
  const cell = Float64Array.of(10, 20, 10, 20, 10, 20, 10);
  const time = Float64Array.of(2000, 2000, 2000, 2000, 2000, 2000, 2001);
  const robots = Float64Array.of(9, 19, 99, 199, 0, 1, 14);
  const base = Float64Array.of(1, 2, 4, 5, 10, 0);
  const baseEmployment = Float64Array.of(...base, 1);
  const match = { unit: Float64Array.of(1, 2, 3), match: Float64Array.of(2, 1, Number.NaN) };

  it("uses the matched economy's robots in the same industry-year over own base employment", () => {
    const iv = matchedInstrument({ robots, baseEmployment, unit, time, cell, match });
    expect(iv[0]).toBeCloseTo(Math.log((99 + 1) / 1), 15); // economy 1 ← 2, industry 10
    expect(iv[1]).toBeCloseTo(Math.log((199 + 1) / 2), 15);
    expect(iv[2]).toBeCloseTo(Math.log((9 + 1) / 4), 15); // economy 2 ← 1
    expect(iv[3]).toBeCloseTo(Math.log((19 + 1) / 5), 15);
    expect(iv[4]).toBeNaN(); // economy 3 has no match
    expect(iv[5]).toBeNaN();
    expect(iv[6]).toBeNaN(); // economy 2 has no 2001 row
  });

  it("works without an industry key (economy panel)", () => {
    const iv = matchedInstrument({
      robots: Float64Array.of(3, 7),
      baseEmployment: Float64Array.of(2, 4),
      unit: Int32Array.of(5, 6),
      time: Int32Array.of(1994, 1994),
      match: { unit: Int32Array.of(5, 6), match: Int32Array.of(6, 5) },
    });
    expect(iv[0]).toBeCloseTo(Math.log(8 / 2), 15);
    expect(iv[1]).toBeCloseTo(Math.log(4 / 4), 15);
  });

  it("rejects duplicate panel rows and misaligned columns", () => {
    const dupTime = Float64Array.of(2000, 2000, 2000, 2000, 2000, 2000, 2000);
    expect(() => matchedInstrument({ robots, baseEmployment, unit, time: dupTime, cell, match })).toThrow(
      /matchedInstrument: unit 1, cell 10, time 2000 appears twice \(indices 0 and 6\)/,
    );
    expect(() =>
      matchedInstrument({ robots, baseEmployment: Float64Array.of(1), unit, time, cell, match }),
    ).toThrow(/matchedInstrument: argument "baseEmployment" has 1 rows but "robots" has 7/);
  });
});
