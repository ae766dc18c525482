import { describe, expect, it } from "vitest";
import type { Factor } from "../../src/fe/factor.js";
import { FEProjector } from "../../src/fe/projector.js";
import { SchurSolver, schurLayout } from "../../src/fe/schur-cg.js";

const lcg = (seed: number) => () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

const factor = (name: string, codes: Int32Array): Factor => ({ name, codes, levels: Math.max(...codes) + 1 });

/** Individuals (the largest FE) over 6 periods at random firms, plus periods and regions, rows shuffled or in panel order. */
function design(n: number, shuffled = true) {
  const rand = lcg(11);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; shuffled && i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const indiv = factor(
    "indiv",
    Int32Array.from(order, (o) => Math.floor(o / 6)),
  );
  const firm = factor(
    "firm",
    Int32Array.from(order, () => Math.floor(rand() * 40)),
  );
  const period = factor(
    "period",
    Int32Array.from(order, (o) => o % 6),
  );
  const region = factor(
    "region",
    Int32Array.from(firm.codes, (f, i) => (f + (i % 3)) % 7),
  );
  const x = Float64Array.from(order, (o, i) => Math.sin(o * 0.37) * 3 + firm.codes[i] * 0.1 + (o % 6));
  const w = Float64Array.from(order, (o) => 0.5 + ((o * 31) % 17) / 10);
  return { indiv, firm, period, region, x, w };
}

/** ‖(I − T)x‖² in row space (projector.ts), the reference. */
const rowSpace = (factors: Factor[], w: Float64Array | null, x: Float64Array) =>
  new FEProjector(factors, w).residualInto(x, new Float64Array(x.length));

describe("the Schur solver's coefficient-space convergence measure", () => {
  const d = design(6_000);
  const sorted = design(6_000, false);
  const cases: [string, Factor[], Float64Array | null][] = [
    ["A first, two small FE, unweighted", [d.indiv, d.firm, d.period], null],
    ["A first, two small FE, weighted", [d.indiv, d.period, d.firm], d.w],
    ["rows in A's order (no permutation), unweighted", [sorted.indiv, sorted.firm, sorted.period], null],
    ["A in the middle, weighted", [d.firm, d.indiv, d.period], d.w],
    ["A last, three small FE, weighted", [d.firm, d.period, d.region, d.indiv], d.w],
    ["two FE", [d.indiv, d.firm], null],
  ];
  for (const [label, factors, w] of cases) {
    it(`equals ‖(I − T)x‖ in row space before and after a solve (${label})`, () => {
      const solver = new SchurSolver(schurLayout(factors, w));
      const x = Float64Array.from(d.x);
      const { ss, rr } = solver.load(x);
      const ref0 = rowSpace(factors, w, x);
      expect(ref0).toBeGreaterThan(0);
      expect(Math.abs(rr - ref0)).toBeLessThan(1e-10 * ref0);
      let xw = 0;
      for (let i = 0; i < x.length; i++) xw += (w ? w[i] : 1) * x[i] * x[i];
      expect(Math.abs(ss - xw)).toBeLessThan(1e-12 * xw);
      // A loose solve leaves a residual well above rounding: the two measures must agree on it.
      const after = solver.solve(1e-3 * Math.sqrt(ref0));
      solver.store(x);
      const ref1 = rowSpace(factors, w, x);
      expect(ref1).toBeLessThan(1e-4 * ref0);
      expect(Math.abs(Math.sqrt(after) - Math.sqrt(ref1))).toBeLessThan(
        1e-6 * Math.sqrt(ref1) + 1e-13 * Math.sqrt(xw),
      );
    });
  }
});
