import { describe, expect, it } from "vitest";
import { demean } from "../../src/fe/demean.js";
import { planDirect } from "../../src/fe/direct-solver.js";
import { choleskyInPlace, choleskySolve, makeEnvelope } from "../../src/fe/envelope-cholesky.js";
import type { Factor } from "../../src/fe/factor.js";
import { implicitDemean } from "../../src/fe/implicit-demean.js";
import { reverseCuthillMcKee } from "../../src/fe/rcm.js";

const factor = (name: string, n: number, code: (i: number) => number): Factor => {
  const codes = Int32Array.from({ length: n }, (_, i) => code(i));
  return { name, codes, levels: Math.max(...codes) + 1 };
};

/** fixest's "difficult" design: workers over 10 years, firms cycling, so the worker–firm graph is a long ring. */
function difficult(n: number) {
  const nbFirm = Math.round(n / 10 / 23);
  const worker = factor("worker", n, (i) => Math.floor(i / 10));
  const firm = factor("firm", n, (i) => i % nbFirm);
  const year = factor("year", n, (i) => i % 10);
  const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.7) + ((i * 7919) % 13) / 13);
  return { worker, firm, year, x };
}

const maxAbsDiff = (a: Float64Array, b: Float64Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe("direct fixed-effect solve", () => {
  it("is chosen for a poorly connected worker–firm–year design and matches conjugate gradients", () => {
    const { worker, firm, year, x } = difficult(20_000);
    const direct = demean([x], [worker, firm, year], { tol: 1e-13 });
    const cg = demean([x], [worker, firm, year], { tol: 1e-13, method: "cg" });
    expect(direct.method).toBe("direct");
    expect(cg.method).toBe("cg");
    expect(direct.converged).toBe(true);
    expect(direct.iterations).toBeLessThan(5);
    expect(cg.iterations).toBeGreaterThan(direct.iterations);
    expect(maxAbsDiff(direct.columns[0], cg.columns[0])).toBeLessThan(1e-9);
  });

  it("handles weights and graphs split into several connected components", () => {
    // Two separate blocks of workers and firms (two redundant dummies), with analytic weights.
    const n = 4000;
    const worker = factor("worker", n, (i) => Math.floor(i / 4));
    const firm = factor("firm", n, (i) => (i < n / 2 ? i % 37 : 37 + (i % 41)));
    const year = factor("year", n, (i) => i % 4);
    const w = Float64Array.from({ length: n }, (_, i) => 0.5 + ((i * 31) % 17) / 10);
    const x = Float64Array.from({ length: n }, (_, i) => Math.cos(i) * 3 + (i % 7));
    const direct = demean([x], [worker, firm, year], { weights: w, tol: 1e-13 });
    const cg = demean([x], [worker, firm, year], { weights: w, tol: 1e-13, method: "cg" });
    expect(direct.method).toBe("direct");
    expect(maxAbsDiff(direct.columns[0], cg.columns[0])).toBeLessThan(1e-9);
    // The residual is W-orthogonal to every dummy.
    for (const f of [worker, firm, year]) {
      const sums = new Float64Array(f.levels);
      for (let i = 0; i < n; i++) sums[f.codes[i]] += w[i] * direct.columns[0][i];
      for (const s of sums) expect(Math.abs(s)).toBeLessThan(1e-8);
    }
  });

  it("leaves the input untouched and is exact for two fixed effects", () => {
    const { worker, firm, x } = difficult(5000);
    const copy = Float64Array.from(x);
    const plan = planDirect([worker, firm], null);
    expect(plan).not.toBeNull();
    const res = demean([x], [firm, worker]);
    expect(Array.from(x)).toEqual(Array.from(copy));
    expect(res.method).toBe("direct");
    expect(res.iterations).toBe(0);
  });

  it("declines (returns null) when the remaining fixed effects are too many to keep as dense rows", () => {
    const n = 6000;
    const a = factor("a", n, (i) => i % 3000);
    const b = factor("b", n, (i) => (i * 7) % 1500);
    const c = factor("c", n, (i) => (i * 13) % 1000);
    expect(planDirect([a, b, c], null)).toBeNull();
    expect(demean([Float64Array.from({ length: n }, Math.sin)], [a, b, c]).method).toBe("schur-cg");
  });
});

describe("direct solves kept as per-level coefficients", () => {
  it("evaluate to exactly what residualize writes in place", () => {
    const { worker, firm, year, x } = difficult(20_000);
    const plan = planDirect([worker, firm, year], null);
    expect(plan).not.toBeNull();
    if (!plan) return;
    const inPlace = Float64Array.from(x);
    plan.residualize(inPlace);
    const step = plan.step(x, []);
    const out = new Float64Array(x.length);
    plan.fill(x, [step], 0, x.length, out, 1, 0);
    expect(Array.from(out)).toEqual(Array.from(inPlace));
    // A second step continues from the first exactly as a second residualize would.
    plan.residualize(inPlace);
    plan.fill(x, [step, plan.step(x, [step])], 0, x.length, out, 1, 0);
    expect(Array.from(out)).toEqual(Array.from(inPlace));
  });

  it("give the same residuals when the rows are not grouped by the largest FE (unsorted panel)", () => {
    const { worker, firm, year, x } = difficult(20_000);
    const n = x.length;
    const perm = Int32Array.from({ length: n }, (_, i) => (i * 7919) % n); // a fixed shuffle (n coprime to 7919)
    const shuffle = (f: typeof worker) => ({ ...f, codes: Int32Array.from(perm, (r) => f.codes[r]) });
    const xs = Float64Array.from(perm, (r) => x[r]);
    const sorted = planDirect([worker, firm, year], null);
    const shuffled = planDirect([shuffle(worker), shuffle(firm), shuffle(year)], null);
    if (!sorted || !shuffled) throw new Error("expected direct plans");
    const a = Float64Array.from(x);
    sorted.residualize(a);
    const b = Float64Array.from(xs);
    shuffled.residualize(b);
    let worst = 0;
    perm.forEach((r, i) => {
      worst = Math.max(worst, Math.abs(b[i] - a[r]));
    });
    expect(worst).toBeLessThan(1e-11);
  });

  it("map back to the factors in the order given", () => {
    const { worker, firm, year } = difficult(5000);
    const plan = planDirect([year, worker, firm], null);
    if (!plan) throw new Error("expected a direct plan");
    const step = plan.step(
      Float64Array.from({ length: 5000 }, (_, i) => Math.cos(i)),
      [],
    );
    expect(plan.byFactor(step).map((c) => c.length)).toEqual([year.levels, worker.levels, firm.levels]);
  });

  it("meet the CG convergence criterion implicitly and give the explicitly demeaned columns", () => {
    const n = 4000;
    const worker = factor("worker", n, (i) => Math.floor(i / 4));
    const firm = factor("firm", n, (i) => (i < n / 2 ? i % 37 : 37 + (i % 41)));
    const year = factor("year", n, (i) => i % 4);
    const w = Float64Array.from({ length: n }, (_, i) => 0.5 + ((i * 31) % 17) / 10);
    const x = Float64Array.from({ length: n }, (_, i) => Math.cos(i) * 3 + (i % 7));
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) + (i % 11) / 3);
    const plan = planDirect([worker, firm, year], w);
    if (!plan) throw new Error("expected a direct plan");
    const res = implicitDemean(plan, [x, y], [worker, firm, year], w, 1e-11);
    if (!res) throw new Error("expected the direct solves to converge");
    expect(res.reachedTol).toBeLessThanOrEqual(1e-11);
    const explicit = demean([x, y], [worker, firm, year], { weights: w, tol: 1e-11 });
    res.columns.forEach((c, j) => {
      const out = new Float64Array(n);
      plan.fill(c.x, c.steps, 0, n, out, 1, 0);
      expect(maxAbsDiff(out, explicit.columns[j])).toBeLessThan(1e-12);
    });
  });

  it("decline (null) when the solves do not meet the criterion, so that the caller iterates", () => {
    // A plan for unit weights checked against other weights solves the wrong normal equations.
    const { worker, firm, year, x } = difficult(20_000);
    const w = Float64Array.from({ length: x.length }, (_, i) => 0.2 + (i % 5));
    const plan = planDirect([worker, firm, year], null);
    if (!plan) throw new Error("expected a direct plan");
    expect(implicitDemean(plan, [x], [worker, firm, year], w, 1e-11)).toBeNull();
  });
});

describe("envelope Cholesky and reverse Cuthill–McKee", () => {
  it("solves a singular graph Laplacian's consistent system (zero pivot = redundant level)", () => {
    // Path graph 0–1–2–3: Laplacian with a one-dimensional null space (constants).
    const env = makeEnvelope(Int32Array.of(0, 0, 1, 2));
    env.diag.set([1, 2, 2, 1]);
    env.values.set([-1, -1, -1]);
    expect(choleskyInPlace(env)).toBe(1);
    const b = Float64Array.of(1, 0, 0, -1);
    choleskySolve(env, b);
    // L x = b up to a constant: differences along the path are 1, 1, 1.
    expect(b[0] - b[1]).toBeCloseTo(1, 12);
    expect(b[1] - b[2]).toBeCloseTo(1, 12);
    expect(b[2] - b[3]).toBeCloseTo(1, 12);
  });

  it("orders a shuffled path graph into a band of width one", () => {
    const n = 50;
    const label = Int32Array.from({ length: n }, (_, i) => (i * 17) % n); // node label of path position i
    const nbrs: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i + 1 < n; i++) {
      nbrs[label[i]].push(label[i + 1]);
      nbrs[label[i + 1]].push(label[i]);
    }
    const start = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) start[v + 1] = start[v] + nbrs[v].length;
    const order = reverseCuthillMcKee({ start, adj: Int32Array.from(nbrs.flat()) });
    const pos = new Int32Array(n);
    order.forEach((v, k) => {
      pos[v] = k;
    });
    let band = 0;
    for (let v = 0; v < n; v++) for (const u of nbrs[v]) band = Math.max(band, Math.abs(pos[u] - pos[v]));
    expect(band).toBe(1);
    expect(new Set(order).size).toBe(n);
  });
});
