import { describe, expect, it } from "vitest";
import { domesticValueAdded } from "../../src/measures/domestic-value-added.js";

describe("domesticValueAdded (Upward, Wang & Zheng 2013)", () => {
  // Rows: pure processing, pure ordinary, mixed, no exports, inconsistent (S ≤ X^P with X^O > 0), imports > exports.
  const input = {
    processingExports: Float64Array.of(100, 0, 100, 0, 100, 100),
    ordinaryExports: Float64Array.of(0, 50, 100, 0, 10, 0),
    processingImports: Float64Array.of(60, 0, 50, 5, 10, 150),
    ordinaryImports: Float64Array.of(10, 40, 30, 5, 10, 0),
    intermediateShare: Float64Array.of(1, 0.5, 1, 1, 1, 1),
    sales: Float64Array.of(100, 200, 400, 80, 90, 100),
  };

  it("applies the processing / ordinary / mixed formula", () => {
    const r = domesticValueAdded(input);
    // Pure processing: 1 − M^P / X^P = 1 − 60/100 (ordinary imports serve domestic sales only).
    expect(r.dvar[0]).toBeCloseTo(0.4, 15);
    // Pure ordinary: M^O_int = 40·0.5 = 20; 1 − (50·20/200)/50 = 1 − 20/200.
    expect(r.dvar[1]).toBeCloseTo(0.9, 15);
    // Mixed: foreign = 50 + 100·30/(400 − 100) = 60; 1 − 60/200.
    expect(r.dvar[2]).toBeCloseTo(0.7, 15);
    expect(r.dvar[3]).toBeNaN();
    expect(r.dvar[4]).toBeNaN();
    expect(r.dvar[5]).toBeCloseTo(-0.5, 15);
    expect(Array.from(r.regime)).toEqual([1, 2, 3, 0, 0, 1]);
  });

  it("can turn values outside [0, 1] into missing", () => {
    expect(domesticValueAdded(input, { outOfRange: "missing" }).dvar[5]).toBeNaN();
  });

  it("explains bad input", () => {
    expect(() => domesticValueAdded({ ...input, sales: Float64Array.of(1) })).toThrow(
      /domesticValueAdded: argument "sales" has 1 rows but "processingExports" has 6/,
    );
    expect(() =>
      domesticValueAdded({ ...input, ordinaryImports: Float64Array.of(1, 1, 1, 1, -3, 1) }),
    ).toThrow(/domesticValueAdded: ordinaryImports is negative \(-3\) at index 4/);
    expect(() => domesticValueAdded({ ...input, intermediateShare: 1.5 })).toThrow(
      /domesticValueAdded: argument "intermediateShare" must be a finite number ≥ 0 and ≤ 1/,
    );
  });
});
