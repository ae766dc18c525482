/**
 * The estimator registry: one row per estimator (name, label, whether it needs an IV part, whether
 * its coefficients depend on the VCOV, and its fit on the absorbed data). The pipeline
 * prepare → absorb → fit → infer → assemble in `feols()` looks the estimator up here; a new
 * estimator is a new row and its fit function.
 */
import { gmm2sFit } from "./gmm2s.js";
import { kclassFit } from "./kclass.js";
import { olsFit } from "./ols.js";
import { poissonFit } from "../poisson/poisson-fit.js";
import type { EstimatorDef, EstimatorName, EstimatorSpec } from "./types.js";

export const ESTIMATORS: readonly EstimatorDef[] = [
  { name: "ols", label: "OLS", iv: false, vcovDependent: false, fit: (a) => olsFit(a) },
  { name: "2sls", label: "2SLS", iv: true, vcovDependent: false, fit: kclassFit },
  { name: "liml", label: "LIML", iv: true, vcovDependent: false, fit: kclassFit },
  { name: "fuller", label: "Fuller LIML", iv: true, vcovDependent: false, fit: kclassFit },
  { name: "kclass", label: "k-class", iv: true, vcovDependent: false, fit: kclassFit },
  {
    name: "gmm2s",
    label: "two-step efficient GMM",
    iv: true,
    vcovDependent: true,
    fit: (a, _s, ctx) => gmm2sFit(a, ctx),
  },
  {
    // Poisson PML is fitted by IRLS on the data before absorbing (src/estimate/poisson, issue 9 item 4).
    name: "poisson",
    label: "Poisson PML",
    iv: false,
    vcovDependent: false,
    fit: (a) => poissonFit(a),
  },
];

/**
 * The registry row of an estimator.
 * @example estimatorDef("liml").label; // "LIML"
 */
export function estimatorDef(name: EstimatorName): EstimatorDef {
  const d = ESTIMATORS.find((e) => e.name === name);
  if (!d) throw new Error(`internal: unknown estimator ${name}`);
  return d;
}

/**
 * Parse `--estimator`: `2sls`, `liml`, `fuller:A`, `kclass:K`, `gmm2s` (also `ols`).
 * @example parseEstimator("fuller:1"); // { name: "fuller", param: 1 }
 */
export function parseEstimator(s: string | undefined): EstimatorSpec | null {
  if (s === undefined) return null;
  const m = /^\s*([a-z0-9]+)\s*(?::\s*(.+))?$/i.exec(s);
  const name = m?.[1].toLowerCase() as EstimatorName | undefined;
  const def = ESTIMATORS.find((e) => e.name === name && e.name !== "poisson");
  if (!m || !def)
    throw new Error(`--estimator "${s}" is not understood; use 2sls, liml, fuller:A, kclass:K or gmm2s`);
  const needsParam = def.name === "fuller" || def.name === "kclass";
  if (needsParam) {
    const v = Number(m[2]);
    if (m[2] === undefined || !Number.isFinite(v) || (def.name === "kclass" ? v < 0 : v <= 0))
      throw new Error(
        `--estimator ${def.name} needs a ${def.name === "fuller" ? "positive alpha, e.g. fuller:1" : "non-negative k, e.g. kclass:0.5"}`,
      );
    return { name: def.name, param: v };
  }
  if (m[2] !== undefined) throw new Error(`--estimator ${def.name} takes no parameter`);
  return { name: def.name, param: null };
}
