/**
 * R fixest 0.12.2 oracle (default ssc()): gravity model with 4 FE on fixest's `trade` data, the Munnell
 * state panel, a synthetic firm panel with 4 FE and singletons, and a 2SLS with FE; iid, hetero,
 * one-way and two-way clustering. With `ssc: "fixest"`: coefficients within 1e-8, SEs within 1e-6,
 * and N, singletons removed, dof K, R² and within R² equal.
 */
import { describe, expect, it } from "vitest";
import { feols } from "../../src/estimate/feols.js";
import { expectP, expectRel, fixtureFrame, readJson } from "../helpers/oracle.js";

interface Coef {
  term: string;
  estimate: number;
  se: number;
  t?: number;
  p?: number;
}
interface FixestResult {
  vcov: string;
  nobs: number;
  coefficients: Coef[];
  dof_K: number;
  r2: number;
  adj_r2: number;
  within_r2: number;
  rmse: number;
  fixef_sizes: Record<string, number>;
  singletons_removed: number;
  obs_removed: number;
  first_stage?: { endogenous: string; coefficients: Coef[] }[];
}
interface FixestCase {
  id: string;
  data: string;
  formula: string;
  remove_singletons: boolean;
  results: FixestResult[];
}

const { cases } = readJson<{ cases: FixestCase[] }>("hdfe", "cases.json");
// fixest names the instrumented regressor fit_x; ours keeps x.
const ours = (term: string) => (term.startsWith("fit_") ? term.slice(4) : term);
// "Equal" for R² and friends: equal up to floating-point rounding of the same formula.
const EQUAL = 1e-10;

describe("R fixest oracle (--ssc fixest)", () => {
  for (const c of cases) {
    for (const r of c.results) {
      it(`${c.id} with vcov ${r.vcov}`, async () => {
        const frame = await fixtureFrame("hdfe", "data", c.data);
        const res = feols(frame, c.formula, {
          vcov: r.vcov,
          ssc: "fixest",
          keepSingletons: !c.remove_singletons,
        });
        expect(res.nobs).toBe(r.nobs);
        expect(res.removed.singletons).toBe(r.singletons_removed);
        expect(res.removed.missing + res.removed.singletons).toBe(r.obs_removed);
        expect(res.dof.k).toBe(r.dof_K);
        expect(Object.fromEntries(res.fixed_effects.map((f) => [f.name, f.levels]))).toEqual(r.fixef_sizes);
        for (const e of r.coefficients) {
          const g = res.coefficients.find((x) => x.term === ours(e.term));
          expectRel(g?.estimate, e.estimate, 1e-8, `${e.term} estimate`);
          expectRel(g?.se, e.se, 1e-6, `${e.term} se`);
          if (e.t !== undefined) expectRel(g?.t, e.t, 1e-6, `${e.term} t`);
          if (e.p !== undefined) expectP(g?.p, e.p, 1e-6, `${e.term} p`);
        }
        expectRel(res.fit.r2, r.r2, EQUAL, "r2");
        expectRel(res.fit.adj_r2, r.adj_r2, EQUAL, "adj_r2");
        expectRel(res.fit.within_r2, r.within_r2, EQUAL, "within_r2");
        expectRel(res.fit.rmse, r.rmse, EQUAL, "rmse");
        for (const fs of r.first_stage ?? []) {
          const mine = res.iv?.first_stage.find((x) => x.endogenous === fs.endogenous);
          expect(mine, `first stage of ${fs.endogenous}`).toBeDefined();
          for (const e of fs.coefficients) {
            const g = mine?.coefficients.find((x) => x.term === e.term);
            expectRel(g?.estimate, e.estimate, 1e-8, `first stage ${e.term} estimate`);
            expectRel(g?.se, e.se, 1e-6, `first stage ${e.term} se`);
          }
        }
      });
    }
  }
});
