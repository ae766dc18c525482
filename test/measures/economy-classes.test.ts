import { describe, expect, it } from "vitest";
import { economyClasses } from "../../src/measures/economy-classes.js";

describe("economyClasses", () => {
  it("splits at the means: I high–high, II low TFP–high robots, III low–low, IV high–low", () => {
    // Means over the four complete rows: TFP (1+0+0+1)/4 = 0.5, robots (5+5+1+1)/4 = 3.
    const c = economyClasses(Float64Array.of(1, 0, 0, 1, Number.NaN), Float64Array.of(5, 5, 1, 1, 3));
    expect(Array.from(c.classes)).toEqual([1, 2, 3, 4, 0]);
    expect(Array.from(c.highTfp)).toEqual([1, 0, 0, 1, -1]);
    expect(c.tfpMean).toBe(0.5);
    expect(c.robotMean).toBe(3);
  });

  it("counts a value equal to the mean as low", () => {
    // TFP 1, 2, 3: mean 2 → the middle economy is low; robots 0, 3, 0: mean 1.
    const c = economyClasses(Float64Array.of(1, 2, 3), Float64Array.of(0, 3, 0));
    expect(Array.from(c.classes)).toEqual([3, 2, 4]);
  });

  it("names misaligned arguments", () => {
    expect(() => economyClasses(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(
      /economyClasses: argument "robotsPer100" has 2 rows but "baseTfp" has 1/,
    );
  });
});
