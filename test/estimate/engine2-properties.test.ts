/**
 * Properties of Engine II (issue 9) that hold whatever the data: a kernel VCOV with bandwidth 1 is
 * the heteroskedasticity-robust one, LIML is 2SLS when exactly identified, two-step GMM under iid is
 * 2SLS, a VCOV recomputed from a fit equals a fresh fit with that VCOV, lags respect time gaps, and
 * the C tests reduce to the statistics they generalise.
 */
import { describe, expect, it } from "vitest";
import { estimateModel, feols, withVcov } from "../../src/estimate/feols.js";
import type { EstimateOptions } from "../../src/estimate/options.js";
import type { EstimationResult } from "../../src/estimate/result.js";
import { frameFromArrays } from "../../src/frame/frame.js";

/** A deterministic panel (25 units × 8 periods, some rows missing) with one endogenous regressor and two instruments. */
function data(seed = 11) {
  let s = seed;
  const u = () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647 - 0.5;
  };
  const cols: Record<string, number[]> = {
    id: [],
    t: [],
    region: [],
    r1: [],
    r2: [],
    r3: [],
    x: [],
    z1: [],
    z2: [],
    w: [],
    y: [],
    t2: [],
  };
  for (let i = 0; i < 25; i++) {
    let e = 0;
    for (let t = 0; t < 8; t++) {
      if ((i * 5 + t * 3) % 13 === 0) continue;
      const z1 = u();
      const z2 = u();
      const v = u();
      e = 0.5 * e + u();
      const x = 0.8 * z1 + 0.5 * z2 + v + 0.5 * e;
      cols.id.push(i);
      cols.t.push(2000 + t);
      cols.t2.push(2 * t);
      cols.region.push(i % 4);
      for (const r of [1, 2, 3]) cols[`r${r}`].push(i % 4 === r ? 1 : 0);
      cols.x.push(x);
      cols.z1.push(z1);
      cols.z2.push(z2);
      cols.w.push(u() + (i % 3));
      cols.y.push(1 + 0.7 * x - 0.4 * cols.w[cols.w.length - 1] + e + 0.1 * i);
    }
  }
  return frameFromArrays(cols);
}

const frame = data();
const IV = "y ~ w | x ~ z1 + z2";
const JUST = "y ~ w | x ~ z1";

function expectSameEstimates(a: EstimationResult, b: EstimationResult, tol: number) {
  expect(a.coefficients.map((c) => c.term)).toEqual(b.coefficients.map((c) => c.term));
  a.coefficients.forEach((c, j) => {
    expect(c.estimate).toBeCloseTo(b.coefficients[j].estimate, -Math.log10(tol));
    expect(Math.abs(c.se - b.coefficients[j].se) / b.coefficients[j].se).toBeLessThan(tol);
  });
}

describe("Engine II properties", () => {
  it("a Bartlett kernel VCOV with bandwidth 1 (no lags) equals the heteroskedasticity-robust VCOV", () => {
    for (const kernel of ["bartlett", "parzen", "thanning"]) {
      const hac = feols(frame, IV, { vcov: "hetero", kernel, bw: 1, time: "t", panel: "id" });
      const hc = feols(frame, IV, { vcov: "hetero" });
      expect(hac.vcov.type).toBe("hac");
      expectSameEstimates(hac, hc, 1e-12);
    }
  });

  it("an AC VCOV with bandwidth 1 equals the iid VCOV", () => {
    const ac = feols(frame, IV, { vcov: "iid", kernel: "bartlett", bw: 1, time: "t", panel: "id" });
    expectSameEstimates(ac, feols(frame, IV, {}), 1e-12);
  });

  it("lags follow time values: with every period two apart, lag 1 has no pairs and HAC(bw 2) equals HC", () => {
    const hac = feols(frame, IV, { vcov: "hetero", kernel: "bartlett", bw: 2, time: "t2", panel: "id" });
    expectSameEstimates(hac, feols(frame, IV, { vcov: "hetero" }), 1e-12);
    const withLags = feols(frame, IV, { vcov: "hetero", kernel: "bartlett", bw: 3, time: "t2", panel: "id" });
    expect(Math.abs(withLags.coefficients[1].se - hac.coefficients[1].se)).toBeGreaterThan(1e-6);
  });

  it("LIML equals 2SLS when the equation is exactly identified (λ = 1)", () => {
    for (const vcov of ["iid", "hetero", "cluster:id"]) {
      const liml = feols(frame, JUST, { estimator: "liml", vcov });
      expect(liml.iv?.lambda).toBeCloseTo(1, 12);
      expectSameEstimates(liml, feols(frame, JUST, { vcov }), 1e-9);
    }
  });

  it("LIML with absorbed fixed effects equals LIML with explicit dummies", () => {
    const fe = feols(frame, "y ~ w | region | x ~ z1 + z2", { estimator: "liml" });
    const dummies = feols(frame, "y ~ w + r1 + r2 + r3 | x ~ z1 + z2", { estimator: "liml" });
    expect(fe.iv?.lambda).toBeCloseTo(dummies.iv?.lambda ?? 0, 10);
    const b = (r: EstimationResult, t: string) => r.coefficients.find((c) => c.term === t);
    expect(b(fe, "x")?.estimate).toBeCloseTo(b(dummies, "x")?.estimate ?? 0, 10);
    expect(b(fe, "x")?.se).toBeCloseTo(b(dummies, "x")?.se ?? 0, 10);
  });

  it("Fuller's k is λ − α/(N − L) whatever dofminus/sdofminus (ivreg2), and dofminus only rescales σ²", () => {
    const base = feols(frame, IV, { estimator: "fuller:1", small: false });
    const dof = feols(frame, IV, { estimator: "fuller:1", small: false, dofminus: 3, sdofminus: 2 });
    const L = 4; // z1, z2, w, constant
    expect(base.iv?.kclass).toBeCloseTo((base.iv?.lambda ?? 0) - 1 / (base.nobs - L), 14);
    expect(dof.iv?.kclass).toBe(base.iv?.kclass);
    base.coefficients.forEach((c, j) => {
      expect(dof.coefficients[j].estimate).toBe(c.estimate);
      // Large-sample iid: σ² = RSS/(N − dofminus).
      expect(dof.coefficients[j].se / c.se).toBeCloseTo(Math.sqrt(base.nobs / (base.nobs - 3)), 12);
    });
  });

  it("Fuller with absorbed fixed effects equals Fuller with explicit dummies (k counts the FE in L)", () => {
    const fe = feols(frame, "y ~ w | region | x ~ z1 + z2", { estimator: "fuller:4" });
    const dummies = feols(frame, "y ~ w + r1 + r2 + r3 | x ~ z1 + z2", { estimator: "fuller:4" });
    expect(fe.iv?.kclass).toBeCloseTo(dummies.iv?.kclass ?? 0, 12);
    const b = (r: EstimationResult, t: string) => r.coefficients.find((c) => c.term === t);
    expect(b(fe, "x")?.estimate).toBeCloseTo(b(dummies, "x")?.estimate ?? 0, 10);
    expect(b(fe, "x")?.se).toBeCloseTo(b(dummies, "x")?.se ?? 0, 10);
  });

  it("frequency weights are replicated rows: LIML, Fuller and GMM2S with fweights equal the expanded data", () => {
    const n = frame.nrows;
    const fw = Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const cols = Object.fromEntries(
      frame.names.map((c) => [c, Array.from((frame.columns[c] as { values: Float64Array }).values)]),
    );
    const weighted = frameFromArrays({ ...cols, fw });
    const expanded: Record<string, number[]> = Object.fromEntries(frame.names.map((c) => [c, []]));
    for (let i = 0; i < n; i++)
      for (let r = 0; r < fw[i]; r++) for (const c of frame.names) expanded[c].push(cols[c][i]);
    const big = frameFromArrays(expanded);
    for (const estimator of ["liml", "fuller:1", "gmm2s"])
      for (const vcov of ["iid", "hetero", "cluster:id"]) {
        const a = feols(weighted, IV, {
          estimator,
          vcov,
          weights: "fw",
          weightType: "fweight",
          small: false,
        });
        const b = feols(big, IV, { estimator, vcov, small: false });
        expect(a.nobs).toBe(b.nobs);
        expectSameEstimates(a, b, 1e-9);
        if (a.iv?.kclass !== null) expect(a.iv?.kclass).toBeCloseTo(b.iv?.kclass ?? 0, 10);
        expect(a.iv?.overid?.stat).toBeCloseTo(b.iv?.overid?.stat ?? Number.NaN, 8);
      }
  });

  it("LIML reports Stock–Yogo's LIML size critical values (as ivreg2), 2SLS the 2SLS ones", () => {
    // Stock & Yogo (2005) table 5.4, K1 = 1, L1 = 2: 8.68, 5.33, 4.42, 3.92.
    expect(feols(frame, IV, { estimator: "liml" }).iv?.weakid.stock_yogo).toEqual({
      liml_size_10: 8.68,
      liml_size_15: 5.33,
      liml_size_20: 4.42,
      liml_size_25: 3.92,
    });
    expect(feols(frame, IV, {}).iv?.weakid.stock_yogo.tsls_size_10).toBe(19.93);
  });

  it("two-step GMM under iid equals 2SLS", () => {
    expectSameEstimates(feols(frame, IV, { estimator: "gmm2s" }), feols(frame, IV, {}), 1e-10);
  });

  it("k-class with k = 1 is 2SLS and with k = 0 is OLS", () => {
    expectSameEstimates(feols(frame, IV, { estimator: "kclass:1" }), feols(frame, IV, {}), 1e-10);
    const k0 = feols(frame, IV, { estimator: "kclass:0" });
    const ols = feols(frame, "y ~ w + x", {});
    expect(k0.coefficients.find((c) => c.term === "x")?.estimate).toBeCloseTo(
      ols.coefficients.find((c) => c.term === "x")?.estimate ?? 0,
      10,
    );
  });

  it("a VCOV recomputed from a fit equals a fresh fit with that VCOV (no re-demeaning)", () => {
    const base: EstimateOptions = { time: "t", panel: "id" };
    const m = estimateModel(frame, "y ~ w | id | x ~ z1 + z2", { ...base, vcov: "iid" });
    for (const [vcov, extra] of [
      ["hetero", {}],
      ["cluster:region", {}],
      ["cluster:id+t", {}],
      ["hetero", { kernel: "parzen", bw: 3 }],
      ["dkraay", { bw: 2 }],
      ["kiefer", {}],
    ] as const) {
      const again = withVcov(m, vcov, extra);
      const fresh = feols(frame, "y ~ w | id | x ~ z1 + z2", { ...base, ...extra, vcov });
      expect(again.vcov).toEqual(fresh.vcov);
      expect(again.coefficients).toEqual(fresh.coefficients);
      expect(again.iv?.stats).toEqual(fresh.iv?.stats);
    }
    const g = estimateModel(frame, IV, { estimator: "gmm2s", vcov: "iid" });
    expect(withVcov(g, "hetero").coefficients).toEqual(
      feols(frame, IV, { estimator: "gmm2s", vcov: "hetero" }).coefficients,
    );
  });

  it("a fitted model's residuals are y − ŷ with the fixed effects (as with explicit dummies)", () => {
    const m = estimateModel(frame, "x ~ w + z1 | region", {});
    const dummies = feols(frame, "x ~ w + z1 + r1 + r2 + r3", {});
    const b = Object.fromEntries(dummies.coefficients.map((c) => [c.term, c.estimate]));
    const col = (n: string) => (frame.columns[n] as { values: Float64Array }).values;
    const res = m.residuals();
    expect(res.length).toBe(frame.nrows);
    for (let i = 0; i < frame.nrows; i++) {
      const fitted =
        b["(Intercept)"] +
        b.w * col("w")[i] +
        b.z1 * col("z1")[i] +
        b.r1 * col("r1")[i] +
        b.r2 * col("r2")[i] +
        b.r3 * col("r3")[i];
      expect(res[i]).toBeCloseTo(col("x")[i] - fitted, 10);
    }
  });

  it("--endog-test on every endogenous regressor is ivreg2's endogeneity statistic", () => {
    const all = feols(frame, IV, { vcov: "hetero", endogTest: ["x"] });
    const plain = feols(frame, IV, { vcov: "hetero" });
    expect(all.iv?.endog_test?.stat).toBeCloseTo(plain.iv?.endog.stat ?? Number.NaN, 8);
    expect(all.iv?.endog_test?.vars).toEqual(["x"]);
  });

  it("--orthog on one instrument with one overidentifying restriction equals the Sargan/Hansen statistic", () => {
    for (const vcov of ["iid", "hetero"]) {
      const r = feols(frame, IV, { vcov, orthog: ["z2"] });
      expect(r.iv?.orthog?.stat).toBeCloseTo(r.iv?.overid?.stat ?? Number.NaN, 8);
      expect(r.iv?.orthog?.df).toBe(1);
    }
  });

  it("flag combinations that make no sense are errors naming the flags", () => {
    expect(() => feols(frame, IV, { kernel: "bartlett", bw: 2 })).toThrow(/--time/);
    expect(() => feols(frame, IV, { vcov: "dkraay", time: "t", panel: "id" })).toThrow(/--bw/);
    expect(() => feols(frame, IV, { vcov: "kiefer", time: "t" })).toThrow(/--panel/);
    expect(() => feols(frame, "y ~ w + x", { estimator: "liml" })).toThrow(/IV part/);
    expect(() => feols(frame, IV, { kernel: "nope", bw: 2, time: "t" })).toThrow(/not a kernel/);
    expect(() => feols(frame, IV, { vcov: "hetero", kernel: "bartlett", bw: 2, time: "t" })).toThrow(
      /repeated time values/,
    );
  });
});
