/**
 * Properties of fepois that hold whatever the data: a saturated design reproduces the group means,
 * absorbed (interacted, weighted) FE equal explicit dummies, missing values and exactly collinear
 * regressors are dropped as if absent, all-zero FE groups and observations separated by a regressor
 * are removed (with a note) without changing the other estimates, and a negative outcome is an error.
 */
import { describe, expect, it } from "vitest";
import { fepois } from "../../../src/estimate/poisson/fepois.js";
import type { PoissonResult } from "../../../src/estimate/poisson/types.js";
import { frameFromArrays } from "../../../src/frame/frame.js";
import { createRng } from "../../../src/measures/rng.js";
import { poisson } from "../../../src/synth/distributions.js";

/** 40 firms × 6 years in 4 regions; counts with many zeros; positive weights. */
function panel(seed = 11) {
  const rng = createRng(seed);
  const d = {
    firm: [] as number[],
    year: [] as number[],
    region: [] as number[],
    x1: [] as number[],
    x2: [] as number[],
    y: [] as number[],
    w: [] as number[],
  };
  for (let f = 0; f < 40; f++) {
    const a = rng.normal() * 0.5;
    for (let t = 0; t < 6; t++) {
      const x1 = rng.normal();
      const x2 = rng.normal() + 0.2 * t;
      d.firm.push(f);
      d.year.push(2000 + t);
      d.region.push(f % 4);
      d.x1.push(x1);
      d.x2.push(x2);
      d.y.push(poisson(rng, Math.exp(0.3 + a + 0.4 * x1 - 0.2 * x2 + 0.05 * t)));
      d.w.push(0.5 + rng.next() * 2);
    }
  }
  return d;
}

function coef(r: PoissonResult, term: string) {
  const c = r.coefficients.find((x) => x.term === term);
  if (!c) throw new Error(`no coefficient ${term}`);
  return c;
}

function rel(a: number, b: number) {
  return Math.abs(a - b) / Math.abs(b);
}

describe("fepois invariants", () => {
  it("a saturated design reproduces the group means (exp of the coefficients)", () => {
    const g = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2];
    const y = [0, 2, 1, 4, 0, 3, 5, 9, 7, 8, 6, 10];
    const frame = frameFromArrays({ y, g1: g.map((v) => +(v === 1)), g2: g.map((v) => +(v === 2)) });
    const r = fepois(frame, "y ~ g1 + g2", { vcov: "hetero" });
    const mean = (k: number) => {
      const v = y.filter((_, i) => g[i] === k);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    const b0 = coef(r, "(Intercept)").estimate;
    expect(rel(Math.exp(b0), mean(0))).toBeLessThan(1e-10);
    expect(rel(Math.exp(b0 + coef(r, "g1").estimate), mean(1))).toBeLessThan(1e-10);
    expect(rel(Math.exp(b0 + coef(r, "g2").estimate), mean(2))).toBeLessThan(1e-10);
  });

  it("weighted PPML with interacted FE equals explicit dummies for the interaction (coefficients and SEs)", () => {
    const d = panel();
    const cell = d.region.map((r, i) => r * 10 + (d.year[i] - 2000));
    const cells = [...new Set(cell)].sort((a, b) => a - b);
    const dummies: Record<string, number[]> = {};
    for (const c of cells.slice(1)) dummies[`c${c}`] = cell.map((v) => +(v === c));
    for (let f = 1; f < 40; f++) dummies[`f${f}`] = d.firm.map((v) => +(v === f));
    const frame = frameFromArrays({ ...d, ...dummies });
    // Stata's exact count of the second FE's redundant levels (firm is nested in region) matches the LSDV rank.
    const opts = { weights: "w", ssc: "stata" as const, keepSingletons: true, separation: false };
    for (const vcov of ["iid", "hetero", "cluster:firm"]) {
      const absorbed = fepois(frame, "y ~ x1 + x2 | region^year + firm", { ...opts, vcov });
      const lsdv = fepois(frame, `y ~ x1 + x2 + ${Object.keys(dummies).join(" + ")}`, { ...opts, vcov });
      for (const t of ["x1", "x2"]) {
        expect(rel(coef(absorbed, t).estimate, coef(lsdv, t).estimate)).toBeLessThan(1e-8);
        if (vcov !== "cluster:firm") expect(rel(coef(absorbed, t).se, coef(lsdv, t).se)).toBeLessThan(1e-7);
      }
      expect(rel(absorbed.fit.deviance, lsdv.fit.deviance)).toBeLessThan(1e-9);
      expect(rel(absorbed.fit.loglik, lsdv.fit.loglik)).toBeLessThan(1e-9);
    }
  });

  it("rows with a missing value are dropped and counted, as if absent", () => {
    const d = panel(3);
    const x1 = d.x1.slice();
    for (const i of [4, 17, 90]) x1[i] = Number.NaN;
    const withNa = fepois(frameFromArrays({ ...d, x1 }), "y ~ x1 + x2 | firm + year", {
      vcov: "cluster:firm",
    });
    const keep = (v: number[]) => v.filter((_, i) => ![4, 17, 90].includes(i));
    const clean = fepois(
      frameFromArrays(Object.fromEntries(Object.entries(d).map(([k, v]) => [k, keep(v)]))),
      "y ~ x1 + x2 | firm + year",
      { vcov: "cluster:firm" },
    );
    expect(withNa.removed.missing).toBe(3);
    expect(withNa.nobs).toBe(clean.nobs);
    for (const t of ["x1", "x2"]) {
      expect(rel(coef(withNa, t).estimate, coef(clean, t).estimate)).toBeLessThan(1e-12);
      expect(rel(coef(withNa, t).se, coef(clean, t).se)).toBeLessThan(1e-12);
    }
  });

  it("an exactly collinear regressor is dropped with a note and the rest is unchanged", () => {
    const d = panel(5);
    const x3 = d.x1.map((v, i) => v + 2 * d.x2[i]);
    const frame = frameFromArrays({ ...d, x3 });
    const r = fepois(frame, "y ~ x1 + x2 + x3 | firm + year", { vcov: "hetero" });
    const base = fepois(frame, "y ~ x1 + x2 | firm + year", { vcov: "hetero" });
    expect(r.collinear).toEqual(["x3"]);
    expect(r.notes.some((n) => n.includes("x3 is collinear"))).toBe(true);
    for (const t of ["x1", "x2"]) {
      expect(rel(coef(r, t).estimate, coef(base, t).estimate)).toBeLessThan(1e-9);
      expect(rel(coef(r, t).se, coef(base, t).se)).toBeLessThan(1e-8);
    }
  });

  it("all-zero FE groups are removed and counted without changing the estimates", () => {
    const d = panel(9);
    for (let i = 0; i < d.y.length; i++) if (d.firm[i] < 3) d.y[i] = 0;
    const r = fepois(frameFromArrays(d), "y ~ x1 + x2 | firm + year", { vcov: "iid" });
    expect(r.removed.separation).toBe(18);
    expect(r.nobs).toBe(240 - 18);
    const keep = (v: number[]) => v.filter((_, i) => d.firm[i] >= 3);
    const sub = fepois(
      frameFromArrays(Object.fromEntries(Object.entries(d).map(([k, v]) => [k, keep(v)]))),
      "y ~ x1 + x2 | firm + year",
      { vcov: "iid" },
    );
    expect(rel(coef(r, "x1").estimate, coef(sub, "x1").estimate)).toBeLessThan(1e-12);
  });

  it("observations separated by a regressor are detected (ReLU), removed with a note, and the regressor dropped", () => {
    const d = panel(13);
    // z > 0 only where y = 0: the MLE of z's coefficient is −∞ and those rows have μ = 0.
    const zeros = d.y.map((v, i) => (v === 0 && i % 3 === 0 ? i : -1)).filter((i) => i >= 0);
    const z = d.y.map((_, i) => (zeros.includes(i) ? 1 + (i % 5) : 0));
    const r = fepois(frameFromArrays({ ...d, z }), "y ~ x1 + x2 + z | firm + year", { vcov: "hetero" });
    expect(r.removed.separation).toBe(zeros.length);
    expect(r.notes.some((n) => n.includes("separated by the regressors"))).toBe(true);
    expect(r.collinear).toEqual(["z"]);
    const keep = (v: number[]) => v.filter((_, i) => !zeros.includes(i));
    const sub = fepois(
      frameFromArrays(Object.fromEntries(Object.entries(d).map(([k, v]) => [k, keep(v)]))),
      "y ~ x1 + x2 | firm + year",
      { vcov: "hetero" },
    );
    expect(rel(coef(r, "x1").estimate, coef(sub, "x1").estimate)).toBeLessThan(1e-10);
    expect(rel(coef(r, "x1").se, coef(sub, "x1").se)).toBeLessThan(1e-9);
  });

  it("no separation is reported on data without it", () => {
    const r = fepois(frameFromArrays(panel(17)), "y ~ x1 + x2 | firm + year", { vcov: "iid" });
    expect(r.notes.some((n) => n.includes("separated"))).toBe(false);
  });

  it("a negative outcome is an error naming the row", () => {
    const d = panel(2);
    d.y[5] = -1;
    expect(() => fepois(frameFromArrays(d), "y ~ x1 | firm", {})).toThrow(/negative .* row 6/);
  });

  it("a constant outcome is refused (every slope would be 0 with a meaningless t), with and without FE", () => {
    const d = panel(3);
    d.y.fill(4);
    expect(() => fepois(frameFromArrays(d), "y ~ x1 + x2", {})).toThrow(/outcome "y" is constant \(4\)/);
    expect(() => fepois(frameFromArrays(d), "y ~ x1 | firm", {})).toThrow(/constant/);
  });

  it("takes the registry's kernel VCOVs: HAC with bandwidth 1 equals the robust VCOV; Driscoll–Kraay runs; AC is refused", () => {
    const frame = frameFromArrays(panel(21));
    const f = "y ~ x1 + x2 | firm + year";
    const het = fepois(frame, f, { vcov: "hetero" });
    const hac = fepois(frame, f, { vcov: "hetero", kernel: "bartlett", bw: 1, time: "year", panel: "firm" });
    expect(hac.vcov.type).toBe("hac");
    for (const t of ["x1", "x2"]) expect(rel(coef(hac, t).se, coef(het, t).se)).toBeLessThan(1e-12);
    const dk = fepois(frame, f, { vcov: "dkraay", bw: 2, time: "year", panel: "firm" });
    expect(dk.vcov.type).toBe("dkraay");
    expect(coef(dk, "x1").se).toBeGreaterThan(0);
    expect(() => fepois(frame, f, { vcov: "iid", kernel: "bartlett", bw: 2, time: "year" })).toThrow(
      /homoskedasticity/,
    );
  });

  it("an IV part is an error", () => {
    expect(() => fepois(frameFromArrays(panel(2)), "y ~ x1 | firm | x2 ~ w", {})).toThrow(/no IV part/);
  });
});
