import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divergence } from "../../src/measures/divergence.js";

describe("divergence (eq. 13)", () => {
  it("is |x − group mean| / group mean, the mean over non-missing values", () => {
    // industry 1, 2000: 1, 3, (missing) → mean 2 → 0.5, 0.5, NaN; industry 2, 2000: 4, 8 → mean 6 → 1/3, 1/3.
    const tfp = Float64Array.of(1, 3, Number.NaN, 4, 8);
    const ind = Int32Array.of(1, 1, 1, 2, 2);
    const year = Float64Array.of(2000, 2000, 2000, 2000, 2000);
    const d = divergence(tfp, [ind, year]);
    expect(d[0]).toBe(0.5);
    expect(d[1]).toBe(0.5);
    expect(d[2]).toBeNaN();
    expect(d[3]).toBeCloseTo(1 / 3, 15);
    expect(d[4]).toBeCloseTo(1 / 3, 15);
  });

  it("is 0 when all values of a group are equal (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        (v, n) => {
          const d = divergence(new Float64Array(n).fill(v), new Int32Array(n));
          for (const x of d) expect(x).toBe(0);
        },
      ),
    );
  });

  it("is invariant to multiplying TFP by a positive constant (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (arr, c) => {
          const x = Float64Array.from(arr);
          const g = Int32Array.from(arr, (_, i) => i % 3);
          const a = divergence(x, g);
          const b = divergence(
            x.map((v) => v * c),
            g,
          );
          a.forEach((v, i) => {
            expect(b[i]).toBeCloseTo(v, 9);
          });
        },
      ),
    );
  });

  it("gives NaN for a missing group key and names misaligned arguments", () => {
    expect(divergence(Float64Array.of(1, 2), Int32Array.of(1, -1))[1]).toBeNaN();
    expect(() => divergence(Float64Array.of(1, 2), [Int32Array.of(1, 1), Int32Array.of(1)])).toThrow(
      /divergence: argument "by\[1\]" has 1 rows but "tfp" has 2/,
    );
  });
});
