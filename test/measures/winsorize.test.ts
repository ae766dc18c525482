import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { winsorize } from "../../src/measures/winsorize.js";

const NaN_ = Number.NaN;

describe("winsorize", () => {
  it("caps at the p-th and (100−p)-th _pctile percentiles, averaging when n·p/100 is an integer", () => {
    // 10 non-missing values 1..10. p = 10: P = 1 → lower (x(1)+x(2))/2 = 1.5; P = 9 → upper (x(9)+x(10))/2 = 9.5.
    const x = Float64Array.of(10, 1, 7, 3, NaN_, 5, 9, 2, 8, 4, 6);
    expect(Array.from(winsorize(x, 10))).toEqual([9.5, 1.5, 7, 3, NaN_, 5, 9, 2, 8, 4, 6]);
    // p = 25: P = 2.5 → lower x(3) = 3; P = 7.5 → upper x(8) = 8.
    expect(Array.from(winsorize(x, 25))).toEqual([8, 3, 7, 3, NaN_, 5, 8, 3, 8, 4, 6]);
    // p = 5: P = 0.5 → x(1); P = 9.5 → x(10): nothing changes.
    expect(Array.from(winsorize(x, 5))).toEqual(Array.from(x));
  });

  it("does not modify its input", () => {
    const x = Float64Array.of(1, 2, 3, 100);
    winsorize(x, 25);
    expect(Array.from(x)).toEqual([1, 2, 3, 100]);
  });

  it("computes the percentiles within each `by` group; a missing group key gives NaN", () => {
    // group 1: 1,2,3,4 (p = 25: P = 1 → (1+2)/2 = 1.5; P = 3 → (3+4)/2 = 3.5)
    // group 2: 10,20,30 (P = 0.75 → x(1) = 10; P = 2.25 → x(3) = 30)
    const x = Float64Array.of(1, 10, 2, 20, 3, 30, 4, 99);
    const g = Int32Array.of(1, 2, 1, 2, 1, 2, 1, -1);
    expect(Array.from(winsorize(x, 25, { by: g }))).toEqual([1.5, 10, 2, 20, 3, 30, 3.5, NaN_]);
  });

  it("groups by a combination of keys", () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const a = Float64Array.of(1, 1, 1, 1, 2, 2, 2, 2);
    const b = { codes: Int32Array.of(0, 0, 1, 1, 0, 0, 1, 1), levels: ["u", "v"] };
    // Every (a, b) cell has two values; p = 25, n = 2: P = 0.5 → lower x(1), P = 1.5 → upper x(2): unchanged.
    expect(Array.from(winsorize(x, 25, { by: [a, b] }))).toEqual(Array.from(x));
    // p = 50: P = 1 → both cuts (x(1)+x(2))/2: each cell collapses to its mean.
    expect(Array.from(winsorize(x, 50, { by: [a, b] }))).toEqual([1.5, 1.5, 3.5, 3.5, 5.5, 5.5, 7.5, 7.5]);
  });

  it("is idempotent when n·p/100 is not an integer (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN_)), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.double({ min: 0.1, max: 49.9, noNaN: true }),
        (arr, p) => {
          const x = Float64Array.from(arr);
          const n = arr.filter((v) => !Number.isNaN(v)).length;
          const frac = (v: number) => Math.abs(v - Math.round(v));
          fc.pre(frac((n * p) / 100) > 1e-6 && frac((n * (100 - p)) / 100) > 1e-6);
          const once = winsorize(x, p);
          expect(Array.from(winsorize(once, p))).toEqual(Array.from(once));
        },
      ),
    );
  });

  it("is not idempotent in the averaging case — the documented exception", () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    const once = winsorize(x, 10); // [1.5, 2, …, 9, 9.5]
    const twice = winsorize(once, 10); // lower (1.5 + 2)/2 = 1.75, upper (9 + 9.5)/2 = 9.25
    expect(twice[0]).toBe(1.75);
    expect(twice[9]).toBe(9.25);
  });

  it("names the argument when inputs are misaligned or wrongly typed", () => {
    expect(() => winsorize(Float64Array.of(1, 2), 1, { by: Int32Array.of(1) })).toThrow(
      /winsorize: argument "by" has 1 rows but "x" has 2/,
    );
    expect(() => winsorize([1, 2] as unknown as Float64Array, 1)).toThrow(
      /winsorize: argument "x" must be a Float64Array .* got a plain Array/,
    );
    expect(() => winsorize(Float64Array.of(1), 60)).toThrow(
      /winsorize: argument "p" must be a finite number ≥ 0 and ≤ 50/,
    );
  });
});
