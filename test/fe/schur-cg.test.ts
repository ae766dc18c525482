import { describe, expect, it } from "vitest";
import { demean, demeanWith } from "../../src/fe/demean.js";
import type { Factor } from "../../src/fe/factor.js";
import { FEProjector } from "../../src/fe/projector.js";
import { SchurSolver, schurLayout } from "../../src/fe/schur-cg.js";

const factor = (name: string, n: number, code: (i: number) => number): Factor => {
  const codes = Int32Array.from({ length: n }, (_, i) => code(i));
  return { name, codes, levels: Math.max(...codes) + 1 };
};

/** A deterministic pseudo-random integer stream (so firms are "drawn uniformly", as in fixest's simple design). */
const lcg = (seed: number) => () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

/** fixest's "simple" design: individuals over 10 years, each year at a random firm (a well-connected graph). */
function simple(n: number, shuffled: boolean) {
  const rand = lcg(7);
  const firmOf = Int32Array.from({ length: n }, () => Math.floor(rand() * Math.round(n / 230)));
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (shuffled)
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
  const indiv = factor("indiv", n, (i) => Math.floor(order[i] / 10));
  const firm = factor("firm", n, (i) => firmOf[order[i]]);
  const year = factor("year", n, (i) => order[i] % 10);
  const x = Float64Array.from(
    { length: n },
    (_, i) => Math.sin(order[i] * 0.37) * 2 + (firmOf[order[i]] % 5),
  );
  return { indiv, firm, year, x };
}

const maxAbsDiff = (a: Float64Array, b: Float64Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

/** ‖(I − T)x‖ with T the symmetric Kaczmarz sweep: demean.ts's convergence measure. */
const criterion = (proj: FEProjector, x: Float64Array) =>
  Math.sqrt(proj.residualInto(x, new Float64Array(x.length)));

describe("CG on the Schur complement of the largest fixed effect", () => {
  it("is used without a direct plan (well-connected design) and matches Kaczmarz CG", () => {
    const { indiv, firm, year, x } = simple(20_000, false);
    const copy = Float64Array.from(x);
    const schur = demeanWith([x], [indiv, firm, year], { tol: 1e-13 }, null);
    const cg = demean([x], [indiv, firm, year], { tol: 1e-13, method: "cg" });
    expect(schur.method).toBe("schur-cg");
    expect(schur.converged).toBe(true);
    expect(schur.reachedTol).toBeLessThanOrEqual(1e-13);
    expect(maxAbsDiff(schur.columns[0], cg.columns[0])).toBeLessThan(1e-10);
    expect(Array.from(x)).toEqual(Array.from(copy));
  });

  it("meets the same criterion with rows in any order (group permutation) and with weights", () => {
    const { indiv, firm, year, x } = simple(12_000, true);
    const w = Float64Array.from({ length: x.length }, (_, i) => 0.5 + ((i * 31) % 17) / 10);
    const proj = new FEProjector([indiv, firm, year], w);
    const layout = schurLayout([indiv, firm, year], w);
    expect(layout.perm).not.toBeNull();
    const solver = new SchurSolver(layout);
    const r0 = criterion(proj, x);
    const y = Float64Array.from(x);
    solver.residualize(y, 1e-12 * r0);
    expect(solver.iterations).toBeGreaterThan(0);
    expect(criterion(proj, y)).toBeLessThanOrEqual(1e-12 * r0);
    // The residual is W-orthogonal to every dummy.
    for (const f of [indiv, firm, year]) {
      const sums = new Float64Array(f.levels);
      for (let i = 0; i < y.length; i++) sums[f.codes[i]] += w[i] * y[i];
      for (const s of sums) expect(Math.abs(s)).toBeLessThan(1e-9);
    }
    const cg = demean([x], [indiv, firm, year], { weights: w, tol: 1e-13, method: "cg" });
    expect(maxAbsDiff(y, cg.columns[0])).toBeLessThan(1e-9);
  });

  it("hands over to Kaczmarz CG, converged, when the graph is too poorly connected for its iteration budget", () => {
    // Two FE along a long path: worker i is at firms i and i + 1, so S is a path Laplacian of 1500
    // levels (CG needs about as many iterations as levels, beyond its budget of 200).
    const n = 3000;
    const worker = factor("worker", n, (i) => Math.floor(i / 2));
    const firm = factor("firm", n, (i) => Math.floor(i / 2) + (i % 2));
    const x = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.01) + (i % 3));
    const res = demeanWith([x], [worker, firm], { tol: 1e-14 }, null);
    const direct = demean([x], [worker, firm], { tol: 1e-14 });
    expect(res.method).toBe("schur-cg");
    expect(direct.method).toBe("direct");
    expect(res.converged).toBe(true);
    expect(res.iterations).toBeGreaterThan(200);
    expect(res.reachedTol).toBeLessThanOrEqual(1e-14);
    expect(maxAbsDiff(res.columns[0], direct.columns[0])).toBeLessThan(1e-8);
  });
});
