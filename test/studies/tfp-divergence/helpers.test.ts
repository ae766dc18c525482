import { describe, expect, it } from "vitest";
import { feols } from "../../../src/estimate/feols.js";
import { frameFromArrays } from "../../../src/frame/frame.js";
import { createRng } from "../../../src/measures/rng.js";
import { aboveMean, spread } from "../../../src/studies/tfp-divergence/economy-flag.js";
import { feFooter } from "../../../src/studies/tfp-divergence/estimator.js";
import { filterRows } from "../../../src/frame/filter-rows.js";
import { summarizeColumn } from "../../../src/frame/summarize.js";
import { waldZero } from "../../../src/studies/tfp-divergence/wald.js";

describe("High: base-year value above the mean of the unit's group", () => {
  it("compares each unit's base-year value with the mean over the units of its group and spreads it over the unit's rows", () => {
    // units 0,1 in group 0 (base values 1 and 3, mean 2); units 2,3 in group 1 (5 and 4, mean 4.5)
    const value = Float64Array.of(1, 9, 3, 0, 5, 5, 4, 4);
    const unit = Int32Array.of(0, 0, 1, 1, 2, 2, 3, 3);
    const group = Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1);
    const isBase = (i: number) => i % 2 === 0;
    expect(Array.from(aboveMean(value, unit, group, isBase))).toEqual([0, 0, 1, 1, 1, 1, 0, 0]);
  });

  it("gives NaN to a unit without a base-year value", () => {
    const out = aboveMean(
      Float64Array.of(Number.NaN, 2, 1, 1),
      Int32Array.of(0, 0, 1, 1),
      Int32Array.of(0, 0, 0, 0),
      (i) => i % 2 === 0,
    );
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out[2]).toBe(0);
  });

  it("spreads per-economy values over rows by level text", () => {
    const col = { type: "category" as const, codes: Int32Array.of(1, 0, -1), levels: ["CHN", "DEU"] };
    const out = spread(col, new Map([["DEU", 0.5]]));
    expect(out[0]).toBe(0.5);
    expect(Number.isNaN(out[1])).toBe(true);
    expect(Number.isNaN(out[2])).toBe(true);
  });
});

describe("Chow-type Wald test", () => {
  const rng = createRng(5);
  const n = 400;
  const x = Float64Array.from({ length: n }, () => rng.normal());
  const h = Float64Array.from({ length: n }, (_, i) => (i % 2 ? 1 : 0));
  const y = Float64Array.from(x, (v, i) => 0.5 * v + 0.3 * v * h[i] + rng.normal());
  const frame = frameFromArrays({ y, x, h });
  const r = feols(frame, "y ~ x + x:h + h", { vcov: "hetero" });

  it("equals the squared t statistic and its p-value for one term", () => {
    const c = r.coefficients.find((t) => t.term === "x:h");
    const w = waldZero(r, ["x:h"]);
    expect(w?.df1).toBe(1);
    expect(w?.f).toBeCloseTo((c?.t ?? 0) ** 2, 9);
    expect(w?.p).toBeCloseTo(c?.p ?? 0, 9);
  });

  it("tests several terms jointly (b'V⁻¹b / q) and ignores unknown ones", () => {
    const w = waldZero(r, ["x:h", "h", "not_a_term"]);
    const i = r.vcov.terms.indexOf("x:h");
    const j = r.vcov.terms.indexOf("h");
    const b = [i, j].map((k) => r.coefficients.find((c) => c.term === r.vcov.terms[k])?.estimate ?? 0);
    const [[a, c], [, d]] = [
      [r.vcov.matrix[i][i], r.vcov.matrix[i][j]],
      [r.vcov.matrix[j][i], r.vcov.matrix[j][j]],
    ];
    const det = a * d - c * c;
    const quad = (d * b[0] * b[0] - 2 * c * b[0] * b[1] + a * b[1] * b[1]) / det;
    expect(w?.df1).toBe(2);
    expect(w?.df2).toBe(r.dof.resid);
    expect(w?.f).toBeCloseTo(quad / 2, 9);
    expect(waldZero(r, ["not_a_term"])).toBeNull();
  });
});

describe("table helpers", () => {
  it("restricts a frame to some rows, keeping every column and the levels", () => {
    const f = frameFromArrays({ a: [1, 2, 3], g: ["x", "y", "x"] }, "demo");
    const sub = filterRows(f, (i) => i !== 1, "x only");
    expect(sub.nrows).toBe(2);
    const a = sub.columns.a;
    const g = sub.columns.g;
    expect(a.type === "number" && Array.from(a.values)).toEqual([1, 3]);
    expect(g.type === "category" && g.codes.every((c) => g.levels[c] === "x")).toBe(true);
    expect(sub.source).toBe("demo (x only)");
  });

  it("summarises N, mean, min and max over non-missing values", () => {
    // s.d. (n − 1): ((1 − 4)² + (3 − 4)² + (8 − 4)²) / 2 = 13.
    expect(summarizeColumn(Float64Array.of(1, Number.NaN, 3, 8))).toEqual({
      n: 3,
      mean: 4,
      sd: Math.sqrt(13),
      min: 1,
      max: 8,
    });
    expect(summarizeColumn(Float64Array.of(Number.NaN))).toEqual({
      n: 0,
      mean: null,
      sd: null,
      min: null,
      max: null,
    });
  });

  it("fills the FE and controls rows as the paper: industry rows blank for the country panel", () => {
    expect(feFooter("country", { fe: false })).toEqual({
      economy_controls: "Yes",
      industry_controls: "",
      industry_fe: "",
      economy_fe: "No",
      year_fe: "No",
    });
    expect(feFooter("industry", { fe: true }).industry_fe).toBe("Yes");
  });
});
