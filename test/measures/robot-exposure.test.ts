import { describe, expect, it } from "vitest";
import { robotExposure } from "../../src/measures/robot-exposure.js";

describe("robotExposure (eq. 14)", () => {
  it("is ln((robots + 1) / base employment)", () => {
    const e = robotExposure(Float64Array.of(99, 0, Number.NaN, 5), Float64Array.of(10, 4, 1, 0));
    expect(e[0]).toBeCloseTo(Math.log(10), 15); // (99 + 1) / 10
    expect(e[1]).toBeCloseTo(Math.log(0.25), 15); // (0 + 1) / 4
    expect(e[2]).toBeNaN();
    expect(e[3]).toBeNaN(); // zero base employment: undefined
  });

  it("rejects negative counts and misaligned columns", () => {
    expect(() => robotExposure(Float64Array.of(-2), Float64Array.of(1))).toThrow(
      /robotExposure: robots is negative \(-2\) at index 0/,
    );
    expect(() => robotExposure(Float64Array.of(1, 2), Float64Array.of(1))).toThrow(
      /robotExposure: argument "baseEmployment" has 1 rows but "robots" has 2/,
    );
  });
});
