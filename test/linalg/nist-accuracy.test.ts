import { describe, expect, it } from "vitest";
import { leastSquares } from "../../src/linalg/least-squares.js";

// NIST StRD linear-regression datasets (public domain, www.itl.nist.gov/div898/strd): Longley (1967)
// and Wampler-1, with their certified coefficients.
const longley = [
  [60323, 83.0, 234289, 2356, 1590, 107608, 1947],
  [61122, 88.5, 259426, 2325, 1456, 108632, 1948],
  [60171, 88.2, 258054, 3682, 1616, 109773, 1949],
  [61187, 89.5, 284599, 3351, 1650, 110929, 1950],
  [63221, 96.2, 328975, 2099, 3099, 112075, 1951],
  [63639, 98.1, 346999, 1932, 3594, 113270, 1952],
  [64989, 99.0, 365385, 1870, 3547, 115094, 1953],
  [63761, 100.0, 363112, 3578, 3350, 116219, 1954],
  [66019, 101.2, 397469, 2904, 3048, 117388, 1955],
  [67857, 104.6, 419180, 2822, 2857, 118734, 1956],
  [68169, 108.4, 442769, 2936, 2798, 120445, 1957],
  [66513, 110.8, 444546, 4681, 2637, 121950, 1958],
  [68655, 112.6, 482704, 3813, 2552, 123366, 1959],
  [69564, 114.2, 502601, 3931, 2514, 125368, 1960],
  [69331, 115.7, 518173, 4806, 2572, 127852, 1961],
  [70551, 116.9, 554894, 4007, 2827, 130081, 1962],
];
const longleyCertified = [
  -3482258.63459582, 15.0618722713733, -0.35819179292591e-1, -2.02022980381683, -1.03322686717359,
  -0.511041056535807e-1, 1829.15146461355,
];

/** Log relative error, as NIST's "log relative error" (LRE): digits of agreement. */
function lre(est: number, cert: number): number {
  const rel = Math.abs(est - cert) / Math.abs(cert);
  return rel === 0 ? 16 : -Math.log10(rel);
}

describe("least squares accuracy on NIST StRD", () => {
  it("Longley: every coefficient has at least 12 correct significant digits", () => {
    const n = longley.length;
    const y = Float64Array.from(longley.map((r) => r[0]));
    const cols = [new Float64Array(n).fill(1)];
    for (let j = 1; j <= 6; j++) cols.push(Float64Array.from(longley.map((r) => r[j])));
    const { coef } = leastSquares(cols, y);
    const digits = Array.from(coef, (b, j) => lre(b, longleyCertified[j]));
    expect(Math.min(...digits)).toBeGreaterThanOrEqual(12);
  });

  it("Wampler-1 (degree-5 polynomial, exact fit): every coefficient has at least 9 correct digits", () => {
    const x = Float64Array.from({ length: 21 }, (_, i) => i);
    const y = x.map((v) => 1 + v + v ** 2 + v ** 3 + v ** 4 + v ** 5);
    const cols = [0, 1, 2, 3, 4, 5].map((p) => x.map((v) => v ** p));
    const { coef } = leastSquares(cols, y);
    const digits = Array.from(coef, (b) => lre(b, 1));
    expect(Math.min(...digits)).toBeGreaterThanOrEqual(9);
  });

  it("drops a column that is an exact combination of earlier columns and keeps the rest", () => {
    const n = 50;
    const x1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const x2 = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 1.3));
    const x3 = x1.map((v, i) => 2 * v - x2[i]);
    const y = x1.map((v, i) => 1 + 2 * v + 3 * x2[i]);
    const ones = new Float64Array(n).fill(1);
    const fit = leastSquares([ones, x1, x2, x3], y);
    expect(fit.dropped).toEqual([3]);
    expect(Number.isNaN(fit.coef[3])).toBe(true);
    expect(fit.coef[1]).toBeCloseTo(2, 12);
    expect(fit.coef[2]).toBeCloseTo(3, 12);
  });
});
