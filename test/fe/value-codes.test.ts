import { describe, expect, it } from "vitest";
import { buildFactor, subsetFactor } from "../../src/fe/factor.js";
import { codeView, valueCodedFactor } from "../../src/fe/value-codes.js";
import { frameFromArrays } from "../../src/frame/frame.js";

describe("value-coded factors", () => {
  it("give the first-appearance codes of the code table without storing them until read", () => {
    const col = Float64Array.of(3, 3, 4, 5, 4, 3, 6);
    const f = valueCodedFactor(col, "year");
    expect(f).not.toBeNull();
    if (!f) return;
    expect(f.levels).toBe(4);
    const { array, base } = codeView(f);
    expect(array).toBe(col); // the column itself, no second array
    expect(Array.from(array, (v) => v - base)).toEqual([0, 0, 1, 2, 1, 0, 3]);
    expect(Array.from(f.codes)).toEqual([0, 0, 1, 2, 1, 0, 3]);
    expect(f.codes).toBe(f.codes); // materialised once
  });

  it("are refused when values are not whole numbers first seen in increasing order (then the table codes them)", () => {
    expect(valueCodedFactor(Float64Array.of(1, 3, 2), "g")).toBeNull(); // 3 before 2
    expect(valueCodedFactor(Float64Array.of(2, 1), "g")).toBeNull(); // below the first value
    expect(valueCodedFactor(Float64Array.of(1, 1.5, 2), "g")).toBeNull();
    expect(valueCodedFactor(Float64Array.of(1, Number.NaN, 2), "g")).toBeNull();
    const frame = frameFromArrays({ g: Float64Array.of(1, 3, 2, 3) });
    const f = buildFactor(frame, ["g"]);
    expect(f.values).toBeUndefined();
    expect(Array.from(f.codes)).toEqual([0, 1, 2, 1]);
  });

  it("are what buildFactor returns for sorted panel identifiers, and survive a full-sample subset", () => {
    const frame = frameFromArrays({
      id: Float64Array.of(7, 7, 8, 8, 9),
      year: Float64Array.of(1, 2, 1, 2, 1),
    });
    const id = buildFactor(frame, ["id"]);
    expect(id.values?.base).toBe(7);
    expect(subsetFactor(id, new Uint8Array(5).fill(1), 5)).toBe(id);
    const sub = subsetFactor(id, Uint8Array.of(1, 1, 0, 0, 1), 3);
    expect(Array.from(sub.codes)).toEqual([0, 0, 1]);
    expect(sub.levels).toBe(2);
  });
});
