import { describe, expect, it } from "vitest";
import { minimizeScalar } from "../../src/measures/minimize.js";

describe("minimizeScalar", () => {
  it("finds an interior minimum to high accuracy", () => {
    const r = minimizeScalar((x) => (x - 0.3) ** 2 + 1, -1, 2);
    expect(r.x).toBeCloseTo(0.3, 9);
    expect(r.fx).toBeCloseTo(1, 15);
  });

  it("finds the global minimum of a multimodal function on the grid, not the nearest local one", () => {
    // Local minimum at x ≈ −0.871 (f ≈ −0.873), global at x ≈ 1.173 (f ≈ −1.314).
    const f = (x: number) => x ** 4 - 0.5 * x ** 3 - 2 * x ** 2 + 0.3 * x;
    const r = minimizeScalar(f, -2, 2);
    expect(r.x).toBeCloseTo(1.173, 2);
    const h = 1e-6;
    expect(f(r.x)).toBeLessThanOrEqual(f(r.x + h));
    expect(f(r.x)).toBeLessThanOrEqual(f(r.x - h));
  });

  it("widens the bracket when the minimum lies outside it, and is deterministic", () => {
    const f = (x: number) => Math.abs(x - 7.25) ** 1.5;
    const a = minimizeScalar(f, -1, 2);
    const b = minimizeScalar(f, -1, 2);
    expect(a.x).toBeCloseTo(7.25, 5);
    expect(a).toEqual(b);
  });

  it("treats non-finite values as +∞ and reports a minimum that stays on the edge", () => {
    const r = minimizeScalar((x) => (x < 0 ? Number.NaN : (x - 1) ** 2), -1, 3);
    expect(r.x).toBeCloseTo(1, 9);
    expect(() => minimizeScalar((x) => x, 0, 1, { maxWiden: 2 })).toThrow(/minimum is still on the edge/);
  });
});
