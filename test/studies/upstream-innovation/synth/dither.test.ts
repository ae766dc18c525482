import { describe, expect, it } from "vitest";
import { streamRng } from "../../../../src/synth/rng.js";
import { ditherCount } from "../../../../src/studies/upstream-innovation/synth/dither.js";

describe("ditherCount (log counts that are unbiased for the linear index)", () => {
  it("draws ⌊e^L⌋ or ⌊e^L⌋ + 1 with E[ln count] = L", () => {
    const rng = streamRng(7, "test/dither");
    for (const L of [0, 0.3, Math.log(2.5), 1.7, 3.2]) {
      const lo = Math.floor(Math.exp(L));
      let sum = 0;
      const n = 40000;
      for (let i = 0; i < n; i++) {
        const c = ditherCount(rng, L);
        expect(c === lo || c === lo + 1).toBe(true);
        sum += Math.log(c);
      }
      // ln count takes two values; its s.d. is (ln(lo + 1) − ln lo)·√(p(1 − p)). Allow 5 s.e.
      const p = (L - Math.log(lo)) / (Math.log(lo + 1) - Math.log(lo));
      const se = ((Math.log(lo + 1) - Math.log(lo)) * Math.sqrt(p * (1 - p))) / Math.sqrt(n);
      expect(Math.abs(sum / n - L)).toBeLessThanOrEqual(5 * se + 1e-12);
    }
  });

  it("returns 1 at L = 0 and tolerates −1e-16 from rounding", () => {
    const rng = streamRng(1, "test/dither0");
    expect(ditherCount(rng, 0)).toBe(1);
    expect(ditherCount(rng, -1e-16)).toBe(1);
  });

  it("refuses a negative or non-finite log count", () => {
    const rng = streamRng(1, "test/dither1");
    expect(() => ditherCount(rng, -0.1)).toThrow(/≥ 0/);
    expect(() => ditherCount(rng, Number.NaN)).toThrow(/finite/);
  });
});
