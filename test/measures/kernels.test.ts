import { describe, expect, it } from "vitest";
import { KERNELS, kernel, kernelRadius } from "../../src/measures/kernels.js";

/** ∫ g(z) dz over [−r, r] by the midpoint rule with 200 000 cells (exact at the support's edges). */
function integrate(g: (z: number) => number, r: number): number {
  const N = 200000;
  const step = (2 * r) / N;
  let s = 0;
  for (let i = 0; i < N; i++) s += g(-r + (i + 0.5) * step);
  return s * step;
}

describe("kernels (Stata kdensity definitions)", () => {
  it("each kernel is a symmetric density vanishing outside its support", () => {
    for (const name of KERNELS) {
      const r = Math.min(kernelRadius(name), 12);
      expect(integrate((z) => kernel(name, z), r)).toBeCloseTo(1, 6);
      expect(kernel(name, 0.3)).toBe(kernel(name, -0.3));
      if (name !== "gaussian") expect(kernel(name, r * 1.0001)).toBe(0);
    }
  });

  it("uses the √5-scaled Epanechnikov kernel (unit variance) as Stata's default", () => {
    expect(kernel("epanechnikov", 0)).toBeCloseTo(3 / (4 * Math.sqrt(5)), 15);
    expect(kernel("epanechnikov", 2)).toBeCloseTo((3 / (4 * Math.sqrt(5))) * (1 - 4 / 5), 15);
    expect(integrate((z) => z * z * kernel("epanechnikov", z), Math.sqrt(5))).toBeCloseTo(1, 6);
    expect(kernel("epan2", 0.5)).toBe(0.75 * 0.75);
    expect(kernel("parzen", 0.75)).toBeCloseTo((8 * 0.25 ** 3) / 3, 15);
  });
});
