import { describe, expect, it } from "vitest";
import { formatCount, formatFixed, formatProbability, stars } from "../../src/report/format-number.js";

describe("formatFixed (table coefficients and SEs)", () => {
  it("prints a fixed number of decimals, keeping trailing zeros", () => {
    expect(formatFixed(-1.64, 4)).toBe("-1.6400");
    expect(formatFixed(2357.123456, 4)).toBe("2357.1235");
    expect(formatFixed(0.76, 3)).toBe("0.760");
    expect(formatFixed(0, 4)).toBe("0.0000");
  });

  it("keeps 0.0001 as in the papers (first stage 0.0001***) but switches values that would print as zero to scientific", () => {
    expect(formatFixed(0.00012, 4)).toBe("0.0001");
    expect(formatFixed(0.00004, 4)).toBe("4.000e-5");
    expect(formatFixed(-3.2e-9, 4)).toBe("-3.200e-9");
    expect(formatFixed(0.0004, 3)).toBe("4.00e-4");
  });

  it("never prints a negative zero", () => {
    expect(formatFixed(-0, 4)).toBe("0.0000");
    expect(formatFixed(-0.00001, 4)).not.toContain("-0.0000");
  });

  it("blank for not applicable (null), '.' for missing (NaN), Inf for infinities", () => {
    expect(formatFixed(null)).toBe("");
    expect(formatFixed(undefined)).toBe("");
    expect(formatFixed(Number.NaN)).toBe(".");
    expect(formatFixed(Number.POSITIVE_INFINITY)).toBe("Inf");
    expect(formatFixed(Number.NEGATIVE_INFINITY)).toBe("-Inf");
  });
});

describe("formatProbability, formatCount, stars", () => {
  it("prints p-values with fixed decimals and a tiny p as 0.0000 (the papers' [0.000 0])", () => {
    expect(formatProbability(0.00049)).toBe("0.0005");
    expect(formatProbability(1.7e-21)).toBe("0.0000");
    expect(formatProbability(0.5, 3)).toBe("0.500");
    expect(formatProbability(null)).toBe("");
  });

  it("prints counts as plain integers without separators", () => {
    expect(formatCount(3236)).toBe("3236");
    expect(formatCount(1234567)).toBe("1234567");
    expect(formatCount(null)).toBe("");
  });

  it("gives stars at the 10/5/1% thresholds, strict inequalities", () => {
    expect([0.2, 0.1, 0.0999, 0.05, 0.0499, 0.01, 0.0099].map(stars)).toEqual([
      "",
      "",
      "*",
      "*",
      "**",
      "**",
      "***",
    ]);
    expect(stars(Number.NaN)).toBe("");
  });
});
