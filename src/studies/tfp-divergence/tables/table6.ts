/**
 * Table 6, mechanism I — labour replacement (industry panel, 2001–2014): (1) RE on
 * Exposure_Install × High; (2) TFP on RE; (3) Var_TFP on RE × High; (4)–(6) the same by 2SLS with
 * the installation-based TS-matched instrument IV_TSS (and IV_TSS × High). The interaction columns
 * (1), (3), (4), (6) are Chow-type (note ②): High and every control × High enter as well.
 */
import type { TableSpec } from "../../../report/table-spec.js";
import { type ColumnModel, type Estimator, feFooter } from "../estimator.js";
import { controls, fixedEffects, interactedControls } from "../formulas.js";
import { METHOD, NOTES } from "../labels.js";
import { dep, IV_FOOTER, rows } from "./common.js";

const CTL = controls("industry");
const FE = fixedEffects("industry");
/** Note ② of the paper: in the interaction (Chow-type) columns every control's slope differs by High. */
const CHOW = `High + ${CTL} + ${interactedControls("industry", "High")}`;

function model(formula: string, outcome: string, iv: boolean): ColumnModel {
  return {
    panel: "industry",
    formula,
    label: iv ? METHOD.tsls : METHOD.ols,
    sublabel: dep(outcome),
    footer: feFooter("industry", { fe: true }),
  };
}

/** The models of Table 6, in column order. */
export const TABLE6_MODELS: readonly ColumnModel[] = [
  model(`RE ~ Exposure_Install + Exposure_Install:High + ${CHOW} | ${FE}`, "RE", false),
  model(`tfp ~ Exposure_Install + RE + ${CTL} | ${FE}`, "tfp", false),
  model(
    `var_tfp ~ Exposure_Install + Exposure_Install:High + RE + RE:High + ${CHOW} | ${FE}`,
    "var_tfp",
    false,
  ),
  model(`RE ~ ${CHOW} | ${FE} | Exposure_Install + Exposure_Install:High ~ IV_TSS + IV_TSS:High`, "RE", true),
  model(`tfp ~ RE + ${CTL} | ${FE} | Exposure_Install ~ IV_TSS`, "tfp", true),
  model(
    `var_tfp ~ RE + RE:High + ${CHOW} | ${FE} | Exposure_Install + Exposure_Install:High ~ IV_TSS + IV_TSS:High`,
    "var_tfp",
    true,
  ),
];

/**
 * Build Table 6.
 * @example const spec = table6(estimator);
 */
export function table6(est: Estimator): TableSpec {
  return {
    id: "table6",
    title: {
      en: "Table 6. Mechanism I: labour replacement",
      zh: "表 6 机制分析回归结果 I:就业替代效应的差异",
    },
    columns: TABLE6_MODELS.map((m, j) => est.column(m, `table6 column (${j + 1})`)),
    rows: rows(["Exposure_Install", "Exposure_Install:High", "RE", "RE:High"]),
    footer: IV_FOOTER,
    notes: [
      ...NOTES,
      {
        en: "Columns (1) and (4): RE = ln(Emp(t−1)/Emp(t)); (2) and (5): TFP; (3) and (6): Var_TFP. Industry panel, 2001–2014.",
        zh: "列(1)和列(4)被解释变量为就业替代指数,列(2)和列(5)为全要素生产率,列(3)和列(6)为生产率分化。",
      },
    ],
    columnGroups: [
      { label: METHOD.ols, first: 1, last: 3 },
      { label: METHOD.tsls, first: 4, last: 6 },
    ],
  };
}
