/**
 * ivreg2's S, the covariance of the moment conditions z·e (Stata's `m_omega`), for one or several
 * residual columns: under iid σ⊗Z'WZ/N with σ = E'WE/(N−dofminus); otherwise the VCOV registry's
 * meat divided by N − dofminus (robust, HAC, AC, Kiefer; AC with several residuals in Kronecker form) or by N (cluster types, no dofminus).
 * Rows and columns are ordered residual-major: index k·L + l pairs residual k with instrument l.
 */
import { crossprod } from "../../linalg/dense.js";
import { acKronMeat } from "../vcov/kernel-meat.js";
import { kernelLagsOf, lagIndexOf, vcovKind } from "../vcov/registry.js";
import type { Setup } from "./setup.js";

/**
 * S for instruments `z` and residual columns `e` under the setup's VCE (or an explicit one).
 * @example const s = momentCovariance(setup, setup.z, [resid], setup.dofminus);
 */
export function momentCovariance(
  s: Setup,
  z: readonly Float64Array[],
  e: readonly Float64Array[],
  dofminus: number,
  vce: Setup["vce"] = s.vce,
): Float64Array {
  if (vce === "iid") return homoskedastic(s, z, e, dofminus);
  const kind = vce === s.vce ? s.kind : vcovKind(vce === "robust" ? "hetero" : vce);
  // AC with several residual columns: σ_τ ⊗ Z_τ per lag, not the robust form of the scores e_k·z_l.
  if (kind.type === "ac" && e.length > 1)
    return scale(
      acKronMeat(z, e, s.meat.weights, lagIndexOf(s.meat), kernelLagsOf(s.meat), s.N),
      1 / (s.N - dofminus),
    );
  const scores = e.length === 1 ? z : kronScores(z, e);
  const resid = e.length === 1 ? e[0] : ones(s.n);
  const out = kind.meat(scores, resid, s.meat);
  return scale(out, 1 / (kind.family === "cluster" ? s.N : s.N - dofminus));
}

function homoskedastic(
  s: Setup,
  z: readonly Float64Array[],
  e: readonly Float64Array[],
  dofminus: number,
): Float64Array {
  const w = s.w ?? undefined;
  const sigma = scale(crossprod(e, e, w), 1 / (s.N - dofminus));
  const zz = crossprod(z, z, w);
  const k = e.length;
  const l = z.length;
  const m = k * l;
  const out = new Float64Array(m * m);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const sab = sigma[a * k + b] / s.N;
      for (let i = 0; i < l; i++)
        for (let j = 0; j < l; j++) out[(a * l + i) * m + b * l + j] = sab * zz[i * l + j];
    }
  }
  return out;
}

function kronScores(z: readonly Float64Array[], e: readonly Float64Array[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const ek of e) {
    for (const zl of z) {
      const c = new Float64Array(zl.length);
      for (let i = 0; i < c.length; i++) c[i] = ek[i] * zl[i];
      out.push(c);
    }
  }
  return out;
}

function ones(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

function scale(a: Float64Array, f: number): Float64Array {
  for (let i = 0; i < a.length; i++) a[i] *= f;
  return a;
}
