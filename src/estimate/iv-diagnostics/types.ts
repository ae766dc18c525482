/**
 * Input and result types of ivreg2's identification and specification diagnostics, computed on data
 * from which fixed effects, the included exogenous regressors and the constant have already been
 * partialled out (Frisch–Waugh–Lovell).
 */
import type { ClusterDim } from "../vcov/meat.js";
import type { MeatContext, VcovKind } from "../vcov/registry.js";
import type { WeightType } from "../options.js";

/**
 * What the estimation pipeline hands over: every column partialled, complete, equally long. Columns
 * that are collinear with the partialled-out regressors must be dropped before partialling (their
 * partialled remainder is rounding noise that cannot be told apart from data here).
 */
export interface IVDiagnosticsInput {
  /** Dependent variable, partialled (FE + included exogenous + constant removed). */
  readonly y: Float64Array;
  /** The k1 ≥ 1 endogenous regressors, partialled likewise. */
  readonly endog: readonly Float64Array[];
  readonly endogNames: readonly string[];
  /** The l1 ≥ k1 excluded instruments, partialled likewise. */
  readonly excluded: readonly Float64Array[];
  readonly excludedNames: readonly string[];
  /**
   * Per-observation weights as ivreg2 multiplies cross-products by them: analytic and probability
   * weights are rescaled here to sum to the number of rows (ivreg2's `wf`), so raw or already
   * normalised weights give the same result; frequency weights are counts. Null for unweighted data.
   */
  readonly weights: Float64Array | null;
  /**
   * Stata's weight type (default `aweight`); frequency weights change the robust meat (w·e², not
   * (w·e)²) and N; probability weights are analytic weights that imply a robust VCE.
   */
  readonly weightType?: WeightType;
  readonly vce: "iid" | "robust" | "cluster";
  /** One or two clustering dimensions when `vce` is `cluster` (ignored otherwise). */
  readonly clusters: readonly ClusterDim[];
  /** e(N): rows, or the sum of frequency weights. */
  readonly N: number;
  /** e(K): all second-stage regressors incl. exogenous and constant (absorbed FE go in `sdofminus`). */
  readonly K: number;
  /** e(L): all instruments incl. exogenous and constant. */
  readonly L: number;
  /** Stata's `small`; ivreg2's diagnostics do not depend on it (kept for the record). */
  readonly small: boolean;
  /** ivreg2 `dofminus()`: large-sample degrees-of-freedom adjustment. */
  readonly dofminus: number;
  /** ivreg2 `sdofminus()`: small-sample adjustment (ivreghdfe passes the absorbed FE count here). */
  readonly sdofminus: number;
  /**
   * The included exogenous regressors as ivreg2 sees them (after FE removal, not partialled against
   * each other, with the constant column when the model has one). Needed, under robust or cluster
   * VCE, for the Stock–Wright S statistic (whose moment covariance spans all instruments) and for
   * ivreg2's full-rank check of the moment covariance that suppresses J and the endogeneity test.
   * When omitted, S is computed as `ivreg2 …, partial(all exogenous)` would, and the rank check falls
   * back on counting clusters against L.
   */
  readonly included?: readonly Float64Array[] | null;
  /**
   * The VCOV registry row whose meat S uses (default: iid, hetero or cluster as `vce` says) and the
   * time structure, kernel and bandwidth the kernel rows need (AC, HAC, Driscoll–Kraay, Kiefer,
   * cluster-kernel; `vce` then gives ivreg2's diagnostic category).
   */
  readonly vcovKind?: VcovKind;
  readonly meatContext?: Pick<MeatContext, "time" | "lagIndex" | "kernel" | "bw">;
  /**
   * Residuals of the estimator actually used (LIML, Fuller, k-class), for the overidentification
   * statistic; default the 2SLS residuals. (They are orthogonal to the included exogenous regressors,
   * so partialling leaves them unchanged.)
   */
  readonly structuralResid?: Float64Array;
}

/** One excluded instrument's first-stage coefficient. */
export interface FirstStageCoefficient {
  readonly term: string;
  readonly estimate: number;
  readonly se: number;
  readonly t: number;
  readonly p: number;
}

/** First-stage diagnostics of one endogenous regressor (ivreg2's `e(first)` column). */
export interface FirstStageDiagnostics {
  readonly endogenous: string;
  /** Coefficients of the excluded instruments under the model's VCE (t with N−L−dofminus−sdofminus df). */
  readonly coefficients: readonly FirstStageCoefficient[];
  readonly f: number | null;
  readonly f_p: number | null;
  readonly sw_f: number | null;
  readonly ap_f: number | null;
  readonly partial_r2: number;
  readonly shea_partial_r2: number;
  /** ivreg2's row names: rmse sheapr2 pr2 F df df_r pvalue SWF SWFdf1 SWFdf2 SWFp SWchi2 SWchi2p SWr2 AP…. */
  readonly stats: Readonly<Record<string, number | null>>;
}

/** A χ² test; `stat` and `p` are null when ivreg2 reports the statistic as missing. */
export interface DiagnosticTest {
  readonly name: string;
  readonly stat: number | null;
  readonly df: number;
  readonly p: number | null;
  /** Why the statistic is missing, or null. */
  readonly note: string | null;
}

export interface WeakIdentification {
  /** Cragg–Donald Wald F (e(cdf)). */
  readonly cd_f: number | null;
  /** Kleibergen–Paap rk Wald F (e(widstat) under robust/cluster VCE); null under iid. */
  readonly kp_f: number | null;
  /** Stock–Yogo 2SLS critical values for (K1, L1): tsls_bias_5…30, tsls_size_10…25 where tabulated. */
  readonly stock_yogo: Readonly<Record<string, number>>;
}

export interface AndersonRubin {
  readonly f: number | null;
  readonly f_p: number | null;
  readonly df: number;
  readonly df_r: number;
  readonly chi2: number | null;
  readonly chi2_p: number | null;
  readonly note: string | null;
}

/** Everything ivreg2 reports about identification and specification, plain and JSON-serialisable. */
export interface IVDiagnostics {
  readonly first_stage: readonly FirstStageDiagnostics[];
  /** Anderson canonical-correlation LM (iid) or Kleibergen–Paap rk LM (robust/cluster). */
  readonly underid: DiagnosticTest;
  readonly weakid: WeakIdentification;
  /** Sargan (iid) or Hansen J (robust/cluster); null when exactly identified (ivreg2: J = 0 with 0 df, see `stats`). */
  readonly overid: DiagnosticTest | null;
  /** Endogeneity (difference-in-Sargan/C) test of all endogenous regressors, ivreg2's `endog()`. */
  readonly endog: DiagnosticTest;
  readonly anderson_rubin: AndersonRubin;
  /** Stock–Wright LM S statistic. */
  readonly stock_wright: DiagnosticTest;
  /** ivreg2's e() scalars under their own names (idstat, cdf, widstat, j, estat, arf, sstat, …). */
  readonly stats: Readonly<Record<string, number | null>>;
  /** Number of clusters ivreg2 uses in F statistics (the smaller count under two-way clustering). */
  readonly n_clusters: number | null;
}
