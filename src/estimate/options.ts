/** Options of an estimation, with Stata's and fixest's meanings. */

export type WeightType = "aweight" | "fweight" | "pweight";

/** iid, heteroskedasticity-robust (HC1), or clustered on one or more variables (multi-way: CGM). */
export type VcovSpec =
  | { readonly type: "iid" }
  | { readonly type: "hetero" }
  | { readonly type: "cluster"; readonly vars: readonly string[] };

export interface EstimateOptions {
  /** `iid` (default), `hetero`, `cluster:VAR`, `cluster:VAR1+VAR2`, or a parsed spec. A cluster variable may be an interaction `city^year`. */
  readonly vcov?: string | VcovSpec;
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
  /** Fixed-effect demeaning: convergence tolerance, iteration cap, and method ("auto" default, or "cg" to always iterate). */
  readonly demean?: { readonly tol?: number; readonly maxIter?: number; readonly method?: "auto" | "cg" };
  /** Progress callback (steps and demeaning iterations), e.g. for a terminal display. */
  readonly onProgress?: (message: string) => void;
}

/**
 * Parse `iid`, `hetero`, `cluster:a` or `cluster:a+b` (also `hc1`/`robust` for hetero).
 * @example parseVcov("cluster:city+year"); // { type: "cluster", vars: ["city", "year"] }
 */
export function parseVcov(spec: string | VcovSpec | undefined): VcovSpec {
  if (spec === undefined) return { type: "iid" };
  if (typeof spec !== "string") return spec;
  const s = spec.trim();
  if (s === "iid" || s === "ols" || s === "unadjusted") return { type: "iid" };
  if (s === "hetero" || s === "robust" || s === "hc1") return { type: "hetero" };
  const m = /^(?:cluster|cl)\s*[:=]\s*(.+)$/.exec(s);
  if (m) {
    const vars = m[1].split("+").map((v) => v.trim());
    if (vars.some((v) => !v))
      throw new Error(
        `--vcov "${spec}": an empty cluster variable name; write cluster:VAR or cluster:VAR1+VAR2`,
      );
    return { type: "cluster", vars };
  }
  throw new Error(`--vcov "${spec}" is not understood; use iid, hetero, cluster:VAR or cluster:VAR1+VAR2`);
}
