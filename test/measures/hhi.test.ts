import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hhi } from "../../src/measures/hhi.js";

describe("hhi", () => {
  it("sums squared sales shares within each group and returns it on every row", () => {
    // group 7: sales 1, 1, 2 → shares 0.25, 0.25, 0.5 → 0.0625 + 0.0625 + 0.25 = 0.375.
    // group 8: sales 3, missing → the missing firm is left out: 1.
    const h = hhi(Float64Array.of(1, 3, 1, 2, Number.NaN), Int32Array.of(7, 8, 7, 7, 8));
    expect(Array.from(h)).toEqual([0.375, 1, 0.375, 0.375, 1]);
  });

  it("is 1 for a monopoly and 1/n for n equal firms (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        (n, s) => {
          const equal = hhi(new Float64Array(n).fill(s), new Int32Array(n));
          for (const v of equal) expect(v).toBeCloseTo(1 / n, 12);
          const mono = new Float64Array(n);
          mono[0] = s;
          for (const v of hhi(mono, new Int32Array(n))) expect(v).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it("gives NaN to a group with zero total sales and rejects negative sales", () => {
    expect(hhi(Float64Array.of(0, 0), Int32Array.of(1, 1))[0]).toBeNaN();
    expect(() => hhi(Float64Array.of(1, -5), Int32Array.of(1, 1))).toThrow(
      /hhi: sales is negative \(-5\) at index 1/,
    );
    expect(() => hhi(Float64Array.of(1), Int32Array.of(1, 1))).toThrow(
      /hhi: argument "by" has 2 rows but "sales" has 1/,
    );
  });
});
