import { describe, expect, it } from "vitest";
import { generateLinkBenchmark } from "../../bench/link/generate.js";

describe("linkage benchmark generator", () => {
  const size = { firms: 400, records: 700, outside: 100, seed: 3 };
  const b = generateLinkBenchmark(size);
  const truth = b.truth
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));

  it("is deterministic given the seed", () => {
    expect(generateLinkBenchmark(size)).toEqual(b);
    expect(generateLinkBenchmark({ ...size, seed: 4 }).records).not.toBe(b.records);
  });

  it("writes the requested numbers of firms, records and outside records", () => {
    expect(b.firms.trim().split("\n")).toHaveLength(size.firms + 1);
    expect(b.records.trim().split("\n")).toHaveLength(size.records + 1);
    expect(truth.filter((t) => t[2] === "none" && t[1] === "")).toHaveLength(size.outside);
  });

  it("uses every kind of variant of the visible sample", () => {
    const kinds = new Set(truth.map((t) => t[2]));
    for (const k of [
      "exact",
      "form",
      "width_space",
      "place_dropped",
      "place_suffix",
      "place_moved",
      "group",
      "traditional",
      "typo",
      "former",
      "none",
    ])
      expect(kinds.has(k), k).toBe(true);
  });
});
