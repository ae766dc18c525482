/**
 * The Anderson–Rubin confidence set against a brute-force AR test: for a null β₀, regress y − β₀x
 * on the instruments, the included regressors and the FE with `feols` and take the Wald test of the
 * instruments under the same VCOV. Each end of the set must be where that p-value crosses 0.05, the
 * statistic at β₀ = 0 must equal the brute-force one, a weak instrument must give an unbounded set,
 * and the 2SLS estimate of an exactly identified model must lie inside.
 */
import { describe, expect, it } from "vitest";
import { feols } from "../../../src/estimate/feols.js";
import { arConfidenceSet } from "../../../src/estimate/iv-inference/ar-set.js";
import { pF } from "../../../src/estimate/pvalues.js";
import { frameFromArrays } from "../../../src/frame/frame.js";
import { invSym } from "../../../src/linalg/cholesky.js";
import { createRng } from "../../../src/measures/rng.js";

function data(strength: number, seed: number) {
  const rng = createRng(seed);
  const d = {
    y: [] as number[],
    x: [] as number[],
    z1: [] as number[],
    z2: [] as number[],
    w1: [] as number[],
    firm: [] as number[],
    st: [] as number[],
  };
  for (let g = 0; g < 30; g++) {
    const cg = rng.normal();
    for (let i = 0; i < 10; i++) {
      const z1 = rng.normal();
      const z2 = rng.normal();
      const w1 = rng.normal();
      const v = rng.normal();
      const x = strength * (z1 + 0.5 * z2) + 0.3 * w1 + v + 0.3 * cg;
      d.x.push(x);
      d.y.push(0.5 * x - 0.2 * w1 + 0.8 * v + cg * 0.5 + rng.normal());
      d.z1.push(z1);
      d.z2.push(z2);
      d.w1.push(w1);
      d.firm.push(g * 2 + (i % 2));
      d.st.push(g);
    }
  }
  return d;
}

/** Brute-force AR p-value at b. */
function bruteP(d: ReturnType<typeof data>, insts: string[], vcov: string, b: number) {
  const yb = d.y.map((v, i) => v - b * d.x[i]);
  const r = feols(frameFromArrays({ ...d, yb }), `yb ~ ${insts.join(" + ")} + w1 | firm`, { vcov });
  const idx = insts.map((t) => r.vcov.terms.indexOf(t));
  const L = idx.length;
  const V = new Float64Array(L * L);
  for (let i = 0; i < L; i++) for (let j = 0; j < L; j++) V[i * L + j] = r.vcov.matrix[idx[i]][idx[j]];
  const g = idx.map((a) => r.coefficients[a].estimate);
  const Vi = invSym(V, L);
  let wald = 0;
  for (let i = 0; i < L; i++) for (let j = 0; j < L; j++) wald += g[i] * Vi[i * L + j] * g[j];
  return { f: wald / L, p: pF(wald / L, L, r.dof.resid as number) };
}

const cases = [
  { name: "one instrument, clustered", insts: ["z1"], vcov: "cluster:st", strength: 1 },
  { name: "one instrument, robust", insts: ["z1"], vcov: "hetero", strength: 1 },
  { name: "two instruments, iid", insts: ["z1", "z2"], vcov: "iid", strength: 0.8 },
  { name: "two instruments, clustered", insts: ["z1", "z2"], vcov: "cluster:st", strength: 0.8 },
];

describe("Anderson–Rubin confidence set by test inversion", () => {
  for (const c of cases) {
    it(`${c.name}: the set's ends are where the brute-force AR p crosses 0.05`, () => {
      const d = data(c.strength, 3);
      const f = `y ~ w1 | firm | x ~ ${c.insts.join(" + ")}`;
      const ar = arConfidenceSet(frameFromArrays(d), f, { vcov: c.vcov });
      const zero = bruteP(d, c.insts, c.vcov, 0);
      expect(Math.abs(ar.stat_at_zero / zero.f - 1)).toBeLessThan(1e-8);
      expect(ar.bounded).toBe(true);
      expect(ar.set.length).toBeGreaterThan(0);
      for (const [lo, hi] of ar.set) {
        for (const [end, dir] of [
          [lo as number, -1],
          [hi as number, 1],
        ] as const) {
          const eps = 1e-6 * Math.max(1, Math.abs(end));
          expect(bruteP(d, c.insts, c.vcov, end + dir * eps).p).toBeLessThan(0.05);
          expect(bruteP(d, c.insts, c.vcov, end - dir * eps).p).toBeGreaterThanOrEqual(0.05);
        }
      }
      if (c.insts.length === 1) {
        const iv = feols(frameFromArrays(d), f, { vcov: c.vcov }).coefficients.find((x) => x.term === "x");
        const [lo, hi] = ar.set[0];
        expect(iv?.estimate).toBeGreaterThan(lo as number);
        expect(iv?.estimate).toBeLessThan(hi as number);
      }
    });
  }

  it("a weak instrument gives an unbounded set", () => {
    const d = data(0.02, 9);
    const ar = arConfidenceSet(frameFromArrays(d), "y ~ w1 | firm | x ~ z1", { vcov: "cluster:st" });
    expect(ar.bounded).toBe(false);
    expect(ar.set.some(([lo, hi]) => lo === null || hi === null)).toBe(true);
  });

  it("more than one endogenous regressor is an error", () => {
    const d = data(1, 2);
    expect(() => arConfidenceSet(frameFromArrays(d), "y ~ 1 | firm | x + w1 ~ z1 + z2", {})).toThrow(
      /one endogenous regressor/,
    );
  });
});
