import { describe, expect, it } from "vitest";
import { createRng } from "../../src/measures/rng.js";

describe("createRng", () => {
  it("is reproducible from its seed and differs across seeds", () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const sa = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(sa);
  });

  it("draws uniform integers without bias and normals with mean 0, variance 1", () => {
    const rng = createRng(123);
    const counts = new Array<number>(6).fill(0);
    const N = 60000;
    for (let i = 0; i < N; i++) counts[rng.int(6)]++;
    // Each count ~ Binomial(60000, 1/6): s.d. ≈ 91; allow 4.5 s.d.
    for (const c of counts) expect(Math.abs(c - N / 6)).toBeLessThan(410);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const z = rng.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / N)).toBeLessThan(0.02); // s.d. of the mean ≈ 0.004
    expect(Math.abs(s2 / N - 1)).toBeLessThan(0.03); // s.d. ≈ 0.006
    const u = rng.next();
    expect(u >= 0 && u < 1).toBe(true);
  });

  it("rejects bad arguments", () => {
    expect(() => createRng(Number.NaN)).toThrow(/createRng: seed must be a finite number/);
    expect(() => createRng(1).int(0)).toThrow(/Rng.int: n must be an integer/);
  });
});
