/**
 * Table 2, baseline OLS: country panel (1) controls only, (2) economy and year FE, (3) Var_TFP;
 * industry panel (4) controls only, (5) industry, economy and year FE, (6) Var_TFP.
 */
import type { TableSpec } from "../../../report/table-spec.js";
import { type ColumnModel, type Estimator, feFooter } from "../estimator.js";
import { controls, fixedEffects } from "../formulas.js";
import { METHOD, NOTES } from "../labels.js";
import { dep, OLS_FOOTER, panelGroups, rows } from "./common.js";

function model(panel: "country" | "industry", outcome: string, fe: boolean): ColumnModel {
  const rhs = `${outcome} ~ Exposure + ${controls(panel)}`;
  return {
    panel,
    formula: fe ? `${rhs} | ${fixedEffects(panel)}` : rhs,
    label: METHOD.ols,
    sublabel: dep(outcome),
    footer: feFooter(panel, { fe }),
  };
}

/** The models of Table 2, in column order. */
export const TABLE2_MODELS: readonly ColumnModel[] = [
  model("country", "tfp", false),
  model("country", "tfp", true),
  model("country", "var_tfp", true),
  model("industry", "tfp", false),
  model("industry", "tfp", true),
  model("industry", "var_tfp", true),
];

/**
 * Build Table 2.
 * @example const spec = table2(estimator);
 */
export function table2(est: Estimator): TableSpec {
  return {
    id: "table2",
    title: { en: "Table 2. Baseline regressions", zh: "表 2 基准回归结果" },
    columns: TABLE2_MODELS.map((m, j) => est.column(m, `table2 column (${j + 1})`)),
    rows: rows(["Exposure"]),
    footer: OLS_FOOTER,
    notes: NOTES,
    columnGroups: panelGroups(3, 6),
  };
}
