/**
 * Labels of study A's variables, table headings and footer rows in English and Chinese.
 */
import type { FooterRow, Label } from "../../report/table-spec.js";

/** Variable labels. */
export const VAR: Readonly<Record<string, Label>> = {
  lnspatent: { en: "ln patent applications (lnspatent)", zh: "专利申请量对数 lnspatent" },
  lnfm_patent: { en: "ln invention patents (lnfm_patent)", zh: "发明专利申请量对数 lnfm_patent" },
  ln1p_patent: { en: "ln(1 + patent applications)", zh: "ln(1+专利申请量)" },
  dvar: { en: "Domestic value-added ratio (dvar)", zh: "国内增加值率 dvar" },
  robot: { en: "Robot import share (robot)", zh: "工业机器人进口率 robot" },
  us_robot: { en: "US robot penetration (us_robot)", zh: "美国工业机器人渗透度 us_robot" },
  robot_cap: { en: "Robots / capital-goods imports (robot_cap)", zh: "机器人占资本品进口比例 robot_cap" },
  net_robot: { en: "Net robot imports (net_robot)", zh: "净工业机器人使用 net_robot" },
  robot_np: { en: "Robot share excl. processing trade", zh: "剔除加工贸易的机器人进口率" },
  lnlp: { en: "ln labour productivity (lnlp)", zh: "劳动生产率 lnlp" },
  lnkfix: { en: "ln net fixed assets (lnkfix)", zh: "企业规模 lnkfix" },
  lnklratio: { en: "ln capital per worker (lnklratio)", zh: "资本劳动比 lnklratio" },
  lnbdat: { en: "ln firm age (lnbdat)", zh: "企业年龄 lnbdat" },
  lngdp: { en: "ln GDP per capita (lngdp)", zh: "人均生产总值 lngdp" },
  second_rate: { en: "Secondary-industry share (second_rate)", zh: "产业结构 second_rate" },
  lnedc_cost: { en: "ln education expenditure (lnedc_cost)", zh: "教育支出 lnedc_cost" },
  cic4_hhi: { en: "HHI of the CIC4 industry (cic4_hhi)", zh: "行业赫芬达尔指数 cic4_hhi" },
  lncap_value: { en: "ln imports of robot parts (lncap_value)", zh: "零部件进口额 lncap_value" },
  cap_ratio: { en: "Imported share of parts (cap_ratio)", zh: "进口零部件比例 cap_ratio" },
  lnexpense: { en: "ln sales expenses per output (lnexpense)", zh: "单位产值销售费用 lnexpense" },
  y: { en: "Output, standardised (y)", zh: "标准化产值 y" },
  lnprofit: { en: "ln total profit (lnprofit)", zh: "利润总额 lnprofit" },
  lnn: { en: "ln number of products (lnn)", zh: "产品种类 lnn" },
  markup: { en: "Markup (DLW)", zh: "成本加成率 markup" },
  sa: { en: "SA index", zh: "SA 指数" },
  gap: { en: "Technology gap (gap)", zh: "技术距离 gap" },
};

/**
 * A label whose two languages are the same text (e.g. a variable name as dependent variable).
 * @example same("lnspatent"); // { en: "lnspatent", zh: "lnspatent" }
 */
export const same = (text: string): Label => ({ en: text, zh: text });

/** Column heading for a second stage, a first stage, and OLS. */
export const HEAD = {
  ols: { en: "OLS", zh: "OLS" },
  first: { en: "First stage", zh: "第一阶段" },
  second: { en: "Second stage", zh: "第二阶段" },
  iv: { en: "2SLS", zh: "2SLS" },
} as const;

/** Literal footer rows (Yes/No). */
export const FOOTER_LITERAL: readonly FooterRow[] = [
  { key: "controls", label: { en: "Controls", zh: "控制变量" }, stat: "literal" },
  { key: "firm_fe", label: { en: "Firm FE", zh: "企业固定效应" }, stat: "literal" },
  { key: "year_fe", label: { en: "Year FE", zh: "年份固定效应" }, stat: "literal" },
  { key: "industry_fe", label: { en: "Industry FE", zh: "行业固定效应" }, stat: "literal" },
  { key: "city_fe", label: { en: "City FE", zh: "城市固定效应" }, stat: "literal" },
];

/** Statistic footer rows of the 2SLS tables. */
export const FOOTER_IV: readonly FooterRow[] = [
  { key: "nobs", label: { en: "Observations", zh: "样本量" }, stat: "nobs" },
  { key: "r2_centered", label: { en: "Centred R²", zh: "Centered R2" }, stat: "r2_centered" },
  {
    key: "kp_lm",
    label: { en: "Kleibergen-Paap rk LM statistic", zh: "Kleibergen-Paap rk LM 统计量" },
    stat: "kp_lm",
  },
  {
    key: "cd_f",
    label: { en: "Cragg-Donald Wald F statistic", zh: "Cragg-Donald Wald F 统计量" },
    stat: "cd_f",
  },
  {
    key: "kp_f",
    label: { en: "Kleibergen-Paap rk Wald F statistic", zh: "Kleibergen-Paap rk Wald F 统计量" },
    stat: "kp_f",
  },
];

/** The R² row of Table 2 (for the OLS column). */
export const FOOTER_R2: FooterRow = { key: "r2", label: { en: "R²", zh: "R2" }, stat: "r2" };

/**
 * The clustering note under every regression table (the report adds the stars note).
 * @example standardNotes(CLUSTER["city^year"]);
 */
export function standardNotes(cluster: Label): Label[] {
  return [
    {
      en: `Standard errors clustered by ${cluster.en}.`,
      zh: `标准误在${cluster.zh}层面聚类。`,
    },
  ];
}

/** Cluster labels. */
export const CLUSTER: Readonly<Record<string, Label>> = {
  "city^year": { en: "city × year", zh: "城市-年份" },
  "city^cic4": { en: "city × industry", zh: "城市-行业" },
  "province^year": { en: "province × year", zh: "省份-年份" },
  "province^cic4": { en: "province × industry", zh: "省份-行业" },
};
