import { describe, expect, it } from "vitest";
import { saIndex } from "../../src/measures/sa-index.js";

describe("saIndex (Hadlock–Pierce)", () => {
  it("is −0.737·size + 0.043·size² − 0.040·age", () => {
    const sa = saIndex(Float64Array.of(2, 0, Number.NaN), Float64Array.of(10, 5, 1));
    expect(sa[0]).toBeCloseTo(-0.737 * 2 + 0.043 * 4 - 0.04 * 10, 15); // −1.702
    expect(sa[1]).toBeCloseTo(-0.2, 15);
    expect(sa[2]).toBeNaN();
  });

  it("applies Hadlock–Pierce's caps only when asked", () => {
    const cap = Math.log(4500);
    const sa = saIndex(Float64Array.of(10), Float64Array.of(50), { maxSize: cap, maxAge: 37 });
    expect(sa[0]).toBeCloseTo(-0.737 * cap + 0.043 * cap * cap - 0.04 * 37, 14);
    expect(() => saIndex(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(
      /saIndex: argument "age" has 2 rows/,
    );
  });
});
