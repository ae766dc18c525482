/**
 * The WCR bootstrap of the Anderson–Rubin test: its p-value at β₀ is the wild bootstrap of the
 * reduced form of y − β₀x (checked directly), each end of its interval is where that bootstrap p
 * crosses 0.05, and it is reproducible from the seed.
 */
import { describe, expect, it } from "vitest";
import { wildBootstrap } from "../../../src/estimate/bootstrap/wild.js";
import { wcrAr } from "../../../src/estimate/iv-inference/wcr-ar.js";
import { feols } from "../../../src/estimate/feols.js";
import { frameFromArrays } from "../../../src/frame/frame.js";
import { createRng } from "../../../src/measures/rng.js";

function data() {
  const rng = createRng(4);
  const d = {
    y: [] as number[],
    x: [] as number[],
    z: [] as number[],
    w1: [] as number[],
    g: [] as number[],
    t: [] as number[],
  };
  for (let g = 0; g < 12; g++) {
    const c = rng.normal();
    for (let i = 0; i < 15; i++) {
      const z = rng.normal() + 0.3 * c;
      const v = rng.normal();
      const x = z + v;
      d.x.push(x);
      d.z.push(z);
      d.w1.push(rng.normal());
      d.y.push(0.4 * x + 0.5 * v + c + rng.normal());
      d.g.push(g);
      d.t.push(i % 5);
    }
  }
  return d;
}

describe("WCR bootstrap of the AR test", () => {
  const d = data();
  const frame = frameFromArrays(d);
  const f = "y ~ w1 | t | x ~ z";
  const opts = { vcov: "cluster:g" };
  const boot = { reps: 999, weights: "webb" as const, seed: 5 };
  const iv = feols(frame, f, opts).coefficients.find((c) => c.term === "x");
  if (!iv) throw new Error("no x");
  const pAt = (b: number) => {
    const yb = d.y.map((v, i) => v - b * d.x[i]);
    return wildBootstrap(frameFromArrays({ ...d, yb }), "yb ~ z + w1 | t", opts, { ...boot, terms: ["z"] })[0]
      .p;
  };

  it("p at β₀ is the reduced-form WCR p, and the interval ends are where it crosses 0.05", () => {
    const r = wcrAr(frame, f, opts, { ...boot, h0: 0.1 }, iv.estimate, iv.se);
    expect(r.p).toBe(pAt(0.1));
    const [lo, hi] = r.ci as [number, number];
    expect(lo).toBeLessThan(iv.estimate);
    expect(hi).toBeGreaterThan(iv.estimate);
    const eps = 1e-3 * iv.se;
    expect(pAt(lo - eps)).toBeLessThan(0.05);
    expect(pAt(lo + eps)).toBeGreaterThanOrEqual(0.05);
    expect(pAt(hi + eps)).toBeLessThan(0.05);
    expect(pAt(hi - eps)).toBeGreaterThanOrEqual(0.05);
  });

  it("is reproducible from the seed", () => {
    const a = wcrAr(frame, f, opts, boot, iv.estimate, iv.se);
    const b = wcrAr(frame, f, opts, boot, iv.estimate, iv.se);
    expect(a).toEqual(b);
  });

  it("with weights, a missing endogenous value and FE not nested in the clusters, equals the reduced-form WCR at every β₀", () => {
    const xm = d.x.map((v, i) => (i === 7 ? Number.NaN : v));
    const wt = d.x.map((_, i) => 1 + (i % 4));
    const dm = { ...d, x: xm, wt };
    const fm = frameFromArrays(dm);
    const o = { vcov: "cluster:g", weights: "wt" };
    const b2 = feols(fm, f, o).coefficients.find((c) => c.term === "x");
    if (!b2) throw new Error("no x");
    const r = wcrAr(fm, f, o, { ...boot, h0: -0.3 }, b2.estimate, b2.se);
    const slow = (b: number) => {
      const yb = dm.y.map((v, i) => v - b * xm[i]);
      return wildBootstrap(frameFromArrays({ ...dm, yb }), "yb ~ z + w1 | t", o, { ...boot, terms: ["z"] })[0]
        .p;
    };
    expect(r.p).toBe(slow(-0.3));
    const [lo, hi] = r.ci as [number, number];
    const eps = 1e-3 * b2.se;
    expect(slow(lo - eps)).toBeLessThan(0.05);
    expect(slow(lo + eps)).toBeGreaterThanOrEqual(0.05);
    expect(slow(hi + eps)).toBeLessThan(0.05);
    expect(slow(hi - eps)).toBeGreaterThanOrEqual(0.05);
  });
});
