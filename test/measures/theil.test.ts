import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { theilRationalization } from "../../src/measures/theil.js";

describe("theilRationalization (eq. 15)", () => {
  it("sums (y_j/Y)·ln((y_j/l_j)/(Y/L)) over the sectors of each unit-year", () => {
    // Economy 1, 2000: sectors y = (2, 2), l = (1, 3): Y = 4, L = 4, Y/L = 1.
    //   TL = 0.5·ln(2/1) + 0.5·ln((2/3)/1) = 0.5·ln(4/3).
    // Economy 1, 2001: y = (3, 1), l = (1, 1): Y/L = 2: TL = 0.75·ln(3/2) + 0.25·ln(1/2).
    const y = Float64Array.of(2, 2, 3, 1);
    const l = Float64Array.of(1, 3, 1, 1);
    const unit = Int32Array.of(1, 1, 1, 1);
    const year = Int32Array.of(2000, 2000, 2001, 2001);
    const t = theilRationalization(y, l, unit, year);
    expect(t.value[0]).toBeCloseTo(0.5 * Math.log(4 / 3), 15);
    expect(t.value[1]).toBeCloseTo(0.75 * Math.log(1.5) + 0.25 * Math.log(0.5), 15);
    expect(Array.from(t.time as Int32Array)).toEqual([2000, 2001]);
    expect(t.byRow[3]).toBe(t.value[1]);
  });

  it("is 0 when every sector has the same productivity (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 14 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (emp, prod) => {
          const l = Float64Array.from(emp);
          const y = l.map((v) => v * prod);
          const t = theilRationalization(y, l, new Int32Array(l.length), new Int32Array(l.length));
          expect(Math.abs(t.value[0])).toBeLessThan(1e-12);
        },
      ),
    );
  });

  it("does not skip sectors with missing data: the cell becomes NaN", () => {
    const t = theilRationalization(
      Float64Array.of(2, Number.NaN, 3, 1),
      Float64Array.of(1, 3, 1, 1),
      Int32Array.of(1, 1, 2, 2),
      Int32Array.of(1, 1, 1, 1),
    );
    expect(t.value[0]).toBeNaN();
    expect(Number.isFinite(t.value[1])).toBe(true);
  });

  it("lets a sector with zero value added contribute 0 and names misaligned arguments", () => {
    // y = (0, 4), l = (1, 3): only sector 2: (4/4)·ln((4/3)/(4/4)) = ln(4/3).
    const t = theilRationalization(
      Float64Array.of(0, 4),
      Float64Array.of(1, 3),
      Int32Array.of(1, 1),
      Int32Array.of(1, 1),
    );
    expect(t.value[0]).toBeCloseTo(Math.log(4 / 3), 15);
    expect(() =>
      theilRationalization(Float64Array.of(1), Float64Array.of(1, 2), Int32Array.of(1), Int32Array.of(1)),
    ).toThrow(/theilRationalization: argument "employment" has 2 rows but "valueAdded" has 1/);
  });
});
