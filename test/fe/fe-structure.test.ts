import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { connectedComponents } from "../../src/fe/components.js";
import { demean } from "../../src/fe/demean.js";
import type { Factor } from "../../src/fe/factor.js";
import { dropSingletons } from "../../src/fe/singletons.js";

const factor = (codes: number[], name = "f"): Factor => ({
  name,
  codes: Int32Array.from(codes),
  levels: Math.max(-1, ...codes) + 1,
});

describe("singleton removal", () => {
  it("drops singletons iteratively, as reghdfe does", () => {
    // Row 3 is the only row of firm 2; dropping it makes year 1 a singleton for row 2, and so on.
    const firm = factor([0, 0, 1, 2, 1]);
    const year = factor([0, 1, 1, 0, 0]);
    const keep = new Uint8Array(5).fill(1);
    const dropped = dropSingletons([firm, year], keep);
    // Row 3 (firm 2) goes first; then year 0 keeps rows 0 and 4, year 1 rows 1 and 2 — no more singletons.
    expect(Array.from(keep)).toEqual([1, 1, 1, 0, 1]);
    expect(dropped).toBe(1);
  });

  it("cascades until no group has a single row", () => {
    const a = factor([0, 1, 1, 2, 2]);
    const b = factor([0, 0, 1, 1, 2]);
    const keep = new Uint8Array(5).fill(1);
    expect(dropSingletons([a, b], keep)).toBe(5);
  });
});

describe("connected components of two fixed effects", () => {
  it("counts one component for a connected panel and more for separated blocks", () => {
    expect(connectedComponents(factor([0, 0, 1, 1]), factor([0, 1, 0, 1]))).toBe(1);
    // Workers 0,1 only at firm 0; workers 2,3 only at firm 1: two mobility groups.
    expect(connectedComponents(factor([0, 1, 2, 3]), factor([0, 0, 1, 1]))).toBe(2);
  });
});

describe("FE demeaning", () => {
  it("leaves columns orthogonal to every fixed effect's dummies (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 5 }),
            fc.integer({ min: 0, max: 4 }),
            fc.double({ min: -10, max: 10, noNaN: true }),
          ),
          {
            minLength: 12,
            maxLength: 60,
          },
        ),
        (rows) => {
          const a = factor(rows.map((r) => r[0]));
          const b = factor(rows.map((r) => r[1]));
          const x = Float64Array.from(rows, (r) => r[2]);
          const { columns, converged } = demean([x], [a, b], { tol: 1e-13 });
          expect(converged).toBe(true);
          for (const f of [a, b]) {
            const sums = new Float64Array(f.levels);
            for (let i = 0; i < x.length; i++) sums[f.codes[i]] += columns[0][i];
            for (const s of sums)
              expect(Math.abs(s)).toBeLessThan(1e-8 * (1 + Math.max(...x.map(Math.abs))) * x.length);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reports non-convergence with the tolerance reached instead of failing silently", () => {
    const n = 400;
    const a = factor(Array.from({ length: n }, (_, i) => i % 40));
    const b = factor(Array.from({ length: n }, (_, i) => Math.floor(i / 3) % 37));
    const c = factor(Array.from({ length: n }, (_, i) => (i * 7) % 23));
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    // Forced to iterate: the default direct solve converges on this small design.
    const res = demean([x], [a, b, c], { maxIter: 1, tol: 1e-14, method: "cg" });
    expect(res.converged).toBe(false);
    expect(res.reachedTol).toBeGreaterThan(1e-14);
  });
});
