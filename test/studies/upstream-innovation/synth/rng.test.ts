import { describe, expect, it } from "vitest";
import { deriveSeed, streamRng } from "../../../../src/synth/rng.js";

describe("seeded streams of the generators", () => {
  it("gives the same numbers for the same seed and label", () => {
    const a = streamRng(42, "firms");
    const b = streamRng(42, "firms");
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  it("gives different streams for different labels or seeds", () => {
    expect(deriveSeed(42, "firms")).not.toBe(deriveSeed(42, "cities"));
    expect(deriveSeed(42, "firms")).not.toBe(deriveSeed(43, "firms"));
    expect(streamRng(1, "a").next()).not.toBe(streamRng(1, "b").next());
  });

  it("refuses seeds that are not 32-bit whole numbers", () => {
    expect(() => deriveSeed(-1, "x")).toThrow(/seed/);
    expect(() => deriveSeed(1.5, "x")).toThrow(/seed/);
    expect(() => deriveSeed(2 ** 32, "x")).toThrow(/seed/);
  });
});
