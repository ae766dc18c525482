/**
 * The result's contract: plain JSON that survives a round trip, frozen, deterministic; Stock–Yogo
 * values looked up for (K1, L1) with absent keys where the table has no entry; the Stock–Wright S
 * falls back on ivreg2's partial() convention (and says so) when the included regressors are not
 * supplied, leaving every other statistic unchanged.
 */
import { describe, expect, it } from "vitest";
import { ivDiagnostics, stockYogo } from "../../../src/estimate/iv-diagnostics/index.js";
import { buildInput, type CaseModel } from "./helpers/build-input.js";
import { cardData } from "./helpers/card.js";

const model: CaseModel = {
  data: "card.csv",
  depvar: "lwage",
  exog: ["exper", "expersq", "black", "south"],
  endog: ["educ"],
  instruments: ["nearc2", "nearc4"],
  cluster: null,
  weights: null,
  constant: true,
  dofminus: 0,
  sdofminus: 0,
  vce: "robust",
  small: true,
};

describe("ivDiagnostics result", () => {
  it("is plain, frozen, JSON round-trippable and byte-identical across runs", () => {
    const a = ivDiagnostics(buildInput(model, cardData()));
    const b = ivDiagnostics(buildInput(model, cardData()));
    const json = JSON.stringify(a);
    expect(JSON.parse(json)).toEqual(a);
    expect(json).toBe(JSON.stringify(b));
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.first_stage[0].stats)).toBe(true);
    expect(a.overid?.name).toBe("Hansen J");
    expect(a.first_stage[0].coefficients.map((c) => c.term)).toEqual(["nearc2", "nearc4"]);
  });

  it("reports exactly identified models as ivreg2 does: no overid test, J = 0 with 0 df and no p-value", () => {
    const d = ivDiagnostics(buildInput({ ...model, instruments: ["nearc4"] }, cardData()));
    expect(d.overid).toBeNull();
    expect(d.stats.j).toBe(0);
    expect(d.stats.jdf).toBe(0);
    expect(d.stats.jp).toBeNull();
    expect(d.weakid.stock_yogo).toEqual({
      tsls_size_10: 16.38,
      tsls_size_15: 8.96,
      tsls_size_20: 6.66,
      tsls_size_25: 5.53,
    });
  });

  it("looks up Stock–Yogo critical values, leaving out what the tables do not cover", () => {
    expect(stockYogo(1, 3)).toEqual({
      tsls_bias_5: 13.91,
      tsls_bias_10: 9.08,
      tsls_bias_20: 6.46,
      tsls_bias_30: 5.39,
      tsls_size_10: 22.3,
      tsls_size_15: 12.83,
      tsls_size_20: 9.54,
      tsls_size_25: 7.8,
    });
    expect(stockYogo(3, 3)).toEqual({});
    expect(Object.keys(stockYogo(3, 6))).toEqual([
      "tsls_bias_5",
      "tsls_bias_10",
      "tsls_bias_20",
      "tsls_bias_30",
    ]);
  });

  it("without the included regressors, only the robust Stock–Wright S changes (partial() convention, with a note)", () => {
    const full = ivDiagnostics(buildInput(model, cardData()));
    const partialled = ivDiagnostics(buildInput(model, cardData(), { included: false }));
    for (const key of Object.keys(full.stats)) {
      if (key.startsWith("sstat")) continue;
      expect(partialled.stats[key], key).toBe(full.stats[key]);
    }
    expect(full.stock_wright.note).toBeNull();
    expect(partialled.stock_wright.note).toMatch(/partial\(\)/);
    expect(Math.abs((partialled.stats.sstat as number) / (full.stats.sstat as number) - 1)).toBeGreaterThan(
      1e-4,
    );
  });
});
