/**
 * Properties of feols that hold whatever the data: absorbed FE equal explicit dummies, frequency
 * weights equal replicated rows, interacted FE equal a combined key, and so on.
 */
import { describe, expect, it } from "vitest";
import { feols } from "../../src/estimate/feols.js";
import type { EstimationResult } from "../../src/estimate/result.js";
import { frameFromArrays } from "../../src/frame/frame.js";

/** A small deterministic panel: 30 firms × 6 years, 5 cities, with a few gaps. */
function panel(seed = 7) {
  let s = seed;
  const u = () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647 - 0.5;
  };
  const firm: number[] = [];
  const year: number[] = [];
  const city: number[] = [];
  const x1: number[] = [];
  const x2: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  for (let f = 0; f < 30; f++) {
    for (let t = 0; t < 6; t++) {
      if ((f * 7 + t * 3) % 11 === 0) continue;
      firm.push(f);
      year.push(2000 + t);
      city.push(f % 5);
      const a = u();
      const b = u();
      x1.push(a + 0.1 * t);
      x2.push(b + (f % 3));
      y.push(1 + 0.5 * a - 0.3 * b + 0.2 * f - 0.1 * t + u());
      w.push(1 + ((f + t) % 3));
    }
  }
  return { firm, year, city, x1, x2, y, w };
}

function coef(r: EstimationResult, term: string) {
  const c = r.coefficients.find((x) => x.term === term);
  if (!c) throw new Error(`no coefficient ${term}`);
  return c;
}

describe("feols invariants", () => {
  it("absorbed fixed effects give the same coefficients and SEs as explicit dummy variables", () => {
    const d = panel();
    const dummies: Record<string, number[]> = {};
    for (let f = 1; f < 30; f++) dummies[`firm${f}`] = d.firm.map((v) => (v === f ? 1 : 0));
    for (let t = 1; t < 6; t++) dummies[`year${t}`] = d.year.map((v) => (v === 2000 + t ? 1 : 0));
    const frame = frameFromArrays({ ...d, ...dummies });
    const absorbed = feols(frame, "y ~ x1 + x2 | firm + year", { vcov: "iid", keepSingletons: true });
    const lsdv = feols(frame, `y ~ x1 + x2 + ${Object.keys(dummies).join(" + ")}`, { vcov: "iid" });
    for (const t of ["x1", "x2"]) {
      expect(coef(absorbed, t).estimate).toBeCloseTo(coef(lsdv, t).estimate, 10);
      expect(coef(absorbed, t).se / coef(lsdv, t).se).toBeCloseTo(1, 10);
    }
    expect(absorbed.dof.k).toBe(lsdv.dof.k);
    expect(absorbed.fit.r2).toBeCloseTo(lsdv.fit.r2, 10);
  });

  it("frequency weights equal replicating each row w times (iid, robust and clustered SEs)", () => {
    const d = panel();
    const rep: Record<string, number[]> = { firm: [], year: [], x1: [], x2: [], y: [] };
    d.w.forEach((wi, i) => {
      for (let k = 0; k < wi; k++)
        for (const key of Object.keys(rep)) rep[key].push((d as unknown as Record<string, number[]>)[key][i]);
    });
    const weighted = frameFromArrays(d);
    const replicated = frameFromArrays(rep);
    for (const vcov of ["iid", "hetero", "cluster:firm"]) {
      const a = feols(weighted, "y ~ x1 + x2 | year", { vcov, weights: "w", weightType: "fweight" });
      const b = feols(replicated, "y ~ x1 + x2 | year", { vcov });
      expect(a.nobs).toBe(b.nobs);
      for (const t of ["x1", "x2"]) {
        expect(coef(a, t).estimate).toBeCloseTo(coef(b, t).estimate, 10);
        expect(coef(a, t).se / coef(b, t).se, `${vcov} se ${t}`).toBeCloseTo(1, 10);
      }
    }
  });

  it("analytic weights give weighted least squares and are invariant to rescaling the weights", () => {
    const d = panel();
    const frame = frameFromArrays({ ...d, w10: d.w.map((v) => 10 * v) });
    const a = feols(frame, "y ~ x1 + x2", { weights: "w" });
    const b = feols(frame, "y ~ x1 + x2", { weights: "w10" });
    const sw = d.w.map(Math.sqrt);
    const scaled = frameFromArrays({
      ys: d.y.map((v, i) => v * sw[i]),
      c: sw,
      x1s: d.x1.map((v, i) => v * sw[i]),
      x2s: d.x2.map((v, i) => v * sw[i]),
    });
    const wls = feols(scaled, "ys ~ c + x1s + x2s - 1");
    expect(coef(a, "x1").estimate).toBeCloseTo(coef(wls, "x1s").estimate, 12);
    expect(coef(a, "x1").se).toBeCloseTo(coef(b, "x1").se, 14);
    expect(coef(a, "(Intercept)").estimate).toBeCloseTo(coef(wls, "c").estimate, 12);
  });

  it("probability weights imply a robust VCOV", () => {
    const frame = frameFromArrays(panel());
    const p = feols(frame, "y ~ x1", { weights: "w", weightType: "pweight" });
    const a = feols(frame, "y ~ x1", { weights: "w", vcov: "hetero" });
    expect(p.vcov.type).toBe("hetero");
    expect(coef(p, "x1").se).toBeCloseTo(coef(a, "x1").se, 14);
  });

  it("an interacted fixed effect a^b equals a fixed effect on the combined key", () => {
    const d = panel();
    const frame = frameFromArrays({ ...d, cy: d.city.map((c, i) => `${c}_${d.year[i]}`) });
    const a = feols(frame, "y ~ x1 + x2 | firm + city^year", { vcov: "cluster:city^year" });
    const b = feols(frame, "y ~ x1 + x2 | firm + cy", { vcov: "cluster:cy" });
    expect(coef(a, "x1").estimate).toBeCloseTo(coef(b, "x1").estimate, 12);
    expect(coef(a, "x1").se).toBeCloseTo(coef(b, "x1").se, 12);
    expect(a.fixed_effects[1].levels).toBe(b.fixed_effects[1].levels);
  });

  it("two-way clustering on two copies of one variable equals one-way clustering (CGM: S1 + S2 − S12)", () => {
    const d = panel();
    const frame = frameFromArrays({ ...d, firm2: d.firm.slice() });
    const one = feols(frame, "y ~ x1 + x2 | year", { vcov: "cluster:firm", weights: "w" });
    const two = feols(frame, "y ~ x1 + x2 | year", { vcov: "cluster:firm+firm2", weights: "w" });
    expect(coef(two, "x1").se).toBeCloseTo(coef(one, "x1").se, 12);
  });

  it("deletes missing values listwise, counts them, and drops a collinear regressor with a note naming it", () => {
    const d = panel();
    const x3 = d.x1.map((v, i) => (i % 17 === 0 ? Number.NaN : 2 * v - d.x2[i]));
    const y = d.y.map((v, i) => (i % 23 === 5 ? Number.NaN : v));
    const frame = frameFromArrays({ ...d, x3, y });
    const r = feols(frame, "y ~ x1 + x2 + x3 | firm");
    const nMissing = x3.filter((v, i) => Number.isNaN(v) || Number.isNaN(y[i])).length;
    expect(r.removed.missing).toBe(nMissing);
    expect(r.collinear).toEqual(["x3"]);
    expect(r.notes.some((n) => n.includes("x3") && n.includes("collinear"))).toBe(true);
    expect(r.coefficients.map((c) => c.term)).toEqual(["x1", "x2"]);
  });

  it("estimates without an intercept when asked", () => {
    const d = panel();
    const frame = frameFromArrays(d);
    const r = feols(frame, "y ~ x1 + x2", { constant: false });
    const r2 = feols(frame, "y ~ x1 + x2 - 1");
    expect(r.coefficients.map((c) => c.term)).toEqual(["x1", "x2"]);
    expect(coef(r, "x1").estimate).toBeCloseTo(coef(r2, "x1").estimate, 14);
    // ivreg2: without a constant R² is the uncentred one, and adjusted with N (not N − 1).
    expect(r.fit.r2).toBe(r.fit.r2_uncentered);
    const n = r.nobs;
    expect(r.fit.adj_r2).toBeCloseTo(1 - ((1 - r.fit.r2_uncentered) * n) / (n - 2), 14);
  });

  it("drops a regressor with no variation within the fixed effects and says so", () => {
    const d = panel();
    const frame = frameFromArrays({ ...d, firmsize: d.firm.map((f) => f * 1.5) });
    const r = feols(frame, "y ~ x1 + firmsize | firm");
    expect(r.collinear).toEqual(["firmsize"]);
    expect(r.notes.join(" ")).toMatch(
      /firmsize is collinear with the other regressors or with the fixed effects \(firm\)/,
    );
  });

  it("gives byte-identical JSON for the same inputs", () => {
    const frame = frameFromArrays(panel());
    const a = JSON.stringify(feols(frame, "y ~ x1 | firm + year | x2 ~ w", { vcov: "cluster:firm" }));
    const b = JSON.stringify(feols(frame, "y ~ x1 | firm + year | x2 ~ w", { vcov: "cluster:firm" }));
    expect(a).toBe(b);
  });
});

describe("feols errors name the problem and the column", () => {
  const frame = frameFromArrays({ ...panel(), name: panel().firm.map((f) => `firm ${f}`) }, "panel.csv");
  it("unknown column lists the columns that exist", () => {
    expect(() => feols(frame, "y ~ nosuch")).toThrow(
      /unknown column "nosuch" in panel.csv; the columns are: firm, year/,
    );
  });
  it("non-numeric regressor", () => {
    expect(() => feols(frame, "y ~ name")).toThrow(/column "name" in panel.csv is not numeric/);
  });
  it("empty sample after deletions", () => {
    const f = frameFromArrays({ y: [1, 2, Number.NaN], x: [Number.NaN, Number.NaN, 1] }, "tiny.csv");
    expect(() => feols(f, "y ~ x")).toThrow(/no observations left in tiny.csv/);
  });
  it("fewer than two clusters", () => {
    const f = frameFromArrays({ y: [1, 2, 3, 4], x: [1, 3, 2, 5], g: [1, 1, 1, 1] });
    expect(() => feols(f, "y ~ x", { vcov: "cluster:g" })).toThrow(/cluster variable "g" has 1 group/);
  });
  it("fewer instruments than endogenous regressors", () => {
    expect(() => feols(frame, "y ~ 1 | x1 + x2 ~ w")).toThrow(
      /fewer excluded instruments \(w\) than endogenous regressors \(x1, x2\)/,
    );
  });
  it("an endogenous regressor with no variation within the fixed effects", () => {
    const d = panel();
    const f = frameFromArrays({ ...d, size: d.firm.map((v) => v * 2) });
    expect(() => feols(f, "y ~ x1 | firm | size ~ x2")).toThrow(
      /endogenous regressor size .* no variation within the fixed effects/,
    );
  });
  it("a bad --vcov", () => {
    expect(() => feols(frame, "y ~ x1", { vcov: "cluster" })).toThrow(/--vcov "cluster" is not understood/);
  });
  it("failure to converge is a warning with the tolerance reached", () => {
    // Forced to iterate: the default direct solve would converge on this small design.
    const r = feols(frame, "y ~ x1 | firm + year + city", {
      demean: { maxIter: 1, tol: 1e-15, method: "cg" },
    });
    expect(r.warnings.join(" ")).toMatch(/did not converge within 1 iterations: relative residual/);
  });
});

describe("fixed-effect degrees of freedom on poorly connected fixed effects", () => {
  // Two blocks of workers and firms that never meet: the worker and firm dummies have two
  // redundant levels, not one.
  const worker: number[] = [];
  const firm: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < 80; i++) {
    const block = i < 40 ? 0 : 1;
    worker.push(block * 10 + (i % 10));
    firm.push(block * 4 + Math.floor((i % 40) / 10));
    x.push(Math.sin(i));
    y.push(Math.cos(i * 0.7) + 0.5 * Math.sin(i));
  }
  const frame = frameFromArrays({ worker, firm, x, y });
  it("Stata mode counts the exact redundancy of the first two FE (connected components), as reghdfe", () => {
    const r = feols(frame, "y ~ x | worker + firm");
    expect(r.fixed_effects[1].redundant).toBe(2);
    expect(r.dof.k).toBe(1 + 20 + 8 - 2);
  });
  it("fixest mode presumes one redundant level per FE after the first, as fixest's default ssc()", () => {
    const r = feols(frame, "y ~ x | worker + firm", { ssc: "fixest" });
    expect(r.fixed_effects[1].redundant).toBe(1);
    expect(r.dof.k).toBe(1 + 20 + 8 - 1);
  });
});
