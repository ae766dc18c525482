/**
 * Table 8, heterogeneity I: one regression of Var_TFP on Exposure per manufacturing industry
 * (economy and year FE), in the paper's column order.
 */
import type { TableSpec } from "../../../report/table-spec.js";
import { type ColumnModel, type Estimator, feFooter } from "../estimator.js";
import { controls, fixedEffects } from "../formulas.js";
import { NOTES } from "../labels.js";
import { industryLabel } from "../sectors.js";
import { OLS_FOOTER, rows } from "./common.js";
import { omittedNote, splitColumns } from "./split-columns.js";

/** The paper's column order of the 14 industries. */
export const TABLE8_ORDER: readonly string[] = [
  "C29",
  "C26",
  "C27",
  "C22",
  "C25",
  "C28",
  "C10-C12",
  "C24",
  "C21",
  "C23",
  "C30",
  "C16_C31-C32",
  "C17-C18",
  "C13-C15",
];

/** The models of Table 8, in column order. */
export const TABLE8_MODELS: readonly ColumnModel[] = TABLE8_ORDER.map((code) => ({
  panel: "industry",
  formula: `var_tfp ~ Exposure + ${controls("industry")} | ${fixedEffects("industry", false)}`,
  subset: { column: "industry", value: code, label: code },
  label: industryLabel(code),
  footer: { ...feFooter("industry", { fe: true }), industry_fe: "" },
}));

/**
 * Build Table 8.
 * @example const spec = table8(estimator);
 */
export function table8(est: Estimator): TableSpec {
  const split = splitColumns(est, TABLE8_MODELS, "table8");
  return {
    id: "table8",
    title: {
      en: "Table 8. Heterogeneity I: by industry (Var_TFP)",
      zh: "表 8 异质性分析回归结果 I:按行业分组",
    },
    columns: split.columns,
    rows: rows(["Exposure"]),
    footer: OLS_FOOTER,
    notes: [
      ...NOTES,
      {
        en: "Dependent variable: Var_TFP. One regression per industry.",
        zh: "被解释变量为生产率分化,分行业回归。",
      },
      ...omittedNote(split.omitted),
    ],
  };
}
