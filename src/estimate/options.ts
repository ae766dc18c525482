/** Options of an estimation, with Stata's and fixest's meanings. */

export type WeightType = "aweight" | "fweight" | "pweight";

export type { VcovSpec, VcovType } from "./vcov/registry.js";
export { parseVcov } from "./vcov/registry.js";
import type { VcovSpec } from "./vcov/registry.js";

export interface EstimateOptions {
  /** `iid` (default), `hetero`, `cluster:VAR`, `cluster:VAR1+VAR2`, `dkraay`, `kiefer`, or a parsed spec. A cluster variable may be an interaction `city^year`. */
  readonly vcov?: string | VcovSpec;
  /** With an IV part: `2sls` (default), `liml`, `fuller:A`, `kclass:K`, `gmm2s` (ivreg2's estimators). */
  readonly estimator?: string;
  /** LIML/Fuller/k-class: VCOV on the 2SLS bread (ivreg2 `coviv`). */
  readonly coviv?: boolean;
  /** Time variable (Stata `tsset`/`xtset`): lags follow its values, so gaps are respected. */
  readonly time?: string;
  /** Panel (unit) variable for panel kernel VCOVs, Driscoll–Kraay and Kiefer. */
  readonly panel?: string;
  /** Kernel of an AC/HAC/cluster-kernel/Driscoll–Kraay VCOV (bartlett, parzen, truncated, thanning, thamming, daniell, tent, qs). */
  readonly kernel?: string;
  /** Kernel bandwidth, or `auto` (ivreg2's automatic bandwidth). */
  readonly bw?: number | "auto";
  /** ivreg2 `endog()`: test that these endogenous regressors are exogenous. */
  readonly endogTest?: readonly string[];
  /** ivreg2 `orthog()`: test the validity of these instruments. */
  readonly orthog?: readonly string[];
  /** Column holding observation weights. */
  readonly weights?: string;
  /** Stata's weight meaning (default `aweight`); `pweight` implies a robust VCOV. */
  readonly weightType?: WeightType;
  /** Stata's `small` (default true): t and F with N−K corrections; false gives ivreg2's large-sample z/χ² conventions. */
  readonly small?: boolean;
  /** ivreg2 `dofminus` (large-sample degrees-of-freedom adjustment). */
  readonly dofminus?: number;
  /** ivreg2 `sdofminus` (small-sample degrees-of-freedom adjustment). */
  readonly sdofminus?: number;
  /** `stata` (default: reghdfe/ivreg2 conventions) or `fixest` (R fixest's default `ssc()` exactly). */
  readonly ssc?: "stata" | "fixest";
  /** Keep singleton groups (default false: drop them iteratively, as reghdfe). */
  readonly keepSingletons?: boolean;
  /** Include an intercept (default true; only meaningful without fixed effects). */
  readonly constant?: boolean;
  /** Fixed-effect demeaning: convergence tolerance and iteration cap. */
  readonly demean?: { readonly tol?: number; readonly maxIter?: number };
  /** Progress callback (steps and demeaning iterations), e.g. for a terminal display. */
  readonly onProgress?: (message: string) => void;
}
