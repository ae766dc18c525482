import { describe, expect, it } from "vitest";
import { polynomialTermCount, polynomialTerms } from "../../src/measures/polynomial.js";

describe("polynomialTerms", () => {
  it("lists levpet's nine terms in k and m for degree 3", () => {
    const k = Float64Array.of(2);
    const m = Float64Array.of(3);
    // k, m, k², km, m², k³, k²m, km², m³
    expect(polynomialTerms([k, m], 3).map((c) => c[0])).toEqual([2, 3, 4, 6, 9, 8, 12, 18, 27]);
  });

  it("counts C(p + d, d) − 1 terms", () => {
    expect(polynomialTermCount(2, 3)).toBe(9);
    expect(polynomialTermCount(3, 3)).toBe(19);
    const x = Float64Array.of(1.5, 2);
    expect(polynomialTerms([x, x, x, x], 2).length).toBe(polynomialTermCount(4, 2));
  });
});
