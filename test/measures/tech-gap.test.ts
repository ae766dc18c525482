import { describe, expect, it } from "vitest";
import { techGap } from "../../src/measures/tech-gap.js";

describe("techGap (eq. 3)", () => {
  it("is the US frontier's ln labour productivity minus the firm's", () => {
    const g = techGap(Float64Array.of(5, 5, Number.NaN), Float64Array.of(3.5, 6, 1));
    expect(Array.from(g)).toEqual([1.5, -1, Number.NaN]);
  });

  it("names misaligned arguments", () => {
    expect(() => techGap(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(
      /techGap: argument "lnLp" has 2 rows but "frontierLnLp" has 1/,
    );
  });
});
