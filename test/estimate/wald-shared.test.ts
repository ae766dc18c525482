/**
 * Study B's Chow-type Wald test runs on the engine's Wald F test (`modelFTest`): it must give what
 * the former Cholesky-based b'V⁻¹b/q gave (Table 5's cells are printed as F to 2 and p to 4 decimals,
 * and must stay byte-identical), and stay null where the covariance block is not positive definite.
 */
import { describe, expect, it } from "vitest";
import { feols } from "../../src/estimate/feols.js";
import { pF } from "../../src/estimate/pvalues.js";
import type { EstimationResult } from "../../src/estimate/result.js";
import { frameFromArrays } from "../../src/frame/frame.js";
import { cholesky, invSPD } from "../../src/linalg/cholesky.js";
import { waldZero } from "../../src/studies/tfp-divergence/wald.js";

/** The former implementation: Cholesky check, then the quadratic form with the SPD inverse. */
function former(r: EstimationResult, terms: string[]): { f: number; p: number } | null {
  const idx = terms.map((t) => r.vcov.terms.indexOf(t)).filter((i) => i >= 0);
  const df2 = r.dof.resid;
  if (!idx.length || df2 === null) return null;
  const q = idx.length;
  const b = idx.map((i) => r.coefficients.find((c) => c.term === r.vcov.terms[i])?.estimate ?? 0);
  const v = new Float64Array(q * q);
  idx.forEach((i, a) => {
    idx.forEach((j, c) => {
      v[a * q + c] = r.vcov.matrix[i][j];
    });
  });
  if (cholesky(v, q) === null) return null;
  const vi = invSPD(v, q);
  let quad = 0;
  for (let a = 0; a < q; a++) for (let c = 0; c < q; c++) quad += b[a] * vi[a * q + c] * b[c];
  return { f: quad / q, p: pF(quad / q, q, df2) };
}

function data(seed: number) {
  let s = seed;
  const u = () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647 - 0.5;
  };
  const cols: Record<string, number[]> = { y: [], x1: [], x2: [], x3: [], h: [], g: [] };
  for (let i = 0; i < 300; i++) {
    const h = i % 3 === 0 ? 1 : 0;
    const x1 = u();
    const x2 = u() + 0.3 * x1;
    const x3 = u();
    cols.x1.push(x1);
    cols.x2.push(x2);
    cols.x3.push(x3);
    cols.h.push(h);
    cols.g.push(i % 25);
    cols.y.push(0.5 * x1 - 0.2 * x2 + h * (0.1 * x1 + 0.05 * x3) + u());
  }
  return frameFromArrays(cols);
}

describe("study B's Wald test on the engine's modelFTest", () => {
  it("reproduces the former Cholesky-based statistic to 1e-12 and its printed cells exactly", () => {
    for (const seed of [3, 17, 29, 101, 977]) {
      for (const vcov of ["iid", "hetero", "cluster:g"]) {
        const r = feols(data(seed), "y ~ x1 + x2 + x3 + h + x1:h + x2:h + x3:h", { vcov });
        const terms = ["x1:h", "x2:h", "x3:h", "h"];
        const a = waldZero(r, terms);
        const b = former(r, terms);
        expect(a).not.toBeNull();
        expect(Math.abs((a?.f ?? 0) / (b?.f ?? 1) - 1)).toBeLessThan(1e-12);
        expect(a?.f.toFixed(2)).toBe(b?.f.toFixed(2));
        expect(a?.p.toFixed(4)).toBe(b?.p.toFixed(4));
        expect(a?.df1).toBe(4);
        expect(a?.df2).toBe(r.dof.resid);
      }
    }
  });

  it("is null when the covariance block is not positive definite, as before", () => {
    const r = feols(data(5), "y ~ x1 + x2 + h + x1:h", { vcov: "hetero" });
    const i = r.vcov.terms.indexOf("x1:h");
    // A zero variance: the block is not positive definite.
    const bad: EstimationResult = {
      ...r,
      vcov: { ...r.vcov, matrix: r.vcov.matrix.map((row, a) => (a === i ? row.map(() => 0) : row)) },
    };
    expect(waldZero(bad, ["x1:h"])).toBeNull();
    expect(former(bad, ["x1:h"])).toBeNull();
  });
});
