/**
 * Two-step efficient GMM (ivreg2 `gmm2s`): the weighting matrix is the inverse of the moment
 * covariance S of Z·e at the 2SLS residuals under the chosen VCOV; β = (X'WZ S⁻¹ Z'WX)⁻¹ X'WZ S⁻¹
 * Z'Wy and V = c·(X'WZ S⁻¹ Z'WX)⁻¹ (S in the Σ-form of the VCOV registry, c its factor). Under iid S
 * is σ²Z'WZ and the estimator is 2SLS.
 */
import { crossprod, crossprodVec } from "../../linalg/dense.js";
import { residual } from "../../linalg/least-squares.js";
import { invSym } from "../../linalg/cholesky.js";
import { solveSym } from "../../linalg/symmetric.js";
import type { Absorbed, Fit } from "../fit.js";
import { twoStage } from "./kclass.js";
import { weightedSS } from "./ols.js";
import type { FitContext } from "./types.js";

/**
 * The two-step GMM fit.
 * @example const fit = gmm2sFit(absorbed, ctx);
 */
export function gmm2sFit(a: Absorbed, ctx: FitContext): Fit {
  const base = twoStage(a);
  const { kept } = base.fit;
  const w = a.md.weights ?? undefined;
  const z = base.zKept;
  const l = z.length;
  const m = kept.length;
  const x = kept.map((j) => a.x[j]);
  const S = ctx.vcov.meat(z, base.fit.resid, ctx.meat);
  const qzx = crossprod(z, x, w); // l×m
  const qzy = crossprodVec(z, a.y, w);
  const aux = solveSym(S, l, qzx, m);
  const auy = solveSym(S, l, qzy, 1);
  if (!aux || !auy)
    throw new Error(
      "two-step GMM: the covariance matrix of the moment conditions is singular (e.g. fewer clusters than instruments); use 2sls",
    );
  const B = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let p = 0; p < l; p++) s += qzx[p * m + i] * aux[p * m + j];
      B[i * m + j] = s;
    }
    for (let p = 0; p < l; p++) rhs[i] += qzx[p * m + i] * auy[p];
  }
  for (let i = 0; i < m; i++)
    for (let j = 0; j < i; j++) B[i * m + j] = B[j * m + i] = (B[i * m + j] + B[j * m + i]) / 2;
  const b = solveSym(B, m, rhs, 1);
  if (!b) throw new Error("two-step GMM: X'Z S⁻¹ Z'X is singular");
  const resid = residual(x, a.y, b);
  // Hansen's J at the second-step residuals with the first-step weights, on the full instrument set:
  // J = N·ḡ'S⁻¹ḡ, S = meat/(N − dofminus) (cluster types: meat/N), ḡ = Z'We/N.
  const g = crossprodVec(z, resid, w);
  const sg = solveSym(S, l, g, 1);
  const div = ctx.vcov.family === "cluster" ? a.md.nobs : a.md.nobs - ctx.dofminus;
  let j: number | null = null;
  if (sg) {
    let q = 0;
    for (let p = 0; p < l; p++) q += g[p] * sg[p];
    j = (q * div) / a.md.nobs;
  }
  return {
    ...base.fit,
    estimator: "gmm2s",
    coef: b,
    resid,
    rss: weightedSS(resid, a.md.weights),
    bread: invSym(B, m),
    scores: [],
    form: "efficient",
    kclass: null,
    lambda: null,
    j,
  };
}
