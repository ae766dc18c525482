/**
 * The fitted state: everything inference needs, kept so that a VCOV can be recomputed (another
 * clustering, a kernel) without re-reading or re-demeaning the data. Internal to the engine; results
 * are plain JSON (`EstimationResult`).
 */
import type { ModelData } from "./model-data.js";
import type { EstimatorName } from "./estimators/types.js";

/** The model columns after absorbing the fixed effects, in the order the estimators use. */
export interface Absorbed {
  readonly md: ModelData;
  /** Demeaned dependent variable. */
  readonly y: Float64Array;
  /** Regressors (intercept, endogenous, exogenous — ivreg2's order), demeaned, with names and reference norms. */
  readonly x: readonly Float64Array[];
  readonly xNames: readonly string[];
  readonly xRef: readonly number[];
  /** Whether each regressor is exogenous (false: instrumented). */
  readonly isExog: readonly boolean[];
  /** Included exogenous regressors (with the intercept column if any) and excluded instruments. */
  readonly exog: readonly Float64Array[];
  readonly exogNames: readonly string[];
  readonly exogRef: readonly number[];
  readonly endog: readonly Float64Array[];
  readonly inst: readonly Float64Array[];
  readonly instNames: readonly string[];
  readonly instRef: readonly number[];
  readonly hasFE: boolean;
  readonly intercept: boolean;
  /** Degrees of freedom absorbed by the fixed effects (all; without FE nested in clusters). */
  readonly feDof: { readonly all: number; readonly withoutNested: number };
}

/**
 * How the VCOV is formed from the bread B: `sandwich` V = c·B·S(scores, resid)·B (OLS, k-class),
 * `efficient` V = c·B (two-step GMM, where B already holds S⁻¹).
 */
export type VcovForm = "sandwich" | "efficient";

export interface Fit {
  readonly estimator: EstimatorName;
  readonly absorbed: Absorbed;
  /** Indices (into absorbed.x) of the kept regressors, and of those dropped as collinear. */
  readonly kept: readonly number[];
  readonly dropped: readonly number[];
  /** Kept excluded instruments (indices into absorbed.inst); instruments dropped as collinear. */
  readonly keptInst: readonly number[];
  readonly droppedInst: readonly number[];
  /** Coefficients of the kept regressors. */
  readonly coef: Float64Array;
  /** y − Xb on the demeaned data (unweighted). */
  readonly resid: Float64Array;
  /** Σ w e². */
  readonly rss: number;
  /** k×k bread over the kept regressors (see `form`). */
  readonly bread: Float64Array;
  /** Columns multiplying the residual in the meat (X, X̂, or (I − kM_Z)X), kept regressors only. */
  readonly scores: readonly Float64Array[];
  readonly form: VcovForm;
  /** k-class: the k used, and LIML's eigenvalue λ (null otherwise). */
  readonly kclass: number | null;
  readonly lambda: number | null;
  /** Two-step GMM: Hansen's J at the second-step residuals (absent for other estimators). */
  readonly j?: number | null;
}
