/**
 * Labels of study B's variables, column headings and footer rows, in English and Chinese.
 */
import type { FooterRow, Label } from "../../report/table-spec.js";

/** Variable labels by frame column / term name. */
export const VARIABLES: Readonly<Record<string, Label>> = {
  tfp: { en: "TFP", zh: "全要素生产率" },
  var_tfp: { en: "Var_TFP", zh: "生产率分化" },
  lnctfp: { en: "ln ctfp", zh: "全要素生产率(ln ctfp)" },
  country_tfp: { en: "Economy TFP", zh: "经济体全要素生产率" },
  Exposure: { en: "Exposure", zh: "机器人应用" },
  Exposure_Install: { en: "Exposure_Install", zh: "机器人安装密度" },
  "Exposure:High": { en: "Exposure × High", zh: "Exposure × High" },
  "Exposure_Install:High": { en: "Exposure_Install × High", zh: "Exposure_Install × High" },
  "Exposure:Stru": { en: "Exposure × Stru", zh: "Exposure × Stru" },
  RE: { en: "RE", zh: "就业替代指数" },
  "RE:High": { en: "RE × High", zh: "RE × High" },
  IV_TS: { en: "IV_TS", zh: "IV_TS" },
  IV_TL: { en: "IV_TL", zh: "IV_TL" },
  IV_TSS: { en: "IV_TSS", zh: "IV_TSS" },
  High: { en: "High", zh: "High" },
  Stru: { en: "Stru", zh: "产业结构匹配度" },
  Hc: { en: "Hc", zh: "人力资本" },
  FDI: { en: "FDI", zh: "外商直接投资" },
  Structure: { en: "Structure", zh: "产业结构" },
  Internet: { en: "Internet", zh: "互联网基础设施" },
  lnprgdp: { en: "lnprgdp", zh: "经济发展水平" },
  lnweekwork: { en: "lnweekwork", zh: "周工作时间" },
  lnsize: { en: "lnsize", zh: "行业规模" },
  lncapital: { en: "lncapital", zh: "资本密度" },
};

/**
 * The label of a variable or term (the name itself when unknown).
 * @example variableLabel("Exposure").zh; // "机器人应用"
 */
export function variableLabel(name: string): Label {
  return VARIABLES[name] ?? { en: name, zh: name };
}

/** Headings of the two panels. */
export const PANEL_LABELS: Readonly<Record<"country" | "industry", Label>> = {
  country: { en: "Economy-year", zh: "经济体-年份维度" },
  industry: { en: "Economy-industry-year", zh: "经济体-行业-年份维度" },
};

/** Method headings. */
export const METHOD = {
  ols: { en: "OLS", zh: "OLS 估计" },
  tsls: { en: "2SLS", zh: "2SLS 估计" },
  first: { en: "First stage", zh: "第一阶段" },
  second: { en: "Second stage", zh: "第二阶段" },
} as const satisfies Readonly<Record<string, Label>>;

const Y = (key: string, en: string, zh: string): FooterRow => ({ key, label: { en, zh }, stat: "literal" });

/** Footer rows shared by the regression tables. */
export const FOOTER = {
  economyControls: Y("economy_controls", "Economy controls", "经济体特征"),
  industryControls: Y("industry_controls", "Industry controls", "行业特征"),
  industryFe: Y("industry_fe", "Industry FE", "行业固定效应"),
  economyFe: Y("economy_fe", "Economy FE", "经济体固定效应"),
  yearFe: Y("year_fe", "Year FE", "年份固定效应"),
  adjR2: { key: "adj_r2", label: { en: "Adjusted R²", zh: "调整后 R²" }, stat: "adj_r2" },
  nobs: { key: "nobs", label: { en: "Observations", zh: "样本量" }, stat: "nobs" },
  kpLm: {
    key: "kp_lm",
    label: { en: "Kleibergen-Paap rk LM [p]", zh: "Kleibergen-Paap rk LM [p]" },
    stat: "kp_lm",
  },
  kpF: {
    key: "kp_f",
    label: { en: "Kleibergen-Paap rk Wald F", zh: "Kleibergen-Paap rk Wald F" },
    stat: "kp_f",
  },
  sy10: {
    key: "stock_yogo_10",
    label: { en: "Stock-Yogo 10% critical value", zh: "Stock-Yogo 10% 临界值" },
    stat: "stock_yogo_10",
  },
  chow: Y("chow", "Chow test: equal slopes, F [p]", "邹检验 F [p]"),
} as const satisfies Readonly<Record<string, FooterRow>>;

/** Notes under every regression table. */
export const NOTES: readonly Label[] = [
  {
    en: "Robust (heteroskedasticity-consistent, HC1) standard errors.",
    zh: "( ) 内为稳健标准误。",
  },
];
