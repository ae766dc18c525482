/**
 * Table 4, robustness: Exposure_Install (robot installations per base-year worker) instead of
 * Exposure, OLS with fixed effects; TFP and Var_TFP on both panels.
 */
import type { TableSpec } from "../../../report/table-spec.js";
import { type ColumnModel, type Estimator, feFooter } from "../estimator.js";
import { controls, fixedEffects } from "../formulas.js";
import { METHOD, NOTES } from "../labels.js";
import { dep, OLS_FOOTER, panelGroups, rows } from "./common.js";

function model(panel: "country" | "industry", outcome: string): ColumnModel {
  return {
    panel,
    formula: `${outcome} ~ Exposure_Install + ${controls(panel)} | ${fixedEffects(panel)}`,
    label: METHOD.ols,
    sublabel: dep(outcome),
    footer: feFooter(panel, { fe: true }),
  };
}

/** The models of Table 4, in column order. */
export const TABLE4_MODELS: readonly ColumnModel[] = [
  model("country", "tfp"),
  model("country", "var_tfp"),
  model("industry", "tfp"),
  model("industry", "var_tfp"),
];

/**
 * Build Table 4.
 * @example const spec = table4(estimator);
 */
export function table4(est: Estimator): TableSpec {
  return {
    id: "table4",
    title: {
      en: "Table 4. Robustness I: robot installations instead of the robot stock",
      zh: "表 4 稳健性检验回归结果 I:替换核心解释变量",
    },
    columns: TABLE4_MODELS.map((m, j) => est.column(m, `table4 column (${j + 1})`)),
    rows: rows(["Exposure_Install"]),
    footer: OLS_FOOTER,
    notes: NOTES,
    columnGroups: panelGroups(2, 4),
  };
}
