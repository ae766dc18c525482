import { describe, expect, it } from "vitest";
import type { Factor } from "../../src/fe/factor.js";
import { dropSingletons } from "../../src/fe/singletons.js";

const factor = (name: string, codes: number[]): Factor => ({
  name,
  codes: Int32Array.from(codes),
  levels: Math.max(...codes) + 1,
});

describe("singleton removal", () => {
  it("drops nothing and leaves the mask as it was when no level has a single kept row", () => {
    const a = factor("a", [0, 0, 1, 1, 2, 2, 2]);
    const b = factor("b", [0, 1, 0, 1, 0, 1, 1]);
    const keep = Uint8Array.of(1, 1, 1, 1, 1, 1, 1);
    expect(dropSingletons([a, b], keep)).toBe(0);
    expect(Array.from(keep)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it("counts only kept rows: a level left with one kept row is a singleton, and removal iterates", () => {
    // Row 6 is already dropped, so level 2 of a has one kept row (row 5); dropping it leaves level 2
    // of b with a single row (row 4), which is then dropped too.
    const a = factor("a", [0, 0, 1, 1, 1, 2, 2]);
    const b = factor("b", [0, 0, 1, 1, 2, 2, 1]);
    const keep = Uint8Array.of(1, 1, 1, 1, 1, 1, 0);
    expect(dropSingletons([a, b], keep)).toBe(2);
    expect(Array.from(keep)).toEqual([1, 1, 1, 1, 0, 0, 0]);
  });
});
