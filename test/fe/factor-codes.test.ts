import { describe, expect, it } from "vitest";
import { buildFactor } from "../../src/fe/factor.js";
import { frameFromArrays } from "../../src/frame/frame.js";

/** Codes by first appearance, the definition buildFactor must follow whichever path it takes. */
function reference(v: readonly number[]): { codes: number[]; levels: number } {
  const seen = new Map<number, number>();
  const codes = v.map((x) => {
    if (Number.isNaN(x)) return -1;
    if (!seen.has(x)) seen.set(x, seen.size);
    return seen.get(x) as number;
  });
  return { codes, levels: seen.size };
}

const cases: Record<string, number[]> = {
  "IDs in increasing first appearance (panel order)": [1, 1, 2, 2, 3, 1, 4, 4, 2],
  "the same with missing values": [Number.NaN, 5, 5, Number.NaN, 6, 7, 5, Number.NaN],
  "a gap in the IDs": [1, 2, 4, 3, 2],
  "a smaller ID appearing later": [3, 4, 5, 2, 3],
  "decreasing IDs": [9, 8, 7, 9],
  "random order": [17, 3, 17, 8, 3, 1, 8],
  "negative and zero": [-2, -1, 0, 1, -2, 0],
};

describe("integer fixed-effect codes", () => {
  for (const [name, v] of Object.entries(cases)) {
    it(`numbers levels by first appearance: ${name}`, () => {
      const f = buildFactor(frameFromArrays({ id: Float64Array.from(v) }), ["id"]);
      const ref = reference(v);
      expect(Array.from(f.codes)).toEqual(ref.codes);
      expect(f.levels).toBe(ref.levels);
      // `complete` (no code −1) is claimed only when true: model-data then skips its missing-code pass.
      if (f.complete) expect(ref.codes).not.toContain(-1);
      if (!f.values) expect(f.complete ?? false).toBe(!ref.codes.includes(-1));
    });
  }

  it("does not claim completeness for hashed codes with missing values, nor for interactions", () => {
    const v = Float64Array.of(0.5, Number.NaN, 0.25, 0.5);
    const f = buildFactor(frameFromArrays({ id: v }), ["id"]);
    expect(f.complete).toBeUndefined();
    expect(buildFactor(frameFromArrays({ id: Float64Array.of(0.5, 0.25) }), ["id"]).complete).toBe(true);
    const ab = buildFactor(frameFromArrays({ a: Float64Array.of(3, 1, 2), b: Float64Array.of(1, 2, 1) }), [
      "a",
      "b",
    ]);
    expect(ab.complete).toBeUndefined();
  });

  it("puts large code vectors on a SharedArrayBuffer (shared with the demeaning workers uncopied)", () => {
    const n = 1 << 17;
    const v = Float64Array.from({ length: n }, (_, i) => Math.floor(i / 10) + 1);
    const f = buildFactor(frameFromArrays({ id: v }), ["id"]);
    expect(f.codes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(f.levels).toBe(Math.ceil(n / 10));
    expect(f.codes[n - 1]).toBe(Math.floor((n - 1) / 10));
  });
});
