/**
 * What a study hands the report layer to make one regression table in the papers' layout:
 * coefficient with stars and the SE in parentheses below, then footer rows (FE and controls yes/no,
 * N, R², diagnostics). Renderers turn a spec into Markdown, LaTeX (booktabs), CSV and JSON.
 */
import type { EstimationResult } from "../estimate/result.js";

/** A label in both languages of the product. */
export interface Label {
  readonly en: string;
  readonly zh: string;
}

/** One column of a regression table. */
export interface TableColumn {
  /** Column heading, e.g. {en: "OLS", zh: "OLS"} or {en: "First stage", zh: "第一阶段"}. */
  readonly label: Label;
  /** Optional second heading line, e.g. the dependent variable. */
  readonly sublabel?: Label;
  /** The estimation shown in this column (its full result is embedded in the JSON output). */
  readonly result: EstimationResult;
  /** For a first-stage column: the endogenous regressor whose first stage is shown. */
  readonly firstStageOf?: string;
  /** Printed column number (default: position + 1); kept when a column before it is left out. */
  readonly number?: number;
  /** Footer cells of this column keyed by footer-row key (e.g. {firm_fe: "Yes", controls: "No"}). */
  readonly footer?: Readonly<Record<string, string>>;
}

/** A coefficient row: which term to show and how to label it. Terms missing from a column leave it blank. */
export interface TableRow {
  readonly term: string;
  readonly label: Label;
  /** Other term names that should appear in this row (e.g. the first-stage instrument `us_robot` on the row of `robot`). */
  readonly aliases?: readonly string[];
  /**
   * Take this row from the first stage of that endogenous regressor in each 2SLS column (study A's
   * Tables 4–5 print `us_robot` under 第一阶段 in the second-stage column). Columns without that first
   * stage are blank.
   */
  readonly firstStageOf?: string;
  /** Decimals of this row's coefficient and SE (default: the table's `decimals`, else 4). */
  readonly decimals?: number;
}

/** A footer row: either literal cells from `TableColumn.footer[key]`, or a statistic taken from each result. */
export interface FooterRow {
  readonly key: string;
  readonly label: Label;
  /**
   * `literal`: the column's `footer[key]`; otherwise a statistic of the column's result: N, R², adjusted
   * R², within R², centred R², Kleibergen-Paap rk LM (with p in brackets), Cragg-Donald Wald F,
   * Kleibergen-Paap rk Wald F, Stock-Yogo 10% maximal size critical value, Hansen J p-value.
   */
  readonly stat:
    | "literal"
    | "nobs"
    | "r2"
    | "adj_r2"
    | "within_r2"
    | "r2_centered"
    | "kp_lm"
    | "cd_f"
    | "kp_f"
    | "stock_yogo_10"
    | "hansen_p";
}

export interface TableSpec {
  /** File stem, e.g. `table2` or `robustness_clusters`. */
  readonly id: string;
  readonly title: Label;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly footer: readonly FooterRow[];
  /** Notes under the table (SE type, stars). */
  readonly notes?: readonly Label[];
  /** Decimals of coefficients and SEs (default 4). */
  readonly decimals?: number;
  /**
   * Headings spanning several columns above the column numbers (study B: 经济体-年份维度 over (1)–(3)),
   * by printed column number, `first` and `last` inclusive (1-based).
   */
  readonly columnGroups?: readonly { readonly label: Label; readonly first: number; readonly last: number }[];
}

/** A descriptive-statistics table (the papers' Table 1): one row per variable. */
export interface DescriptiveSpec {
  readonly id: string;
  readonly title: Label;
  /** Which statistics to show, in order. */
  readonly stats: readonly ("n" | "mean" | "sd" | "min" | "max" | "median")[];
  readonly rows: readonly {
    readonly variable: string;
    readonly label: Label;
    readonly values: Readonly<Record<string, number | null>>;
  }[];
  /**
   * Optional grouping of rows into panels (e.g. country panel / industry panel): `rows.slice(from, to)`,
   * i.e. `from` is the 0-based index of the panel's first row and `to` one past its last. When given,
   * the panels must cover all rows, in order, without gaps or overlaps.
   */
  readonly panels?: readonly { readonly label: Label; readonly from: number; readonly to: number }[];
  /** Notes under the table. */
  readonly notes?: readonly Label[];
  /** Decimals of mean, s.d., min, max and median (default 4; N is an integer). */
  readonly decimals?: number;
}
