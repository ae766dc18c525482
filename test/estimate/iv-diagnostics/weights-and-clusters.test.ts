/**
 * Weight and clustering conventions without a Stata oracle: frequency weights must give exactly the
 * statistics of the physically replicated data; probability weights those of analytic weights with a
 * robust VCE; analytic weights must not depend on their scale; two-way clustering must collapse to
 * one-way when the second dimension adds nothing, and otherwise follow Cameron–Gelbach–Miller with
 * ivreg2's N_clust = min(G1, G2).
 */
import { describe, expect, it } from "vitest";
import { type IVDiagnostics, ivDiagnostics } from "../../../src/estimate/iv-diagnostics/index.js";
import { crossprod } from "../../../src/linalg/dense.js";
import { invSPD } from "../../../src/linalg/cholesky.js";
import { leastSquares } from "../../../src/linalg/least-squares.js";
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
  dofminus: 1,
  sdofminus: 2,
  vce: "iid",
  small: false,
};
const KEYS = [
  "idstat",
  "idp",
  "cdf",
  "widstat",
  "j",
  "jp",
  "estat",
  "estatp",
  "arf",
  "arfp",
  "archi2",
  "sstat",
  "sstatp",
];
const FS_KEYS = ["F", "pvalue", "pr2", "sheapr2", "rmse", "SWchi2", "APF"];

function expectSame(a: IVDiagnostics, b: IVDiagnostics, tol: number, label: string): void {
  for (const key of KEYS) {
    const x = a.stats[key];
    const y = b.stats[key];
    expect(x, `${label} ${key}`).not.toBeNull();
    expect(
      Math.abs((x as number) - (y as number)) / Math.abs(y as number),
      `${label} ${key}: ${x} vs ${y}`,
    ).toBeLessThan(tol);
  }
  for (const key of FS_KEYS) {
    const x = a.first_stage[0].stats[key] as number;
    const y = b.first_stage[0].stats[key] as number;
    expect(Math.abs(x - y) / Math.abs(y), `${label} first stage ${key}: ${x} vs ${y}`).toBeLessThan(tol);
  }
}

/** The simulated data with extra columns: a frequency weight, an analytic weight, a second clustering. */
function data(): Record<string, Float64Array> {
  const d = { ...simData() };
  d.fw = d.row.map((r) => 1 + (r % 3));
  d.aw = d.row.map((r) => 0.5 + ((r * 7) % 5));
  d.aw10 = d.aw.map((v) => 10 * v);
  d.cl2 = d.row.map((r) => Math.floor(r / 7) % 13);
  d.self = d.cluster_id.slice();
  d.rowid = d.row.slice();
  return d;
}

/** Rows repeated fw times. */
function replicate(d: Record<string, Float64Array>): Record<string, Float64Array> {
  const idx: number[] = [];
  d.fw.forEach((f, i) => {
    for (let k = 0; k < f; k++) idx.push(i);
  });
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, Float64Array.from(idx, (i) => v[i])]));
}

describe("weights", () => {
  it.each(["iid", "robust", "cluster"] as const)("frequency weights equal replicated rows (%s)", (vce) => {
    const d = data();
    const m = { ...model, vce, cluster: vce === "cluster" ? ["cluster_id"] : null };
    const weighted = ivDiagnostics(buildInput({ ...m, weights: { type: "fweight", var: "fw" } }, d));
    const replicated = ivDiagnostics(buildInput(m, replicate(d)));
    expect(weighted.stats.ardf_r).toBe(replicated.stats.ardf_r);
    expectSame(weighted, replicated, 1e-9, `fweight ${vce}`);
  });

  it("probability weights equal analytic weights under a robust VCE, and analytic weights are scale-free", () => {
    const d = data();
    const aw = ivDiagnostics(
      buildInput({ ...model, vce: "robust", weights: { type: "aweight", var: "aw" } }, d),
    );
    const pw = ivDiagnostics(
      buildInput({ ...model, vce: "robust", weights: { type: "pweight", var: "aw" } }, d),
    );
    const aw10 = ivDiagnostics(
      buildInput({ ...model, vce: "robust", weights: { type: "aweight", var: "aw10" } }, d),
    );
    expectSame(pw, aw, 1e-12, "pweight");
    const pwDeclaredIid = ivDiagnostics(
      buildInput({ ...model, vce: "iid", weights: { type: "pweight", var: "aw" } }, d),
    );
    expectSame(pwDeclaredIid, aw, 1e-12, "pweight implies robust");
    expect(pwDeclaredIid.underid.name).toBe("Kleibergen-Paap rk LM");
    expectSame(aw10, aw, 1e-9, "aweight×10");
    const unweighted = ivDiagnostics(buildInput({ ...model, vce: "robust" }, d));
    expect(Math.abs((aw.stats.idstat as number) - (unweighted.stats.idstat as number))).toBeGreaterThan(1e-3);
  });
});

describe("two-way clustering", () => {
  it("collapses to one-way clustering when the second dimension repeats the first or is the observation", () => {
    const d = data();
    const oneWay = ivDiagnostics(
      buildInput(
        { ...model, vce: "cluster", cluster: ["cluster_id"], weights: { type: "aweight", var: "aw" } },
        d,
      ),
    );
    for (const second of ["self", "rowid"]) {
      const twoWay = ivDiagnostics(
        buildInput(
          {
            ...model,
            vce: "cluster",
            cluster: ["cluster_id", second],
            weights: { type: "aweight", var: "aw" },
          },
          d,
        ),
      );
      expect(twoWay.n_clusters).toBe(50);
      expectSame(twoWay, oneWay, 1e-9, `second dimension ${second}`);
    }
  });

  it("with weights, follows S = S₁ + S₂ − S₁₂ and F scaled with N_clust = min(G₁, G₂) (first-stage F recomputed by brute force)", () => {
    const d = data();
    const inp = buildInput(
      { ...model, vce: "cluster", cluster: ["cluster_id", "cl2"], weights: { type: "aweight", var: "aw" } },
      d,
    );
    const diag = ivDiagnostics(inp);
    expect(diag.n_clusters).toBe(13);
    expect(diag.first_stage[0].stats.df_r).toBe(12);
    // Brute force: first-stage coefficients, cluster sums per dimension and per intersection, sandwich.
    const n = inp.y.length;
    const w = (inp.weights as Float64Array).map((v, _, a) => (v * n) / a.reduce((s, x) => s + x, 0));
    const z = inp.excluded;
    const fit = leastSquares(z, inp.endog[0], { weights: w });
    const meat = new Float64Array(4);
    const g1 = codesOf("a", d.cluster_id).codes;
    const g2 = codesOf("b", d.cl2).codes;
    const g12 = codesOf(
      "ab",
      Float64Array.from(g1, (v, i) => v * 100 + g2[i]),
    ).codes;
    for (const [codes, sign] of [
      [g1, 1],
      [g2, 1],
      [g12, -1],
    ] as const) {
      const sums = new Map<number, [number, number]>();
      for (let i = 0; i < n; i++) {
        const u = sums.get(codes[i]) ?? [0, 0];
        u[0] += w[i] * fit.resid[i] * z[0][i];
        u[1] += w[i] * fit.resid[i] * z[1][i];
        sums.set(codes[i], u);
      }
      for (const [a, b] of sums.values()) {
        meat[0] += sign * a * a;
        meat[1] += sign * a * b;
        meat[2] += sign * a * b;
        meat[3] += sign * b * b;
      }
    }
    const bread = invSPD(crossprod(z, z, w), 2);
    const v = new Float64Array(4);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++)
        for (let p = 0; p < 2; p++)
          for (let q = 0; q < 2; q++) v[i * 2 + j] += bread[i * 2 + p] * meat[p * 2 + q] * bread[q * 2 + j];
    const b = [fit.coef[0], fit.coef[1]];
    const vinv = invSPD(v, 2);
    const chi2 = b[0] * (vinv[0] * b[0] + vinv[1] * b[1]) + b[1] * (vinv[2] * b[0] + vinv[3] * b[1]);
    const N = n;
    const f = ((chi2 / (N - 1)) * (N - inp.L - inp.sdofminus) * 12) / 13 / 2;
    expect(Math.abs((diag.first_stage[0].stats.SWchi2 as number) / chi2 - 1)).toBeLessThan(1e-10);
    expect(Math.abs((diag.first_stage[0].f as number) / f - 1)).toBeLessThan(1e-10);
  });
});
