/**
 * The excluded instruments' first-stage coefficients (computed on partialled data) must equal those of
 * the full first-stage regression as Stata's `regress` reports it — classical, HC1 (n/(n−k)) and
 * cluster ((n−1)/(n−k)·G/(G−1)) standard errors, t with n−k df — which is what ivreg2 saves as its
 * first-stage equations.
 */
import { describe, expect, it } from "vitest";
import { ivDiagnostics } from "../../../src/estimate/iv-diagnostics/index.js";
import { pT } from "../../../src/estimate/pvalues.js";
import { leastSquares } from "../../../src/linalg/least-squares.js";
import { inverseRtR } from "../../../src/linalg/qr.js";
import { buildInput, type CaseModel, codesOf } from "./helpers/build-input.js";
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
  vce: "iid",
  small: false,
};

/** Stata `regress educ nearc2 nearc4 exog…`, vce(·), by textbook formulas on the raw data. */
function regress(vce: "iid" | "robust" | "cluster") {
  const d = cardData();
  const x = [...model.instruments, ...model.exog].map((v) => d[v]);
  const n = d.educ.length;
  x.push(new Float64Array(n).fill(1));
  const k = x.length;
  const fit = leastSquares(x, d.educ);
  const inv = inverseRtR(fit.factor);
  const meat = new Float64Array(k * k);
  let factor = 1;
  if (vce === "iid") {
    const s2 = fit.resid.reduce((a, e) => a + e * e, 0) / (n - k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) meat[i * k + j] = (i === j ? 1 : 0) * s2;
  } else {
    const codes =
      vce === "robust" ? Int32Array.from({ length: n }, (_, i) => i) : codesOf("region", d.region).codes;
    const g = new Set(codes).size;
    const sums = new Float64Array(g * k);
    for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) sums[codes[i] * k + a] += fit.resid[i] * x[a][i];
    for (let c = 0; c < g; c++)
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++) meat[a * k + b] += sums[c * k + a] * sums[c * k + b];
    factor = vce === "robust" ? n / (n - k) : (((n - 1) / (n - k)) * g) / (g - 1);
  }
  const se = [0, 1].map((j) => {
    let v = 0;
    if (vce === "iid") v = inv[j * k + j] * meat[0];
    else
      for (let p = 0; p < k; p++)
        for (let q = 0; q < k; q++) v += inv[j * k + p] * meat[p * k + q] * inv[q * k + j];
    return Math.sqrt(v * factor);
  });
  return { coef: [fit.coef[0], fit.coef[1]], se, df: n - k };
}

describe("first-stage coefficients of the excluded instruments", () => {
  it.each(["iid", "robust", "cluster"] as const)("equal Stata regress with vce %s", (vce) => {
    const d = ivDiagnostics(
      buildInput({ ...model, vce, cluster: vce === "cluster" ? ["region"] : null }, cardData()),
    );
    const ref = regress(vce);
    d.first_stage[0].coefficients.forEach((row, j) => {
      expect(row.term).toBe(model.instruments[j]);
      expect(Math.abs(row.estimate / ref.coef[j] - 1)).toBeLessThan(1e-9);
      expect(Math.abs(row.se / ref.se[j] - 1)).toBeLessThan(1e-9);
      expect(Math.abs(row.p - pT(ref.coef[j] / ref.se[j], ref.df))).toBeLessThan(1e-12);
    });
  });
});
