/**
 * Table 5, robustness: the Chow-type design — Exposure × High, with every control's slope allowed
 * to differ between high- and low-TFP units (base-year TFP above the mean: 1994 across economies,
 * 2000 within industry), OLS with fixed effects; the footer tests that all slopes are equal.
 */
import type { TableColumn, TableSpec } from "../../../report/table-spec.js";
import { type ColumnModel, type Estimator, feFooter } from "../estimator.js";
import {
  COUNTRY_CONTROLS,
  controls,
  fixedEffects,
  INDUSTRY_CONTROLS,
  interactedControls,
} from "../formulas.js";
import { FOOTER, METHOD, NOTES } from "../labels.js";
import { waldZero } from "../wald.js";
import { dep, OLS_FOOTER, panelGroups, rows } from "./common.js";

function model(panel: "country" | "industry", outcome: string): ColumnModel {
  // High is constant within an economy (absorbed by the economy FE) in the country panel only.
  const main = panel === "industry" ? " + High" : "";
  return {
    panel,
    formula: `${outcome} ~ Exposure + Exposure:High${main} + ${controls(panel)} + ${interactedControls(panel, "High")} | ${fixedEffects(panel)}`,
    label: METHOD.ols,
    sublabel: dep(outcome),
    footer: feFooter(panel, { fe: true }),
  };
}

/** The models of Table 5, in column order. */
export const TABLE5_MODELS: readonly ColumnModel[] = [
  model("country", "tfp"),
  model("country", "var_tfp"),
  model("industry", "tfp"),
  model("industry", "var_tfp"),
];

/**
 * The Chow test cell of a column: F [p] that every `:High` slope is zero.
 * @example chowCell(column, "country");
 */
export function chowCell(column: TableColumn, panel: "country" | "industry"): string {
  const list = panel === "country" ? COUNTRY_CONTROLS : [...COUNTRY_CONTROLS, ...INDUSTRY_CONTROLS];
  const test = waldZero(column.result, ["Exposure:High", ...list.map((c) => `${c}:High`)]);
  return test ? `${test.f.toFixed(2)} [${test.p.toFixed(4)}]` : "";
}

/**
 * Build Table 5.
 * @example const spec = table5(estimator);
 */
export function table5(est: Estimator): TableSpec {
  const columns = TABLE5_MODELS.map((m, j) => {
    const col = est.column(m, `table5 column (${j + 1})`);
    return { ...col, footer: { ...col.footer, chow: chowCell(col, m.panel) } };
  });
  return {
    id: "table5",
    title: {
      en: "Table 5. Robustness II: Exposure × High (Chow test)",
      zh: "表 5 稳健性检验回归结果 II:调整识别策略",
    },
    columns,
    rows: rows(["Exposure", "Exposure:High"]),
    footer: [...OLS_FOOTER, FOOTER.chow],
    notes: [
      ...NOTES,
      {
        en: "Every control also enters interacted with High (Chow-type design); the last row tests that all interaction slopes are zero.",
        zh: "采用邹检验方法估计交互项模型,允许所有变量在两组之间存在估计系数差异;最后一行检验所有交互项系数均为零。",
      },
    ],
    columnGroups: panelGroups(2, 4),
  };
}
