import { describe, expect, it } from "vitest";
import { caseClash } from "../../src/io/name-clash.js";

describe("caseClash", () => {
  it("finds the first two names equal ignoring case, by position", () => {
    expect(caseClash(["id", "x", "ID", "X"])).toEqual([0, 2]);
    expect(caseClash(["l", "L"])).toEqual([0, 1]);
    expect(caseClash(["省份", "年份", "省份"])).toEqual([0, 2]);
  });

  it("returns null when every name differs", () => {
    expect(caseClash(["id", "id2", "x"])).toBeNull();
    expect(caseClash([])).toBeNull();
  });
});
