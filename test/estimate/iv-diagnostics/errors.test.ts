/**
 * Bad input gets an Error that names the counts, the variables, the row and what to do — never a
 * TypeError, a hang or a silently wrong table.
 */
import { describe, expect, it } from "vitest";
import { ivDiagnostics } from "../../../src/estimate/iv-diagnostics/index.js";
import type { IVDiagnosticsInput } from "../../../src/estimate/iv-diagnostics/types.js";
import { buildInput, type CaseModel, codesOf } from "./helpers/build-input.js";
import { simData } from "./helpers/card.js";

const model: CaseModel = {
  data: "sim_cluster.csv",
  depvar: "y",
  exog: ["x1"],
  endog: ["endo1"],
  instruments: ["z1", "z2"],
  cluster: null,
  weights: null,
  constant: true,
  dofminus: 0,
  sdofminus: 0,
  vce: "iid",
  small: false,
};
const good = (): IVDiagnosticsInput => buildInput(model, simData());

describe("ivDiagnostics input errors", () => {
  it("fewer excluded instruments than endogenous regressors: names both counts and all variables", () => {
    const inp = good();
    const call = () =>
      ivDiagnostics({
        ...inp,
        endog: [inp.endog[0], inp.excluded[1]],
        endogNames: ["endo1", "endo2"],
        excluded: [inp.excluded[0]],
        excludedNames: ["z1"],
        K: 4,
        L: 3,
      });
    expect(call).toThrow(
      /underidentified: 1 excluded instrument\(s\) \(z1\) for 2 endogenous regressor\(s\) \(endo1, endo2\)/,
    );
    expect(call).toThrow(/add excluded instruments/);
  });

  it("clustering with a single cluster, with zero dimensions, and with a code out of range", () => {
    const inp = good();
    const one = { name: "everyone", codes: new Int32Array(inp.y.length), groups: 1 };
    expect(() => ivDiagnostics({ ...inp, vce: "cluster", clusters: [one] })).toThrow(
      /cluster variable "everyone" has 1 cluster in the estimation sample; .*at least two clusters/,
    );
    expect(() => ivDiagnostics({ ...inp, vce: "cluster", clusters: [] })).toThrow(
      /needs one or two clustering dimensions, got 0/,
    );
    const bad = codesOf("cluster_id", simData().cluster_id);
    const codes = Int32Array.from(bad.codes);
    codes[17] = 99;
    expect(() => ivDiagnostics({ ...inp, vce: "cluster", clusters: [{ ...bad, codes }] })).toThrow(
      /"cluster_id" has code 99 at row 18/,
    );
  });

  it("missing values: names the variable and the row", () => {
    const inp = good();
    const z2 = Float64Array.from(inp.excluded[1]);
    z2[41] = Number.NaN;
    expect(() => ivDiagnostics({ ...inp, excluded: [inp.excluded[0], z2] })).toThrow(
      /excluded instrument "z2" is NaN at row 42; drop rows with missing values/,
    );
  });

  it("columns of different lengths, inconsistent K/L, N not matching the data, negative weights", () => {
    const inp = good();
    expect(() => ivDiagnostics({ ...inp, endog: [inp.endog[0].subarray(1)] })).toThrow(
      /endogenous regressor "endo1" has 999 rows but y has 1000/,
    );
    expect(() => ivDiagnostics({ ...inp, K: 4 })).toThrow(/K=4 and L=4 are inconsistent/);
    expect(() => ivDiagnostics({ ...inp, N: 990 })).toThrow(/N=990 but the data have 1000 rows/);
    const w = new Float64Array(inp.y.length).fill(1);
    w[3] = -1;
    expect(() => ivDiagnostics({ ...inp, weights: w })).toThrow(/weight at row 4 is -1/);
    expect(() => ivDiagnostics({ ...inp, endogNames: [] })).toThrow(/1 endogenous regressors but 0 names/);
    expect(() => ivDiagnostics({ ...inp, dofminus: 1.5 })).toThrow(/dofminus must be a whole number/);
  });

  it("collinear instruments and collinear endogenous regressors are named", () => {
    const inp = good();
    const twice = inp.excluded[0].map((v) => 2 * v);
    expect(() =>
      ivDiagnostics({
        ...inp,
        excluded: [...inp.excluded, twice],
        excludedNames: ["z1", "z2", "z1x2"],
        L: 5,
        K: 3,
      }),
    ).toThrow(/"z1x2" are collinear/);
    expect(() =>
      ivDiagnostics({
        ...inp,
        endog: [inp.endog[0], inp.endog[0].map((v) => -v)],
        endogNames: ["endo1", "minus"],
        K: 4,
      }),
    ).toThrow(/endogenous regressor\(s\) "minus" are collinear/);
  });
});
