import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lag } from "../../src/measures/lag.js";

describe("lag", () => {
  it("takes the value of the same id at t − k, missing across gaps and at the first period", () => {
    // id 1: years 2000, 2001, 2003 (gap at 2002); id 2: 2001, 2002. Rows deliberately unsorted.
    const x = Float64Array.of(13, 10, 20, 11, 21);
    const id = Int32Array.of(1, 1, 2, 1, 2);
    const year = Float64Array.of(2003, 2000, 2001, 2001, 2002);
    expect(Array.from(lag(x, id, year, 1))).toEqual([Number.NaN, Number.NaN, Number.NaN, 10, 20]);
    // k = 2: 2003 ← 2001 (11); 2002 ← 2000 absent for id 2.
    expect(Array.from(lag(x, id, year, 2))).toEqual([11, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    // k = −1 is a lead: 2000 → 2001 (11), 2001 → 2002 for id 2 (21).
    expect(Array.from(lag(x, id, year, -1))).toEqual([Number.NaN, 11, 21, Number.NaN, Number.NaN]);
  });

  it("accepts categorical ids and Int32Array years; missing id or year gives NaN", () => {
    const id = { codes: Int32Array.of(0, 0, 1, -1), levels: ["a", "b"] };
    const year = Int32Array.of(2000, 2001, 2001, 2001);
    expect(Array.from(lag(Float64Array.of(1, 2, 3, 4), id, year))).toEqual([
      Number.NaN,
      1,
      Number.NaN,
      Number.NaN,
    ]);
  });

  it("lag of lag equals lag 2 on a balanced panel in any row order (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (ids, years, seed) => {
          const n = ids * years;
          // A deterministic shuffle of the rows from the seed.
          const order = Array.from({ length: n }, (_, i) => i).sort(
            (a, b) => ((a * 7919 + seed) % 104729) - ((b * 7919 + seed) % 104729) || a - b,
          );
          const id = new Int32Array(n);
          const year = new Float64Array(n);
          const x = new Float64Array(n);
          order.forEach((r, j) => {
            id[j] = Math.floor(r / years);
            year[j] = 1990 + (r % years);
            x[j] = r % 3 === 0 ? Number.NaN : r * 1.5;
          });
          expect(Array.from(lag(lag(x, id, year, 1), id, year, 1))).toEqual(Array.from(lag(x, id, year, 2)));
        },
      ),
    );
  });

  it("rejects duplicate (id, time), non-integer time, categorical time and misaligned inputs", () => {
    const x = Float64Array.of(1, 2);
    expect(() => lag(x, Int32Array.of(1, 1), Float64Array.of(2000, 2000))).toThrow(
      /lag: id 1 has two rows for time 2000 \(indices 0 and 1\)/,
    );
    expect(() => lag(x, Int32Array.of(1, 1), Float64Array.of(2000, 2000.5))).toThrow(
      /lag: argument "time" must hold integer periods .* found 2000.5 at index 1/,
    );
    expect(() => lag(x, Int32Array.of(1, 1), { codes: Int32Array.of(0, 1), levels: ["a", "b"] })).toThrow(
      /lag: argument "time" must be numeric/,
    );
    expect(() => lag(x, Int32Array.of(1), Float64Array.of(2000, 2001))).toThrow(
      /lag: argument "id" has 1 rows but "x" has 2/,
    );
    expect(() => lag(x, [1, 1] as unknown as Int32Array, Float64Array.of(2000, 2001))).toThrow(
      /lag: argument "id" must be a key column/,
    );
    expect(() => lag(x, Int32Array.of(1, 1), Float64Array.of(2000, 2001), 1.5)).toThrow(
      /lag: argument "k" must be an integer/,
    );
  });
});
