/**
 * The fast WCR bootstrap against a brute-force one: for every draw, build y* = ỹ_r + ü·v from the
 * restricted fit, re-estimate by least squares with explicit FE dummies, compute the cluster-robust t
 * from scratch, and count |t*| > |t|. The p-values must agree exactly (same draws), and each end of
 * the interval must be where the brute-force p crosses 0.05. Covers no FE, FE nested in the clusters,
 * FE not nested (year FE with firm-group clusters), observation weights, enumeration and Webb draws.
 */
import { describe, expect, it } from "vitest";
import { type BootWeights, drawPlan } from "../../../src/estimate/bootstrap/boot-weights.js";
import { type BootOptions, wildBootstrap } from "../../../src/estimate/bootstrap/wild.js";
import { frameFromArrays } from "../../../src/frame/frame.js";
import { invSPD } from "../../../src/linalg/cholesky.js";
import { createRng } from "../../../src/measures/rng.js";

interface Data {
  y: number[];
  x1: number[];
  x2: number[];
  firm: number[];
  year: number[];
  grp: number[];
  w: number[];
}

/** G groups of 3 firms × 5 years; firms nested in groups; heteroskedastic, cluster-correlated errors. */
function makeData(G: number, seed: number): Data {
  const rng = createRng(seed);
  const d: Data = { y: [], x1: [], x2: [], firm: [], year: [], grp: [], w: [] };
  for (let g = 0; g < G; g++) {
    const cg = rng.normal();
    for (let f = 0; f < 3; f++) {
      const a = rng.normal();
      for (let t = 0; t < 5; t++) {
        const x1 = rng.normal() + 0.5 * cg;
        const x2 = rng.normal();
        d.y.push(1 + 0.3 * x1 - 0.2 * x2 + a + 0.3 * t + cg + (1 + Math.abs(x1)) * rng.normal());
        d.x1.push(x1);
        d.x2.push(x2);
        d.firm.push(g * 3 + f);
        d.year.push(t);
        d.grp.push(g);
        d.w.push(0.5 + rng.next());
      }
    }
  }
  return d;
}

/** Dense weighted LS: coefficients, residuals and (X'WX)⁻¹. */
function wls(X: number[][], y: number[], w: number[]) {
  const n = y.length;
  const k = X.length;
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    for (let i = 0; i < n; i++) xty[a] += w[i] * X[a][i] * y[i];
    for (let b = 0; b < k; b++) for (let i = 0; i < n; i++) xtx[a * k + b] += w[i] * X[a][i] * X[b][i];
  }
  const inv = invSPD(xtx, k);
  const beta = Array.from({ length: k }, (_, a) => {
    let s = 0;
    for (let b = 0; b < k; b++) s += inv[a * k + b] * xty[b];
    return s;
  });
  const resid = y.map((yi, i) => yi - X.reduce((s, col, a) => s + col[i] * beta[a], 0));
  return { beta, resid, inv };
}

/** Cluster-robust t of coefficient j (raw CRVE; the factor cancels in p). */
function clusterT(X: number[][], y: number[], w: number[], grp: number[], G: number, j: number, h: number) {
  const { beta, resid, inv } = wls(X, y, w);
  const k = X.length;
  const sc = Array.from({ length: G }, () => 0);
  for (let i = 0; i < y.length; i++) {
    let s = 0;
    for (let a = 0; a < k; a++) s += inv[j * k + a] * X[a][i];
    sc[grp[i]] += s * w[i] * resid[i];
  }
  const v = sc.reduce((s, u) => s + u * u, 0);
  return (beta[j] - h) / Math.sqrt(v);
}

function dummies(codes: number[], drop: boolean): number[][] {
  const levels = [...new Set(codes)].sort((a, b) => a - b);
  return levels.slice(drop ? 1 : 0).map((l) => codes.map((c) => +(c === l)));
}

/** Brute-force WCR p-value of H0 β_x1 = h with the draws of `drawPlan`. */
function bruteP(
  d: Data,
  fe: "none" | "firm" | "year",
  weighted: boolean,
  h: number,
  reps: number,
  kind: BootWeights,
  seed: number,
) {
  const n = d.y.length;
  const G = Math.max(...d.grp) + 1;
  const w = weighted ? d.w : d.y.map(() => 1);
  const base = fe === "none" ? [d.y.map(() => 1)] : dummies(fe === "firm" ? d.firm : d.year, false);
  const X = [d.x1, d.x2, ...base];
  // Restricted fit: y − h·x1 on everything but x1.
  const r = wls(
    [d.x2, ...base],
    d.y.map((yi, i) => yi - h * d.x1[i]),
    w,
  );
  const fitted = d.y.map((yi, i) => yi - r.resid[i]);
  const t = clusterT(X, d.y, w, d.grp, G, 0, h);
  const plan = drawPlan(G, reps, kind, seed);
  const v = new Float64Array(G);
  let count = 0;
  for (let b = 0; b < plan.reps; b++) {
    plan.fill(b, v);
    const ys = Array.from({ length: n }, (_, i) => fitted[i] + r.resid[i] * v[d.grp[i]]);
    const ts = clusterT(X, ys, w, d.grp, G, 0, h);
    if (Math.abs(ts) > Math.abs(t) * (1 + 1e-12)) count++;
  }
  return count / plan.reps;
}

const FORMULA = { none: "y ~ x1 + x2", firm: "y ~ x1 + x2 | firm", year: "y ~ x1 + x2 | year" } as const;

const cases: {
  name: string;
  G: number;
  fe: "none" | "firm" | "year";
  weighted: boolean;
  boot: BootOptions;
}[] = [
  { name: "no FE, Rademacher, enumerated", G: 8, fe: "none", weighted: false, boot: { reps: 999 } },
  {
    name: "FE nested in the clusters, weighted, enumerated",
    G: 8,
    fe: "firm",
    weighted: true,
    boot: { reps: 999 },
  },
  {
    name: "FE not nested in the clusters, enumerated",
    G: 7,
    fe: "year",
    weighted: false,
    boot: { reps: 999 },
  },
  {
    name: "FE not nested, weighted, Webb draws",
    G: 9,
    fe: "year",
    weighted: true,
    boot: { reps: 399, weights: "webb", seed: 42 },
  },
  {
    name: "no FE, Mammen draws",
    G: 10,
    fe: "none",
    weighted: false,
    boot: { reps: 399, weights: "mammen", seed: 7 },
  },
  {
    name: "FE nested, normal draws",
    G: 10,
    fe: "firm",
    weighted: false,
    boot: { reps: 399, weights: "normal", seed: 3 },
  },
];

describe("wild cluster restricted bootstrap: fast algorithm equals brute force", () => {
  for (const c of cases) {
    it(c.name, () => {
      const d = makeData(c.G, c.G * 31 + 1);
      const frame = frameFromArrays({ ...d });
      const opts = { vcov: "cluster:grp", weights: c.weighted ? "w" : undefined, keepSingletons: true };
      const [row] = wildBootstrap(frame, FORMULA[c.fe], opts, { ...c.boot, terms: ["x1"] });
      const kind = c.boot.weights ?? "rademacher";
      const reps = c.boot.reps ?? 9999;
      const seed = c.boot.seed ?? 1;
      expect(row.enumerated).toBe(kind === "rademacher");
      expect(row.reps).toBe(kind === "rademacher" ? 2 ** c.G : reps);
      expect(row.p).toBe(bruteP(d, c.fe, c.weighted, 0, reps, kind, seed));
      // A second null value, away from the estimate.
      const [row2] = wildBootstrap(frame, FORMULA[c.fe], opts, { ...c.boot, terms: ["x1"], h0: 0.4 });
      expect(row2.p).toBe(bruteP(d, c.fe, c.weighted, 0.4, reps, kind, seed));
      // Each interval end is where the brute-force p crosses 0.05.
      const [lo, hi] = row.ci;
      expect(lo).not.toBeNull();
      expect(hi).not.toBeNull();
      const eps = 1e-7 * ((hi as number) - (lo as number));
      expect(bruteP(d, c.fe, c.weighted, (lo as number) - eps, reps, kind, seed)).toBeLessThan(0.05);
      expect(bruteP(d, c.fe, c.weighted, (lo as number) + eps, reps, kind, seed)).toBeGreaterThanOrEqual(
        0.05,
      );
      expect(bruteP(d, c.fe, c.weighted, (hi as number) + eps, reps, kind, seed)).toBeLessThan(0.05);
      expect(bruteP(d, c.fe, c.weighted, (hi as number) - eps, reps, kind, seed)).toBeGreaterThanOrEqual(
        0.05,
      );
    });
  }
});
