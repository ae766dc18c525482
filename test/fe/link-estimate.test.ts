import { describe, expect, it } from "vitest";
import { estimateLinks } from "../../src/fe/link-estimate.js";
import { codeView, valueCodedFactor } from "../../src/fe/value-codes.js";

const lcg = (seed: number) => () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

/** Workers over 10 years, each year at a firm: drawn at random (well connected) or in rotation (a chain). */
function panel(n: number, random: boolean) {
  const rand = lcg(5);
  const firms = Math.round(n / 230);
  const worker = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 10));
  const firm = Int32Array.from({ length: n }, (_, i) => (random ? Math.floor(rand() * firms) : i % firms));
  return { worker, firm, workers: n / 10, firms };
}

/** The same rows in another order (A no longer sorted). */
function shuffled(a: Int32Array, b: Int32Array) {
  const rand = lcg(9);
  const order = Int32Array.from(a, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return [Int32Array.from(order, (o) => a[o]), Int32Array.from(order, (o) => b[o])];
}

const view = (array: Int32Array) => ({ array, base: 0 });

describe("the direct solver's link estimate", () => {
  for (const random of [true, false]) {
    it(`counts the same links from a sorted panel's runs as from any row order (${random ? "random firms" : "firms in rotation"})`, () => {
      const { worker, firm, workers, firms } = panel(46_000, random);
      const sorted = estimateLinks(view(worker), workers, view(firm), firms);
      const [w2, f2] = shuffled(worker, firm);
      const any = estimateLinks(view(w2), workers, view(f2), firms);
      expect(sorted).toBeGreaterThan(0);
      expect(sorted).toBe(any);
      // A value-coded worker column (read as values, base 1) gives the same count.
      const values = Float64Array.from(worker, (g) => g + 1);
      const coded = valueCodedFactor(values, "worker");
      if (!coded) throw new Error("expected a value-coded factor");
      expect(estimateLinks(codeView(coded), workers, view(firm), firms)).toBe(sorted);
    });
  }

  it("counts a worker's firms within its run only (rows of one worker at several firms, sorted)", () => {
    // Worker 0 at firms 0 and 1, worker 1 at firms 1 and 2, worker 2 at firm 3: links 0–1, 1–2.
    const worker = Int32Array.of(0, 0, 1, 1, 2);
    const firm = Int32Array.of(0, 1, 1, 2, 3);
    const sorted = estimateLinks(view(worker), 3, view(firm), 4);
    const [w2, f2] = shuffled(worker, firm);
    expect(estimateLinks(view(w2), 3, view(f2), 4)).toBe(sorted);
    // Every level sampled (4 < 32): degrees 1, 2, 1, 0 → 4 / 4 × 4 = 4 (each link counted from both ends).
    expect(sorted).toBe(4);
  });
});
