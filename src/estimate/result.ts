/** The plain, JSON-serialisable result of an estimation (the `robometrics estimate --json` contract). */

export interface CoefficientRow {
  readonly term: string;
  readonly estimate: number;
  readonly se: number;
  /** t statistic (z under large-sample conventions). */
  readonly t: number;
  readonly p: number;
}

export interface FirstStage {
  readonly endogenous: string;
  readonly coefficients: readonly CoefficientRow[];
  readonly f: number | null;
  readonly f_p: number | null;
  readonly sw_f: number | null;
  readonly ap_f: number | null;
  readonly partial_r2: number | null;
  readonly shea_partial_r2: number | null;
  /** Every first-stage statistic under ivreg2's names (F, df, df_r, SWF, SWchi2, APF, …). */
  readonly stats: Readonly<Record<string, number | null>>;
}

export interface TestStat {
  readonly name?: string;
  readonly stat: number;
  readonly df: number;
  readonly p: number;
}

export interface IVResult {
  readonly first_stage: readonly FirstStage[];
  readonly underid: TestStat | null;
  readonly weakid: {
    readonly cd_f: number | null;
    readonly kp_f: number | null;
    readonly stock_yogo: Readonly<Record<string, number>>;
  };
  readonly overid: TestStat | null;
  readonly endog: TestStat | null;
  readonly anderson_rubin: {
    readonly f: number;
    readonly f_p: number;
    readonly df: number;
    readonly df_r: number;
    readonly chi2: number;
    readonly chi2_p: number;
  } | null;
  readonly stock_wright: TestStat | null;
}

export interface EstimationResult {
  readonly formula: string;
  readonly method: "ols" | "2sls";
  readonly depvar: string;
  readonly nobs: number;
  readonly removed: { readonly missing: number; readonly singletons: number };
  readonly collinear: readonly string[];
  readonly coefficients: readonly CoefficientRow[];
  readonly vcov: {
    readonly type: "iid" | "hetero" | "cluster";
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
