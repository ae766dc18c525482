import { describe, expect, it } from "vitest";
import { groupRows, joinKey, keyValue, pickKeyRows } from "../../src/measures/keys.js";

describe("key columns", () => {
  it("groups rows by combined keys in sorted key order, with −1 for missing", () => {
    const year = Float64Array.of(2001, 2000, 2001, Number.NaN, 2000);
    const ind = { codes: Int32Array.of(1, 0, 1, 0, 1), levels: ["b", "a"] };
    const g = groupRows([year, ind], 5);
    // Rows: 0 (2001,"a"), 1 (2000,"b"), 2 (2001,"a"), 3 missing year, 4 (2000,"a").
    // Sorted groups: (2000,"a") → 0, (2000,"b") → 1, (2001,"a") → 2.
    expect(Array.from(g.group)).toEqual([2, 1, 2, -1, 0]);
    expect(g.count).toBe(3);
    expect(Array.from(g.firstRow)).toEqual([4, 1, 0]);
  });

  it("treats repeated level texts in a dictionary as one key", () => {
    const k = { codes: Int32Array.of(0, 1), levels: ["x", "x"] };
    expect(groupRows([k], 2).count).toBe(1);
  });

  it("reads values, picks rows of the same kind and joins tuples unambiguously", () => {
    expect(keyValue(Int32Array.of(-1), 0)).toBeUndefined();
    expect(keyValue({ codes: Int32Array.of(0), levels: ["C26"] }, 0)).toBe("C26");
    expect(pickKeyRows(Int32Array.of(4, 5), Int32Array.of(1, -1))).toEqual(Int32Array.of(5, -1));
    expect(joinKey([1, "1"])).not.toBe(joinKey(["1", 1]));
  });
});
