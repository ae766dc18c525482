import { describe, expect, it } from "vitest";
import { laborReplacement } from "../../src/measures/labor-replacement.js";

describe("laborReplacement (eq. 18)", () => {
  it("is ln(emp(t−1) / emp(t)) within each id, NaN at the first period and across gaps", () => {
    const emp = Float64Array.of(100, 80, 50, 40, 30);
    const id = Int32Array.of(1, 1, 2, 2, 2);
    const year = Int32Array.of(2000, 2001, 2000, 2001, 2003);
    const re = laborReplacement(emp, id, year);
    expect(re[0]).toBeNaN();
    expect(re[1]).toBeCloseTo(Math.log(100 / 80), 15); // ln 1.25 ≈ 0.2231: 20 jobs replaced
    expect(re[2]).toBeNaN();
    expect(re[3]).toBeCloseTo(Math.log(50 / 40), 15);
    expect(re[4]).toBeNaN(); // 2002 missing
  });

  it("gives NaN for zero employment and rejects negative employment", () => {
    const re = laborReplacement(Float64Array.of(10, 0), Int32Array.of(1, 1), Int32Array.of(1, 2));
    expect(re[1]).toBeNaN();
    expect(() => laborReplacement(Float64Array.of(10, -1), Int32Array.of(1, 1), Int32Array.of(1, 2))).toThrow(
      /laborReplacement: emp is negative \(-1\) at index 1/,
    );
    expect(() => laborReplacement(Float64Array.of(10), Int32Array.of(1, 1), Int32Array.of(1, 2))).toThrow(
      /laborReplacement: argument "id" has 2 rows but "emp" has 1/,
    );
  });
});
