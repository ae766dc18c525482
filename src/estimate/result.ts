/** The plain, JSON-serialisable result of an estimation (the `robometrics estimate --json` contract). */
import type { EstimatorName } from "./estimators/types.js";
import type { VcovType } from "./vcov/registry.js";
import type { DiagnosticTest, FirstStageDiagnostics, IVDiagnostics } from "./iv-diagnostics/types.js";

export interface CoefficientRow {
  readonly term: string;
  readonly estimate: number;
  readonly se: number;
  /** t statistic (z under large-sample conventions). */
  readonly t: number;
  readonly p: number;
}

/** A first stage: the full coefficient table under the model's VCOV, and ivreg2's first-stage statistics. */
export interface FirstStage extends Omit<FirstStageDiagnostics, "coefficients"> {
  readonly coefficients: readonly CoefficientRow[];
}

/** A χ² diagnostic test (`stat`/`p` null when ivreg2 reports it as missing, with a note why). */
export type TestStat = DiagnosticTest;

/** ivreg2's identification and specification diagnostics, with full first-stage tables. */
export interface IVResult extends Omit<IVDiagnostics, "first_stage"> {
  readonly first_stage: readonly FirstStage[];
  /** k-class estimators: the k used (1 for 2SLS; null for GMM). */
  readonly kclass: number | null;
  /** LIML's (and Fuller's) eigenvalue λ; null otherwise. */
  readonly lambda: number | null;
}

export interface EstimationResult {
  readonly formula: string;
  readonly method: "ols" | "2sls";
  /** The estimator (registry name): ols, 2sls, liml, fuller, kclass, gmm2s, poisson. */
  readonly estimator: EstimatorName;
  readonly depvar: string;
  readonly nobs: number;
  readonly removed: { readonly missing: number; readonly singletons: number };
  readonly collinear: readonly string[];
  readonly coefficients: readonly CoefficientRow[];
  readonly vcov: {
    readonly type: VcovType;
    /** The registry's label of the type. */
    readonly label: string;
    /** Kernel and bandwidth as used (null unless a kernel VCOV). */
    readonly kernel: string | null;
    readonly bw: number | null;
    readonly clusters: readonly string[];
    readonly n_clusters: readonly number[];
    readonly terms: readonly string[];
    readonly matrix: readonly (readonly number[])[];
  };
  readonly dof: { readonly k: number; readonly resid: number | null };
  readonly fit: {
    readonly r2: number;
    readonly adj_r2: number;
    readonly within_r2: number | null;
    readonly r2_centered: number;
    readonly r2_uncentered: number;
    readonly rss: number;
    readonly rmse: number;
    readonly sigma: number;
    readonly f: number | null;
    readonly f_p: number | null;
    readonly f_df: readonly [number, number] | null;
  };
  readonly fixed_effects: readonly {
    readonly name: string;
    readonly levels: number;
    readonly redundant: number;
    readonly nested_in_cluster: boolean;
  }[];
  readonly iv: IVResult | null;
  readonly convergence: {
    readonly iterations: number;
    readonly converged: boolean;
    readonly reached: number;
    /** How the FE were absorbed: "direct" (factored, then CG polish), "schur-cg" (CG on the largest FE's Schur complement, then CG polish), "cg", or "exact" (one FE). */
    readonly method?: "exact" | "direct" | "schur-cg" | "cg";
  } | null;
  readonly options: {
    readonly small: boolean;
    readonly ssc: "stata" | "fixest";
    readonly dofminus: number;
    readonly sdofminus: number;
    readonly weights: string | null;
    readonly weight_type: string | null;
    readonly singletons_kept: boolean;
  };
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}
