/**
 * One column of a regression table: its sample, dependent variable, regressor (instrumented or
 * not), controls, fixed effects and clustering, estimated with `feols`.
 */
import { feols } from "../../../estimate/feols.js";
import type { EstimationResult } from "../../../estimate/result.js";
import type { Frame } from "../../../frame/frame.js";
import type { Label, TableColumn } from "../../../report/table-spec.js";

/** The firm and city controls of eq. (1). */
export const CONTROLS = [
  "lnlp",
  "lnkfix",
  "lnklratio",
  "lnbdat",
  "lngdp",
  "second_rate",
  "lnedc_cost",
  "cic4_hhi",
] as const;
/** City controls (the city-level regression of Table 3 column 2). */
export const CITY_CONTROLS = ["lngdp", "second_rate", "lnedc_cost"] as const;
/** Fixed effects of eq. (1): firm, year, industry, city. */
export const FIRM_FE = ["firm", "year", "cic4", "city"] as const;

/** What a column estimates. */
export interface ColumnSpec {
  readonly label: Label;
  readonly sublabel?: Label;
  readonly frame: Frame;
  readonly depvar: string;
  readonly regressor: string;
  /** Excluded instrument; absent for OLS. */
  readonly instrument?: string;
  readonly controls: readonly string[];
  readonly fe: readonly string[];
  /** Cluster variable(s), e.g. `city^year`. */
  readonly cluster: string;
  /** Show the first stage of the regressor instead of the second stage. */
  readonly firstStage?: boolean;
}

/**
 * The fixest-style formula of a column.
 * @example formulaOf(spec); // "lnspatent ~ lnlp + … | firm + year + cic4 + city | robot ~ us_robot"
 */
export function formulaOf(spec: ColumnSpec): string {
  const fe = spec.fe.length ? ` | ${spec.fe.join(" + ")}` : "";
  if (!spec.instrument) return `${spec.depvar} ~ ${[spec.regressor, ...spec.controls].join(" + ")}${fe}`;
  const rhs = spec.controls.length ? spec.controls.join(" + ") : "1";
  return `${spec.depvar} ~ ${rhs}${fe} | ${spec.regressor} ~ ${spec.instrument}`;
}

/**
 * Yes/No footer cells of a column (controls and each fixed effect).
 * @example footerOf(spec).firm_fe; // "Yes"
 */
export function footerOf(spec: ColumnSpec): Record<string, string> {
  const yes = (b: boolean) => (b ? "Yes" : "No");
  return {
    controls: yes(spec.controls.length > 0),
    firm_fe: yes(spec.fe.includes("firm")),
    year_fe: yes(spec.fe.includes("year")),
    industry_fe: yes(spec.fe.includes("cic4")),
    city_fe: yes(spec.fe.includes("city")),
  };
}

/**
 * Estimate a column (clustered SEs, Stata's small-sample conventions).
 * @example const res = estimateColumn(spec);
 */
export function estimateColumn(spec: ColumnSpec): EstimationResult {
  return feols(spec.frame, formulaOf(spec), { vcov: `cluster:${spec.cluster}` });
}

/** A built column, or the reason it could not be estimated. */
export type ColumnOutcome = { readonly column: TableColumn } | { readonly failed: string };

/**
 * Estimate a column and build its table column; an estimation error becomes a `failed` note.
 * @example const out = buildColumn(spec);
 */
export function buildColumn(spec: ColumnSpec, result?: EstimationResult): ColumnOutcome {
  try {
    const r = result ?? estimateColumn(spec);
    return {
      column: {
        label: spec.label,
        sublabel: spec.sublabel,
        result: r,
        firstStageOf: spec.firstStage ? spec.regressor : undefined,
        footer: footerOf(spec),
      },
    };
  } catch (err) {
    return { failed: err instanceof Error ? err.message : String(err) };
  }
}
