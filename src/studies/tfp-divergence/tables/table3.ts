/**
 * Table 3, 2SLS: first stages (country: IV_TS; industry: IV_TL and IV_TS) and second stages for TFP
 * and Var_TFP, with Kleibergen-Paap rk LM [p], KP rk Wald F and the Stock–Yogo 10% critical value.
 */
import type { TableSpec } from "../../../report/table-spec.js";
import { type ColumnModel, type Estimator, feFooter } from "../estimator.js";
import { baseline2sls, controls, fixedEffects } from "../formulas.js";
import { METHOD, NOTES } from "../labels.js";
import { dep, IV_FOOTER, panelGroups, rows } from "./common.js";

/**
 * The first stage as its own OLS regression (Exposure on the instruments, the controls and the
 * fixed effects): the same coefficients and robust SEs as the 2SLS's first stage, plus the
 * first-stage adjusted R² the paper prints in columns (1) and (4).
 */
function firstStage(panel: "country" | "industry"): string {
  const iv = panel === "country" ? "IV_TS" : "IV_TS + IV_TL";
  return `Exposure ~ ${iv} + ${controls(panel)} | ${fixedEffects(panel)}`;
}

function model(panel: "country" | "industry", outcome: string, first: boolean): ColumnModel {
  return {
    panel,
    formula: first ? firstStage(panel) : baseline2sls(panel, outcome),
    label: first ? METHOD.first : METHOD.second,
    sublabel: first ? dep("Exposure") : dep(outcome),
    footer: feFooter(panel, { fe: true }),
  };
}

/** The models of Table 3, in column order. */
export const TABLE3_MODELS: readonly ColumnModel[] = [
  model("country", "tfp", true),
  model("country", "tfp", false),
  model("country", "var_tfp", false),
  model("industry", "tfp", true),
  model("industry", "tfp", false),
  model("industry", "var_tfp", false),
];

/**
 * Build Table 3.
 * @example const spec = table3(estimator);
 */
export function table3(est: Estimator): TableSpec {
  return {
    id: "table3",
    title: { en: "Table 3. 2SLS estimates", zh: "表 3 2SLS 估计结果" },
    columns: TABLE3_MODELS.map((m, j) => est.column(m, `table3 column (${j + 1})`)),
    rows: rows(["Exposure", "IV_TS", "IV_TL"]),
    footer: IV_FOOTER,
    notes: [
      ...NOTES,
      {
        en: "Columns (1) and (4): first stages of the 2SLS in (2)–(3) and (5)–(6). The Stock–Yogo critical value is for 10% maximal IV size.",
        zh: "列(1)和列(4)为第一阶段回归结果;Stock-Yogo 临界值为 10% 显著性水平下的弱识别检验临界值。",
      },
    ],
    columnGroups: panelGroups(3, 6),
  };
}
