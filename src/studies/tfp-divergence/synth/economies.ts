/**
 * The economies of study B's synthetic twin: real ISO codes and names with rough, hand-set
 * design levels of TFP (relative to the US; they place the economy in the industry panel's High
 * and class design) and a robot-adoption tilt (employment, population, hc, income and the
 * economy's own ctfp follow PWT 10.01: pwt-anchors.ts), so that the generated world looks like the paper's (China, Czechia and Slovakia adopt many robots from a low
 * TFP level; Norway, Ireland and the UK few from a high one).
 */

/** Which sources cover an economy. */
export type Coverage = "both" | "wiod-only" | "ifr-only";

/** One economy of the generator. */
export interface EconomyInfo {
  readonly iso3: string;
  readonly en: string;
  readonly zh: string;
  /** `both`: in IFR and WIOD (the 41 of the industry panel); `wiod-only`: WIOD without IFR data; `ifr-only`: outside WIOD. */
  readonly coverage: Coverage;
  /**
   * Design TFP level relative to the US (industry TFP levels, robot adoption, employment mix); the
   * economy's ctfp starts at PWT 10.01's 1994 value instead where PWT has one.
   */
  readonly tfp: number;
  /** Log shift of robot adoption beyond what the TFP level implies. */
  readonly robotTilt: number;
  /** Part of the `tiny` scale. */
  readonly tiny: boolean;
}

type Row = [string, string, string, Coverage, number, number, boolean];

// iso3, English, Chinese, coverage, tfp 1994, robot tilt, in tiny
const ROWS: readonly Row[] = [
  ["USA", "United States", "美国", "both", 1.0, 0.2, true],
  ["AUS", "Australia", "澳大利亚", "both", 0.85, -0.6, false],
  ["AUT", "Austria", "奥地利", "both", 0.9, 0.3, false],
  ["BEL", "Belgium", "比利时", "both", 0.95, 0.2, false],
  ["BGR", "Bulgaria", "保加利亚", "both", 0.48, -0.3, false],
  ["BRA", "Brazil", "巴西", "both", 0.64, -0.2, true],
  ["CAN", "Canada", "加拿大", "both", 0.88, 0.0, false],
  ["CHE", "Switzerland", "瑞士", "both", 0.93, -0.2, false],
  ["CHN", "China", "中国", "both", 0.35, 2.2, true],
  ["CZE", "Czechia", "捷克", "both", 0.55, 1.6, true],
  ["DEU", "Germany", "德国", "both", 0.92, 0.9, true],
  ["DNK", "Denmark", "丹麦", "both", 0.88, 0.4, false],
  ["ESP", "Spain", "西班牙", "both", 0.86, 0.4, true],
  ["EST", "Estonia", "爱沙尼亚", "both", 0.5, -0.2, false],
  ["FIN", "Finland", "芬兰", "both", 0.8, 0.3, false],
  ["FRA", "France", "法国", "both", 0.96, 0.1, true],
  ["GBR", "United Kingdom", "英国", "both", 0.86, -0.9, true],
  ["GRC", "Greece", "希腊", "both", 0.78, -0.6, false],
  ["HRV", "Croatia", "克罗地亚", "both", 0.58, -0.3, false],
  ["HUN", "Hungary", "匈牙利", "both", 0.58, 0.7, true],
  ["IDN", "Indonesia", "印度尼西亚", "both", 0.52, -0.2, false],
  ["IND", "India", "印度", "both", 0.4, -0.1, true],
  ["IRL", "Ireland", "爱尔兰", "both", 1.02, -1.3, true],
  ["ITA", "Italy", "意大利", "both", 0.95, 0.7, true],
  ["JPN", "Japan", "日本", "both", 0.8, 1.2, true],
  ["KOR", "Korea", "韩国", "both", 0.6, 1.9, true],
  ["LTU", "Lithuania", "立陶宛", "both", 0.5, -0.2, false],
  ["LUX", "Luxembourg", "卢森堡", "both", 1.1, -1.0, false],
  ["LVA", "Latvia", "拉脱维亚", "both", 0.47, -0.3, false],
  ["MEX", "Mexico", "墨西哥", "both", 0.72, 0.4, true],
  ["NLD", "Netherlands", "荷兰", "both", 0.95, 0.0, false],
  ["NOR", "Norway", "挪威", "both", 1.05, -1.3, true],
  ["POL", "Poland", "波兰", "both", 0.52, 0.3, true],
  ["PRT", "Portugal", "葡萄牙", "both", 0.72, 0.0, false],
  ["ROU", "Romania", "罗马尼亚", "both", 0.45, 0.0, false],
  ["RUS", "Russia", "俄罗斯", "both", 0.55, -1.0, false],
  ["SVK", "Slovakia", "斯洛伐克", "both", 0.5, 1.6, true],
  ["SVN", "Slovenia", "斯洛文尼亚", "both", 0.64, 0.8, false],
  ["SWE", "Sweden", "瑞典", "both", 0.86, 0.6, true],
  ["TUR", "Turkey", "土耳其", "both", 0.68, 0.0, true],
  ["TWN", "Taiwan, China", "中国台湾", "both", 0.74, 1.0, false],
  ["CYP", "Cyprus", "塞浦路斯", "wiod-only", 0.8, 0.0, true],
  ["MLT", "Malta", "马耳他", "wiod-only", 0.75, 0.0, false],
  ["ARG", "Argentina", "阿根廷", "ifr-only", 0.7, -0.4, true],
  ["CHL", "Chile", "智利", "ifr-only", 0.66, -0.6, true],
  ["COL", "Colombia", "哥伦比亚", "ifr-only", 0.55, -0.5, false],
  ["PER", "Peru", "秘鲁", "ifr-only", 0.45, -0.7, false],
  ["ZAF", "South Africa", "南非", "ifr-only", 0.6, 0.0, true],
  ["EGY", "Egypt", "埃及", "ifr-only", 0.5, -0.8, true],
  ["MAR", "Morocco", "摩洛哥", "ifr-only", 0.45, -0.4, false],
  ["THA", "Thailand", "泰国", "ifr-only", 0.45, 0.9, true],
  ["MYS", "Malaysia", "马来西亚", "ifr-only", 0.6, 0.4, true],
  ["PHL", "Philippines", "菲律宾", "ifr-only", 0.4, -0.3, true],
  ["VNM", "Viet Nam", "越南", "ifr-only", 0.3, 0.5, true],
  ["SGP", "Singapore", "新加坡", "ifr-only", 0.88, 1.2, true],
  ["ISR", "Israel", "以色列", "ifr-only", 0.86, -0.2, true],
  ["NZL", "New Zealand", "新西兰", "ifr-only", 0.76, -0.4, false],
  ["SAU", "Saudi Arabia", "沙特阿拉伯", "ifr-only", 0.95, -1.4, false],
  ["PAK", "Pakistan", "巴基斯坦", "ifr-only", 0.4, -1.0, false],
  ["KAZ", "Kazakhstan", "哈萨克斯坦", "ifr-only", 0.5, -1.2, false],
  ["UKR", "Ukraine", "乌克兰", "ifr-only", 0.4, -0.8, false],
  ["IRN", "Iran", "伊朗", "ifr-only", 0.55, -0.6, false],
];

/** Every economy the generator knows, in a fixed order. */
export const ECONOMIES: readonly EconomyInfo[] = ROWS.map(
  ([iso3, en, zh, coverage, tfp, robotTilt, tiny]) => ({
    iso3,
    en,
    zh,
    coverage,
    tfp,
    robotTilt,
    tiny,
  }),
);
