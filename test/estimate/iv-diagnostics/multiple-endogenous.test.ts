/**
 * Two and three endogenous regressors, where the fixtures have no Stata oracle (Card: educ and smsa
 * instrumented by nearc2, nearc4, smsa66, momdad14): the rank statistics must satisfy their defining
 * identities, every test must be invariant to nonsingular recombinations
 * of the instruments and of the endogenous regressors, and the conditional (SW/AP) first stages must
 * collapse when they should.
 */
import { describe, expect, it } from "vitest";
import { canonicalCorrelations } from "../../../src/estimate/iv-diagnostics/canonical-correlations.js";
import { ivDiagnostics } from "../../../src/estimate/iv-diagnostics/index.js";
import { kpRkStatistic } from "../../../src/estimate/iv-diagnostics/kleibergen-paap.js";
import { momentCovariance } from "../../../src/estimate/iv-diagnostics/moment-covariance.js";
import { prepare } from "../../../src/estimate/iv-diagnostics/setup.js";
import type { IVDiagnosticsInput } from "../../../src/estimate/iv-diagnostics/types.js";
import { crossprod } from "../../../src/linalg/dense.js";
import { eigenSym } from "../../../src/linalg/eigen-sym.js";
import { leastSquares } from "../../../src/linalg/least-squares.js";
import { buildInput, type CaseModel } from "./helpers/build-input.js";
import { cardData } from "./helpers/card.js";

const base: CaseModel = {
  data: "card.csv",
  depvar: "lwage",
  exog: ["exper", "expersq", "black", "south"],
  endog: ["educ", "smsa"],
  instruments: ["nearc2", "nearc4", "smsa66", "momdad14"],
  cluster: null,
  weights: null,
  constant: true,
  dofminus: 0,
  sdofminus: 0,
  vce: "iid",
  small: false,
};
const input = (over: Partial<CaseModel> = {}) => buildInput({ ...base, ...over }, cardData());
const rel = (a: number | null, b: number | null) =>
  Math.abs((a as number) - (b as number)) / Math.abs(b as number);

/** Smallest eigenvalue of (X'M_Z X)⁻¹X'P_Z X by brute force from least-squares fits (weighted). */
function minEigenPM(inp: IVDiagnosticsInput): { pm: number; pt: number } {
  const w = inp.weights ?? undefined;
  const fitted = inp.endog.map((x) => {
    const r = leastSquares(inp.excluded, x, { weights: w }).resid;
    return x.map((v, i) => v - r[i]);
  });
  const resid = inp.endog.map((x, j) => x.map((v, i) => v - fitted[j][i]));
  const k = inp.endog.length;
  const xpx = crossprod(fitted, fitted, w);
  const xmx = crossprod(resid, resid, w);
  const xx = crossprod(inp.endog, inp.endog, w);
  // Generalised eigenvalues via M^{-1/2} A M^{-1/2}.
  const gen = (a: Float64Array, m: Float64Array) => {
    const { values, vectors } = eigenSym(m, k);
    const mh = new Float64Array(k * k);
    for (let e = 0; e < k; e++)
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++)
          mh[i * k + j] += (vectors[i * k + e] * vectors[j * k + e]) / Math.sqrt(values[e]);
    const t = new Float64Array(k * k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++)
        for (let p = 0; p < k; p++)
          for (let q = 0; q < k; q++) t[i * k + j] += mh[i * k + p] * a[p * k + q] * mh[q * k + j];
    return eigenSym(t, k).values[0];
  };
  return { pm: gen(xpx, xmx), pt: gen(xpx, xx) };
}

describe("ivDiagnostics with several endogenous regressors", () => {
  it("Cragg–Donald F and Anderson LM equal the smallest eigenvalues of (X'M_ZX)⁻¹X'P_ZX and (X'X)⁻¹X'P_ZX", () => {
    for (const over of [
      {},
      { dofminus: 2, sdofminus: 3 },
      { weights: { type: "aweight" as const, var: "weight" } },
    ]) {
      const inp = input(over);
      const d = ivDiagnostics(inp);
      const { pm, pt } = minEigenPM(inp);
      const scale = (inp.N - inp.L - inp.dofminus - inp.sdofminus) / inp.excluded.length;
      expect(rel(d.weakid.cd_f, pm * scale)).toBeLessThan(1e-10);
      expect(rel(d.underid.stat, pt * (inp.N - inp.dofminus))).toBeLessThan(1e-10);
      expect(d.underid.df).toBe(3);
      expect(d.stats.widstat).toBe(d.weakid.cd_f);
    }
  });

  it("the Kleibergen–Paap rk statistics reduce to Anderson LM and N·Cragg–Donald eigenvalue under a homoskedastic S", () => {
    for (const endog of [
      ["educ", "smsa"],
      ["educ", "smsa", "south"],
    ]) {
      const exog = endog.includes("south") ? ["exper", "expersq", "black"] : base.exog;
      const inp = input({ endog, exog, instruments: ["nearc2", "nearc4", "smsa66", "momdad14", "south66"] });
      const s = prepare(inp);
      const cd = canonicalCorrelations(s);
      if (!cd) throw new Error("canonical correlations failed");
      const r2 = cd.cc[s.K1 - 1] ** 2;
      const resid = s.x.map((x) => leastSquares(s.z, x).resid);
      const lm = kpRkStatistic(s, cd, momentCovariance(s, s.z, s.x, 0, "iid"));
      const wald = kpRkStatistic(s, cd, momentCovariance(s, s.z, resid, 0, "iid"));
      expect(rel(lm, s.N * r2)).toBeLessThan(1e-9);
      expect(rel(wald, (s.N * r2) / (1 - r2))).toBeLessThan(1e-9);
    }
  });

  it("every test is invariant to recombining the instruments and the endogenous regressors (iid, robust, cluster)", () => {
    const combine = (cols: readonly Float64Array[], a: number[][]) =>
      a.map((row) => {
        const out = new Float64Array(cols[0].length);
        row.forEach((c, j) => {
          for (let i = 0; i < out.length; i++) out[i] += c * cols[j][i];
        });
        return out;
      });
    const za = [
      [1, 0.5, 0, 0],
      [0.3, 2, 0, 0.01],
      [0, -1, 1, 0],
      [0.2, 0, 0.001, 1],
    ];
    const xa = [
      [2, 0.7],
      [-0.4, 1],
    ];
    for (const vce of ["iid", "robust", "cluster"] as const) {
      const inp = input({
        vce,
        cluster: vce === "cluster" ? ["regionsmsa"] : null,
        weights: { type: "aweight", var: "weight" },
      });
      const a = ivDiagnostics(inp);
      const b = ivDiagnostics({ ...inp, excluded: combine(inp.excluded, za), endog: combine(inp.endog, xa) });
      for (const key of ["idstat", "cdf", "widstat", "j", "estat", "arf", "archi2", "sstat"]) {
        expect(a.stats[key], `${vce} ${key}`).not.toBeNull();
        expect(rel(b.stats[key], a.stats[key]), `${vce} ${key}`).toBeLessThan(1e-7);
      }
    }
  });

  it("Sanderson–Windmeijer equals Angrist–Pischke when the other regressor is an exact combination of the instruments", () => {
    const inp = input();
    const zc = inp.excluded[0].map((v, i) => 0.8 * v - 0.1 * inp.excluded[2][i]);
    const d = ivDiagnostics({ ...inp, endog: [inp.endog[0], zc], endogNames: ["educ", "zcomb"] });
    const fs = d.first_stage[0].stats;
    expect(rel(fs.SWF, fs.APF)).toBeLessThan(1e-8);
    expect(rel(fs.SWchi2, fs.APchi2)).toBeLessThan(1e-8);
    expect(fs.SWFdf1).toBe(3);
    // With a single excluded-instrument direction left after conditioning, SW ≤ the plain F of educ's first stage is not guaranteed, but both are finite and positive.
    expect(fs.SWF as number).toBeGreaterThan(0);
  });

  it("reports SW/AP statistics with L1−K1+1 numerator degrees of freedom and Stock–Yogo values for K1 = 2, L1 = 4", () => {
    const d = ivDiagnostics(input({ vce: "robust" }));
    for (const fs of d.first_stage) {
      expect(fs.stats.SWFdf1).toBe(3);
      expect(fs.stats.APFdf2).toBe(3010 - 9);
      expect(fs.stats.df).toBe(4);
      expect(fs.sw_f).not.toBe(fs.f);
    }
    expect(d.weakid.stock_yogo).toEqual({
      tsls_bias_5: 11.04,
      tsls_bias_10: 7.56,
      tsls_bias_20: 5.57,
      tsls_bias_30: 4.73,
      tsls_size_10: 16.87,
      tsls_size_15: 9.93,
      tsls_size_20: 7.54,
      tsls_size_25: 6.28,
    });
    expect(d.endog.df).toBe(2);
    expect(d.underid.name).toBe("Kleibergen-Paap rk LM");
  });

  it("flags, rather than computes, identification statistics when a combination of the endogenous regressors is an exact instrument (Card's exper ≡ age − educ − 6)", () => {
    const d = ivDiagnostics(
      input({
        endog: ["educ", "exper"],
        exog: ["black", "south", "smsa"],
        instruments: ["nearc2", "nearc4", "age", "agesq"],
      }),
    );
    expect(d.underid.stat).toBeNull();
    expect(d.underid.note).toMatch(/collinear/);
    expect(d.weakid.cd_f).toBeNull();
    expect(d.stats.widstat).toBeNull();
  });
});
