/**
 * Weighted PPML with an interacted fixed effect, a missing value and an exactly collinear regressor,
 * against an independent dense Newton–Raphson on explicit dummies written here: the coefficients
 * solve the weighted score equations Σ w(y − μ)x = 0, and the iid VCOV is the inverse weighted
 * Hessian (X'WμX)⁻¹ with no dispersion factor — times (n − 1)/(n − K) under `--ssc fixest` (fixest),
 * with analytic weights normalised to sum to N otherwise (Stata). IRLS is run to glmTol 1e-14 so that
 * the comparison measures the formulas, not the stopping rule.
 */
import { describe, expect, it } from "vitest";
import { fepois } from "../../../src/estimate/poisson/fepois.js";
import { frameFromArrays } from "../../../src/frame/frame.js";
import { createRng } from "../../../src/measures/rng.js";
import { poisson } from "../../../src/synth/distributions.js";

/** Gauss–Jordan inverse of a small dense matrix (rows of numbers). */
function inverse(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      if (f !== 0) for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((r) => r.slice(n));
}

/** PPML by Newton on dense X (weights w): β and (X'WμX)⁻¹. */
function newton(X: number[][], y: number[], w: number[]): { b: number[]; v: number[][] } {
  const k = X[0].length;
  let b = new Array(k).fill(0);
  b[0] = Math.log(y.reduce((s, v, i) => s + w[i] * v, 0) / w.reduce((s, v) => s + v, 0));
  let H: number[][] = [];
  for (let it = 0; it < 100; it++) {
    const mu = X.map((r) => Math.exp(r.reduce((s, v, j) => s + v * b[j], 0)));
    const g = new Array(k).fill(0);
    H = Array.from({ length: k }, () => new Array(k).fill(0));
    X.forEach((r, i) => {
      for (let p = 0; p < k; p++) {
        g[p] += w[i] * (y[i] - mu[i]) * r[p];
        for (let q = 0; q < k; q++) H[p][q] += w[i] * mu[i] * r[p] * r[q];
      }
    });
    const Hi = inverse(H);
    const step = Hi.map((row) => row.reduce((s, v, q) => s + v * g[q], 0));
    b = b.map((v, p) => v + step[p]);
    if (Math.max(...step.map(Math.abs)) < 1e-13) break;
  }
  return { b, v: inverse(H) };
}

describe("weighted PPML with interacted FE, a missing value and a collinear regressor", () => {
  it("matches a dense Newton on explicit dummies: coefficients and the inverse-Hessian SEs", () => {
    const rng = createRng(23);
    const d = {
      g1: [] as number[],
      g2: [] as number[],
      x1: [] as number[],
      x2: [] as number[],
      x3: [] as number[],
      y: [] as number[],
      w: [] as number[],
    };
    for (let i = 0; i < 240; i++) {
      const g1 = i % 4;
      const g2 = Math.floor(i / 4) % 5;
      const x1 = rng.normal();
      const x2 = rng.normal();
      d.g1.push(g1);
      d.g2.push(g2);
      d.x1.push(i === 17 ? Number.NaN : x1);
      d.x2.push(x2);
      d.x3.push(2 * x1 - x2); // exactly collinear with x1 and x2
      d.y.push(poisson(rng, Math.exp(0.5 + 0.3 * x1 - 0.4 * x2 + 0.2 * g1 - 0.1 * g2 + 0.05 * g1 * g2)));
      d.w.push(0.5 + rng.next());
    }
    const frame = frameFromArrays(d);
    const r = fepois(frame, "y ~ x1 + x2 + x3 | g1^g2", {
      weights: "w",
      vcov: "iid",
      ssc: "fixest",
      glmTol: 1e-14,
    });
    const stata = fepois(frame, "y ~ x1 + x2 + x3 | g1^g2", { weights: "w", vcov: "iid", glmTol: 1e-14 });
    expect(r.collinear).toEqual(["x3"]);
    expect(r.nobs).toBe(239);
    // Dense design: x1, x2 and a dummy per g1×g2 cell (the FE; no separate intercept).
    const rows = d.y.map((_, i) => i).filter((i) => i !== 17);
    const cells = [...new Set(rows.map((i) => d.g1[i] * 5 + d.g2[i]))].sort((a, b) => a - b);
    const X = rows.map((i) => [d.x1[i], d.x2[i], ...cells.map((c) => (d.g1[i] * 5 + d.g2[i] === c ? 1 : 0))]);
    const { b, v } = newton(
      X,
      rows.map((i) => d.y[i]),
      rows.map((i) => d.w[i]),
    );
    const n = rows.length;
    const K = 2 + cells.length;
    const sumW = rows.reduce((s, i) => s + d.w[i], 0);
    ["x1", "x2"].forEach((t, j) => {
      const c = r.coefficients.find((x) => x.term === t);
      const cs = stata.coefficients.find((x) => x.term === t);
      expect(Math.abs((c?.estimate ?? 0) - b[j])).toBeLessThan(1e-9 * Math.max(1, Math.abs(b[j])));
      expect(cs?.estimate).toBeCloseTo(c?.estimate ?? Number.NaN, 12);
      // fixest: the inverse Hessian with the weights as given, times its ssc (n − 1)/(n − K).
      expect(Math.abs((c?.se ?? 0) / Math.sqrt((v[j][j] * (n - 1)) / (n - K)) - 1)).toBeLessThan(1e-8);
      // Stata: analytic weights normalised to sum to N, no degrees-of-freedom factor.
      expect(Math.abs((cs?.se ?? 0) / Math.sqrt((v[j][j] * sumW) / n) - 1)).toBeLessThan(1e-8);
    });
  });
});
