/**
 * Table 7, mechanism II — industry structure: Exposure × Stru (eq. 19) for industry TFP, the
 * economy's TFP and Var_TFP on the industry panel, OLS and 2SLS (IV_TS and IV_TS × Stru; column 6
 * also IV_TL and IV_TL × Stru).
 */
import type { TableSpec } from "../../../report/table-spec.js";
import { type ColumnModel, type Estimator, feFooter } from "../estimator.js";
import { controls, fixedEffects } from "../formulas.js";
import { METHOD, NOTES } from "../labels.js";
import { dep, IV_FOOTER, rows } from "./common.js";

const CTL = controls("industry");
const FE = fixedEffects("industry");

function model(outcome: string, iv: "none" | "ts" | "both"): ColumnModel {
  const formula =
    iv === "none"
      ? `${outcome} ~ Exposure + Exposure:Stru + ${CTL} | ${FE}`
      : iv === "ts"
        ? `${outcome} ~ ${CTL} | ${FE} | Exposure + Exposure:Stru ~ IV_TS + IV_TS:Stru`
        : `${outcome} ~ ${CTL} | ${FE} | Exposure + Exposure:Stru ~ IV_TS + IV_TL + IV_TS:Stru + IV_TL:Stru`;
  return {
    panel: "industry",
    formula,
    label: iv === "none" ? METHOD.ols : METHOD.tsls,
    sublabel: dep(outcome),
    footer: feFooter("industry", { fe: true }),
  };
}

/** The models of Table 7, in column order. */
export const TABLE7_MODELS: readonly ColumnModel[] = [
  model("tfp", "none"),
  model("country_tfp", "none"),
  model("var_tfp", "none"),
  model("tfp", "ts"),
  model("country_tfp", "ts"),
  model("var_tfp", "both"),
];

/**
 * Build Table 7.
 * @example const spec = table7(estimator);
 */
export function table7(est: Estimator): TableSpec {
  return {
    id: "table7",
    title: {
      en: "Table 7. Mechanism II: industry structure",
      zh: "表 7 机制分析回归结果 II:产业结构的差异",
    },
    columns: TABLE7_MODELS.map((m, j) => est.column(m, `table7 column (${j + 1})`)),
    rows: rows(["Exposure", "Exposure:Stru"]),
    footer: IV_FOOTER,
    notes: [
      ...NOTES,
      {
        en: "Columns (1), (4): industry TFP; (2), (5): the economy's TFP (ln ctfp); (3), (6): Var_TFP. Stru = Σ_j (global robot share of j) × (employment share of j in 2000).",
        zh: "列(1)(4)被解释变量为行业全要素生产率,列(2)(5)为经济体全要素生产率,列(3)(6)为生产率分化。",
      },
    ],
    columnGroups: [
      { label: METHOD.ols, first: 1, last: 3 },
      { label: METHOD.tsls, first: 4, last: 6 },
    ],
  };
}
