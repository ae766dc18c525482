/** The plain, JSON-serialisable result of a Poisson PML estimation (`--family poisson`). */
import type { CoefficientRow, EstimationResult } from "../result.js";

export interface PoissonResult {
  readonly formula: string;
  readonly estimator: "poisson";
  readonly depvar: string;
  readonly nobs: number;
  /** missing; singletons; separation = all-zero FE groups plus observations separated by the regressors. */
  readonly removed: { readonly missing: number; readonly singletons: number; readonly separation: number };
  readonly collinear: readonly string[];
  /** `t` is the z statistic, `p` its normal p-value (as fixest). */
  readonly coefficients: readonly CoefficientRow[];
  readonly vcov: EstimationResult["vcov"];
  readonly dof: { readonly k: number; readonly resid: null };
  readonly fit: {
    readonly deviance: number;
    readonly null_deviance: number;
    readonly loglik: number;
    readonly null_loglik: number;
    readonly pseudo_r2: number;
    readonly squared_cor: number;
  };
  readonly iterations: number;
  readonly converged: boolean;
  readonly fixed_effects: EstimationResult["fixed_effects"];
  readonly options: EstimationResult["options"];
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}
