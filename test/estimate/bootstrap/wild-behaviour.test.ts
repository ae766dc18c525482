/**
 * Behaviour of `--boot wild` beyond the brute-force comparison: Webb draws are reproducible from the
 * seed (and change with it), the bootstrap t equals the model's cluster-robust t, the p-value does not
 * depend on the small-sample convention, enumeration is used only when 2^G ≤ B, and bad requests are
 * errors naming the flag.
 */
import { describe, expect, it } from "vitest";
import { wildBootstrap } from "../../../src/estimate/bootstrap/wild.js";
import { feols } from "../../../src/estimate/feols.js";
import { frameFromArrays } from "../../../src/frame/frame.js";
import { createRng } from "../../../src/measures/rng.js";

function data(G: number, seed: number) {
  const rng = createRng(seed);
  const d = {
    y: [] as number[],
    x: [] as number[],
    z: [] as number[],
    firm: [] as number[],
    st: [] as number[],
  };
  for (let g = 0; g < G; g++) {
    const c = rng.normal();
    for (let i = 0; i < 12; i++) {
      const x = rng.normal() + 0.3 * c;
      d.x.push(x);
      d.z.push(rng.normal());
      d.y.push(0.2 * x + c + rng.normal());
      d.firm.push(g * 4 + (i % 4));
      d.st.push(g);
    }
  }
  return frameFromArrays(d);
}

describe("wild bootstrap behaviour", () => {
  const frame = data(20, 5);
  const opts = { vcov: "cluster:st" };

  it("Webb draws are reproducible from the seed and change with it", () => {
    const a = wildBootstrap(frame, "y ~ x + z | firm", opts, { weights: "webb", reps: 999, seed: 123 });
    const b = wildBootstrap(frame, "y ~ x + z | firm", opts, { weights: "webb", reps: 999, seed: 123 });
    const c = wildBootstrap(frame, "y ~ x + z | firm", opts, { weights: "webb", reps: 999, seed: 124 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    expect(a[0].enumerated).toBe(false);
    expect(a[0].reps).toBe(999);
  });

  it("the bootstrap t is the model's cluster-robust t, under either convention", () => {
    for (const ssc of ["stata", "fixest"] as const) {
      const model = feols(frame, "y ~ x + z | firm", { ...opts, ssc });
      const rows = wildBootstrap(frame, "y ~ x + z | firm", { ...opts, ssc }, { reps: 199, weights: "webb" });
      for (const r of rows) {
        const m = model.coefficients.find((c) => c.term === r.term);
        expect(Math.abs((r.t - (m?.t ?? 0)) / (m?.t ?? 1))).toBeLessThan(1e-10);
      }
    }
  });

  it("the p-value and interval do not depend on the small-sample factor", () => {
    const a = wildBootstrap(frame, "y ~ x + z", { ...opts, ssc: "stata" }, { reps: 499, weights: "normal" });
    const b = wildBootstrap(frame, "y ~ x + z", { ...opts, ssc: "fixest" }, { reps: 499, weights: "normal" });
    expect(a[0].p).toBe(b[0].p);
    expect(Math.abs((a[0].ci[0] as number) - (b[0].ci[0] as number))).toBeLessThan(1e-9);
  });

  it("enumerates the 2^G sign vectors only when 2^G ≤ B", () => {
    const small = data(6, 2);
    expect(wildBootstrap(small, "y ~ x", opts, { reps: 64 })[0]).toMatchObject({
      enumerated: true,
      reps: 64,
    });
    expect(wildBootstrap(small, "y ~ x", opts, { reps: 63 })[0]).toMatchObject({
      enumerated: false,
      reps: 63,
    });
  });

  it("tests every slope by default and the requested terms otherwise", () => {
    expect(wildBootstrap(frame, "y ~ x + z", opts, { reps: 99 }).map((r) => r.term)).toEqual(["x", "z"]);
    expect(wildBootstrap(frame, "y ~ x + z", opts, { reps: 99, terms: ["z"] }).map((r) => r.term)).toEqual([
      "z",
    ]);
  });

  it("errors name the flag: no clusters, unknown term, IV part", () => {
    expect(() => wildBootstrap(frame, "y ~ x", { vcov: "hetero" }, {})).toThrow(/--boot-cluster/);
    expect(() => wildBootstrap(frame, "y ~ x", opts, { terms: ["w"] })).toThrow(/--boot-terms/);
    expect(() => wildBootstrap(frame, "y ~ z | x ~ firm", opts, {})).toThrow(/IV part/);
  });
});
