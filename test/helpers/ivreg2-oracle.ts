/**
 * Shared by the Stata ivreg2 oracle tests: the formula of an ivreg2 model, its options as `feols`
 * options, where each ivreg2 e() scalar lives in a result, and the comparison of coefficients, SEs and
 * the full VCV.
 */
import { expect } from "vitest";
import type { EstimateOptions } from "../../src/estimate/options.js";
import type { EstimationResult } from "../../src/estimate/result.js";
import { expectRel } from "./oracle.js";

/** An ivreg2 model as the oracle case files describe it. */
export interface Ivreg2Model {
  data: string;
  depvar: string;
  exog: string[];
  endog: string[];
  instruments: string[];
  cluster: string[] | null;
  weights: { type: "aweight" | "fweight" | "pweight"; var: string } | null;
  constant: boolean;
  dofminus: number;
  sdofminus: number;
  vce: "iid" | "robust" | "cluster";
  small: boolean;
  estimator?: "liml" | "fuller" | "kclass" | "gmm2s";
  fuller?: number;
  kclass?: number;
  coviv?: boolean;
  time?: string;
  panel?: string;
  kernel?: string;
  bw?: number | "auto";
  kiefer?: boolean;
  dkraay?: boolean;
}

/**
 * The fixest-style formula of an ivreg2 model.
 * @example ivFormula({ depvar: "y", exog: ["w"], endog: ["x"], instruments: ["z"], constant: true }); // "y ~ w | x ~ z"
 */
export function ivFormula(
  m: Pick<Ivreg2Model, "depvar" | "exog" | "endog" | "instruments" | "constant">,
): string {
  const exog = m.exog.length ? m.exog.join(" + ") : "1";
  return `${m.depvar} ~ ${exog}${m.constant ? "" : " - 1"} | ${m.endog.join(" + ")} ~ ${m.instruments.join(" + ")}`;
}

/**
 * The ivreg2 options of a model as `feols` options.
 * @example ivreg2Options({ ...model, vce: "robust" }).vcov; // "hetero"
 */
export function ivreg2Options(m: Ivreg2Model): EstimateOptions {
  const estimator =
    m.estimator === "fuller"
      ? `fuller:${m.fuller}`
      : m.estimator === "kclass"
        ? `kclass:${m.kclass}`
        : m.estimator;
  let vcov: string;
  if (m.dkraay) vcov = "dkraay";
  else if (m.kiefer) vcov = "kiefer";
  else
    vcov = m.vce === "iid" ? "iid" : m.vce === "robust" ? "hetero" : `cluster:${(m.cluster ?? []).join("+")}`;
  return {
    vcov,
    estimator,
    coviv: m.coviv,
    small: m.small,
    dofminus: m.dofminus,
    sdofminus: m.sdofminus,
    weights: m.weights?.var,
    weightType: m.weights?.type,
    time: m.time,
    panel: m.panel,
    kernel: m.kernel,
    bw: m.bw,
  };
}

/** Stata's `_cons` is our `(Intercept)`. */
export const termName = (t: string) => (t === "_cons" ? "(Intercept)" : t);

/**
 * Where each of ivreg2's e() scalars lives in a result (default: `iv.stats` under its own name).
 * @example ivreg2Stat(res, "rmse") === res.fit.rmse;
 */
export function ivreg2Stat(res: EstimationResult, key: string): number | null | undefined {
  const f = res.fit;
  const fit: Record<string, number | null | undefined> = {
    N: res.nobs,
    K: res.coefficients.length,
    r2: f.r2,
    r2c: f.r2_centered,
    r2u: f.r2_uncentered,
    r2_a: f.adj_r2,
    rss: f.rss,
    rmse: f.rmse,
    sigmasq: f.rmse ** 2,
    F_stat: f.f,
    F_p: f.f_p,
    F_df1: f.f_df?.[0],
    F_df2: f.f_df?.[1],
    N_clust: res.vcov.n_clusters.length ? Math.min(...res.vcov.n_clusters) : null,
    kclass: res.iv?.kclass,
    lambda: res.iv?.lambda,
  };
  if (key in fit) return fit[key];
  return res.iv?.stats[key];
}

/**
 * Coefficients and SEs within `tol` relative, and every VCV element within `tol` of its scale √(V_ii·V_jj)
 * (so near-zero covariances are judged fairly).
 * @example expectCoefsAndVcov(res, coefs, { terms, matrix }, 1e-7, "card_liml");
 */
export function expectCoefsAndVcov(
  res: EstimationResult,
  coefs: readonly { term: string; estimate: number; se: number }[],
  vcov: { terms: readonly string[]; matrix: readonly (readonly number[])[] },
  tol: number,
  label: string,
): void {
  for (const e of coefs) {
    const g = res.coefficients.find((x) => x.term === termName(e.term));
    expectRel(g?.estimate, e.estimate, tol, `${label} coef ${e.term}`);
    expectRel(g?.se, e.se, tol, `${label} se ${e.term}`);
  }
  const idx = vcov.terms.map((t) => res.vcov.terms.indexOf(termName(t)));
  expect(idx, `${label}: VCV terms ${vcov.terms.join(", ")}`).not.toContain(-1);
  for (let i = 0; i < vcov.terms.length; i++) {
    for (let j = 0; j < vcov.terms.length; j++) {
      // |·|: a kernel VCOV that is not positive definite can have a negative variance (Stata keeps it).
      const scale = Math.sqrt(Math.abs(vcov.matrix[i][i] * vcov.matrix[j][j]));
      const err = Math.abs(res.vcov.matrix[idx[i]][idx[j]] - vcov.matrix[i][j]) / scale;
      expect(err, `${label} vcov[${vcov.terms[i]},${vcov.terms[j]}]`).toBeLessThanOrEqual(tol);
    }
  }
}
