/**
 * Poisson PML on patent counts for the `inference` table: the reduced form (counts on the
 * instrument) and the control-function estimator (counts on robot and the first-stage residual),
 * each shown as a table column.
 */
import { estimateModel } from "../../../estimate/feols.js";
import { fepois } from "../../../estimate/poisson/fepois.js";
import type { PoissonResult } from "../../../estimate/poisson/types.js";
import type { EstimationResult } from "../../../estimate/result.js";
import type { Frame } from "../../../frame/frame.js";
import { type ColumnSpec, formulaOf } from "../estimation/column.js";

/** Name of the first-stage residual (the control) in the control-function regression. */
export const CONTROL = "v_hat";

/**
 * A Poisson result in the shape of a table column's result: coefficients, VCOV and N as estimated;
 * the R² row shows the pseudo R² (fixest's); no IV diagnostics.
 * @example const col = ppmlAsColumn(fepois(frame, "patents ~ us_robot | firm"));
 */
export function ppmlAsColumn(p: PoissonResult): EstimationResult {
  return {
    formula: p.formula,
    method: "ols",
    estimator: "poisson",
    depvar: p.depvar,
    nobs: p.nobs,
    removed: { missing: p.removed.missing, singletons: p.removed.singletons },
    collinear: p.collinear,
    coefficients: p.coefficients,
    vcov: p.vcov,
    dof: p.dof,
    fit: {
      r2: p.fit.pseudo_r2,
      adj_r2: Number.NaN,
      within_r2: null,
      r2_centered: Number.NaN,
      r2_uncentered: Number.NaN,
      rss: Number.NaN,
      rmse: Number.NaN,
      sigma: Number.NaN,
      f: null,
      f_p: null,
      f_df: null,
    },
    fixed_effects: p.fixed_effects,
    iv: null,
    convergence: { iterations: p.iterations, converged: p.converged, reached: Number.NaN },
    options: p.options,
    notes: [
      `Poisson PML (IRLS, ${p.iterations} iterations): deviance ${p.fit.deviance}, log-likelihood ${p.fit.loglik}, pseudo R² ${p.fit.pseudo_r2}; ${p.removed.separation} observations removed for separation`,
      ...p.notes,
    ],
    warnings: p.warnings,
  };
}

/**
 * PPML of `count` on the instrument (the reduced form), with the column's controls, FE and clustering.
 * @example const rf = ppmlReducedForm(spec, "patents");
 */
export function ppmlReducedForm(spec: ColumnSpec, count: string): PoissonResult {
  if (!spec.instrument) throw new Error("ppmlReducedForm: the column has no instrument");
  const ols: ColumnSpec = { ...spec, depvar: count, regressor: spec.instrument, instrument: undefined };
  return fepois(spec.frame, formulaOf(ols), { vcov: `cluster:${spec.cluster}` });
}

/**
 * Control-function PPML: the OLS first stage of the regressor on the instrument (controls, FE), then
 * PPML of `count` on the regressor and the first-stage residual. The residual's coefficient tests the
 * regressor's exogeneity; the regressor's SE does not account for the estimated residual.
 * @example const cf = ppmlControlFunction(spec, "patents");
 */
export function ppmlControlFunction(spec: ColumnSpec, count: string): PoissonResult {
  if (!spec.instrument) throw new Error("ppmlControlFunction: the column has no instrument");
  const first: ColumnSpec = {
    ...spec,
    depvar: spec.regressor,
    regressor: spec.instrument,
    instrument: undefined,
  };
  const vhat = estimateModel(spec.frame, formulaOf(first), {}).residuals();
  const frame: Frame = {
    ...spec.frame,
    names: [...spec.frame.names, CONTROL],
    columns: { ...spec.frame.columns, [CONTROL]: { type: "number", values: vhat } },
  };
  const second: ColumnSpec = {
    ...spec,
    frame,
    depvar: count,
    controls: [CONTROL, ...spec.controls],
    instrument: undefined,
  };
  return fepois(frame, formulaOf(second), { vcov: `cluster:${spec.cluster}` });
}
