/**
 * R fixest 0.12.2 `fepois` oracle (glm.tol = 1e-12, fixef.tol = 1e-10, default ssc()): the gravity
 * model with four FE on fixest's `trade` data and a firm patent panel with three FE and all-zero firm
 * groups; iid (inverse Hessian), hetero, one-way and two-way clusters. With `ssc: "fixest"`:
 * coefficients within 1e-8, SEs and z within 1e-6, deviance, log-likelihood, pseudo R² and squared
 * correlation within 1e-9, and N, the all-zero observations removed, dof K, FE sizes and IRLS
 * iterations equal.
 */
import { describe, expect, it } from "vitest";
import { fepois } from "../../../src/estimate/poisson/fepois.js";
import { expectP, expectRel, fixtureFrame, readJson } from "../../helpers/oracle.js";

interface PpmlResult {
  vcov: string;
  nobs: number;
  coefficients: { term: string; estimate: number; se: number; z: number; p: number }[];
  dof_K: number;
  deviance: number;
  loglik: number;
  pseudo_r2: number;
  squared_cor: number;
  fixef_sizes: Record<string, number>;
  obs_removed_all_zero: number;
  iterations: number;
}
interface PpmlCase {
  id: string;
  data: string;
  formula: string;
  results: PpmlResult[];
}

const { cases } = readJson<{ cases: PpmlCase[] }>("ppml", "cases.json");
// fixest's trade data is vendored once, under hdfe/ (the ppml oracle used the same file).
const dataPath = (file: string) => (file === "trade.csv" ? ["hdfe", "data", file] : ["ppml", "data", file]);

describe("R fixest fepois oracle (--family poisson --ssc fixest)", () => {
  for (const c of cases) {
    for (const r of c.results) {
      it(`${c.id} with vcov ${r.vcov}`, async () => {
        const frame = await fixtureFrame(...dataPath(c.data));
        const res = fepois(frame, c.formula, {
          vcov: r.vcov,
          ssc: "fixest",
          keepSingletons: true,
          glmTol: 1e-12,
        });
        expect(res.nobs).toBe(r.nobs);
        expect(res.removed.separation).toBe(r.obs_removed_all_zero);
        expect(res.dof.k).toBe(r.dof_K);
        expect(res.iterations).toBe(r.iterations);
        expect(Object.fromEntries(res.fixed_effects.map((f) => [f.name, f.levels]))).toEqual(r.fixef_sizes);
        for (const e of r.coefficients) {
          const g = res.coefficients.find((x) => x.term === e.term);
          expectRel(g?.estimate, e.estimate, 1e-8, `${e.term} estimate`);
          expectRel(g?.se, e.se, 1e-6, `${e.term} se`);
          expectRel(g?.t, e.z, 1e-6, `${e.term} z`);
          expectP(g?.p, e.p, 1e-6, `${e.term} p`);
        }
        expectRel(res.fit.deviance, r.deviance, 1e-9, "deviance");
        expectRel(res.fit.loglik, r.loglik, 1e-9, "loglik");
        expectRel(res.fit.pseudo_r2, r.pseudo_r2, 1e-9, "pseudo_r2");
        expectRel(res.fit.squared_cor, r.squared_cor, 1e-9, "squared_cor");
      });
    }
  }
});
