import { describe, expect, it } from "vitest";
import type { CellTable } from "../../src/measures/cell-table.js";
import { upgradingIndex } from "../../src/measures/upgrading.js";

describe("upgradingIndex (eq. 16)", () => {
  it("divides tertiary by secondary value added row by row", () => {
    expect(Array.from(upgradingIndex(Float64Array.of(6, 1, 2), Float64Array.of(4, 0, Number.NaN)))).toEqual([
      1.5,
      Number.NaN,
      Number.NaN,
    ]);
  });

  it("aggregates sector rows (1 primary, 2 secondary, 3 tertiary) per unit-year", () => {
    // Economy 1, 2000: primary 5 (ignored), secondary 3 + 1, tertiary 6 → 6 / 4 = 1.5.
    const va = Float64Array.of(5, 3, 1, 6, 2, 2);
    const sector = Int32Array.of(1, 2, 2, 3, 2, 3);
    const unit = Int32Array.of(1, 1, 1, 1, 2, 2);
    const year = Int32Array.of(2000, 2000, 2000, 2000, 2000, 2000);
    const t: CellTable = upgradingIndex(va, sector, unit, year);
    expect(Array.from(t.value)).toEqual([1.5, 1]);
    expect(() => upgradingIndex(va, Int32Array.of(1, 2, 2, 4, 2, 3), unit, year)).toThrow(
      /upgradingIndex: sector must be 1 \(primary\), 2 \(secondary\) or 3 \(tertiary\), found 4 at index 3/,
    );
  });

  it("names misaligned arguments", () => {
    expect(() => upgradingIndex(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(
      /upgradingIndex: argument "secondary" has 2 rows but "tertiary" has 1/,
    );
  });
});
