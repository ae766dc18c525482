/**
 * Table 9, heterogeneity II: one regression of Var_TFP on Exposure per class of economies
 * (I high TFP–high robots, II low–high, III low–low, IV high–low), industry panel.
 */
import type { Label, TableSpec } from "../../../report/table-spec.js";
import { type ColumnModel, type Estimator, feFooter } from "../estimator.js";
import { controls, fixedEffects } from "../formulas.js";
import { NOTES } from "../labels.js";
import { OLS_FOOTER, rows } from "./common.js";
import { omittedNote, splitColumns } from "./split-columns.js";

/** Labels of the four classes. */
export const CLASS_LABELS: readonly Label[] = [
  { en: "Class I (high TFP, high robots)", zh: "I 类(高-高)" },
  { en: "Class II (low TFP, high robots)", zh: "II 类(低-高)" },
  { en: "Class III (low TFP, low robots)", zh: "III 类(低-低)" },
  { en: "Class IV (high TFP, low robots)", zh: "IV 类(高-低)" },
];

/** The models of Table 9, in column order. */
export const TABLE9_MODELS: readonly ColumnModel[] = CLASS_LABELS.map((label, k) => ({
  panel: "industry",
  formula: `var_tfp ~ Exposure + ${controls("industry")} | ${fixedEffects("industry")}`,
  subset: { column: "class", value: k + 1, label: label.en },
  label,
  footer: feFooter("industry", { fe: true }),
}));

/**
 * Build Table 9.
 * @example const spec = table9(estimator);
 */
export function table9(est: Estimator): TableSpec {
  const split = splitColumns(est, TABLE9_MODELS, "table9");
  return {
    id: "table9",
    title: {
      en: "Table 9. Heterogeneity II: by class of economies (Var_TFP)",
      zh: "表 9 异质性分析回归结果 II:按经济体分组",
    },
    columns: split.columns,
    rows: rows(["Exposure"]),
    footer: OLS_FOOTER,
    notes: [
      ...NOTES,
      {
        en: "Dependent variable: Var_TFP. Classes split at the means of base-year (2000) TFP and robots installed 2000–2019 per 100 manufacturing workers.",
        zh: "被解释变量为生产率分化;按基期(2000 年)全要素生产率和 2000—2019 年每百人机器人安装量的均值划分经济体类别。",
      },
      ...omittedNote(split.omitted),
    ],
  };
}
