/**
 * Industries of the synthetic economy: 4-digit CIC industries of the ASIE firms (with their matched
 * NAICS industry for NBER-CES), and the IFR industries of the US robot data and the instrument.
 */

/** Role of a CIC industry in the synthetic economy. */
export type IndustryGroup = "upstream" | "downstream" | "other";

/** A 4-digit CIC industry. */
export interface CicIndustry {
  readonly cic4: string;
  readonly name: string;
  readonly group: IndustryGroup;
  /**
   * The NAICS industry hand-matched to it for NBER-CES, or null where no NAICS industry's content
   * matches (the paper matched "根据 NAICS 行业代码的具体内容…手工"): its firms have no technology gap.
   */
  readonly naics: string | null;
}

/** CIC industries: upstream component makers, robot-using downstream industries, unrelated ones. */
export const CIC_INDUSTRIES: readonly CicIndustry[] = [
  { cic4: "3452", name: "齿轮、传动和驱动部件制造", group: "upstream", naics: "333612" },
  { cic4: "3912", name: "电动机制造", group: "upstream", naics: "335312" },
  { cic4: "3919", name: "微电机及其他电机制造", group: "upstream", naics: "335314" },
  { cic4: "4111", name: "工业自动控制系统装置制造", group: "upstream", naics: "334513" },
  { cic4: "4119", name: "供应用仪表及其他通用仪器制造", group: "upstream", naics: "334519" },
  // A residual class (other special-purpose equipment) with no NAICS counterpart: about a sixth of the
  // makers' firm-years have no gap, as the paper's Table 3 (4)–(5) cover ≈ 82% of its baseline.
  { cic4: "3599", name: "其他专用设备制造", group: "upstream", naics: null },
  { cic4: "3721", name: "汽车整车制造", group: "downstream", naics: "336111" },
  { cic4: "3725", name: "汽车零部件及配件制造", group: "downstream", naics: "336390" },
  { cic4: "4061", name: "电子元件及组件制造", group: "downstream", naics: "334418" },
  { cic4: "4041", name: "电子计算机整机制造", group: "downstream", naics: "334111" },
  { cic4: "3951", name: "家用制冷电器具制造", group: "downstream", naics: "335222" },
  { cic4: "3940", name: "电池制造", group: "downstream", naics: "335911" },
  { cic4: "3411", name: "金属结构制造", group: "downstream", naics: "332312" },
  { cic4: "3512", name: "内燃机及配件制造", group: "downstream", naics: "333618" },
  { cic4: "3451", name: "轴承制造", group: "downstream", naics: "332991" },
  { cic4: "3060", name: "塑料零件制造", group: "downstream", naics: "326199" },
  { cic4: "3230", name: "钢压延加工", group: "downstream", naics: "331221" },
  { cic4: "4071", name: "家用影视设备制造", group: "downstream", naics: "334310" },
  { cic4: "1711", name: "棉、化纤纺纱加工", group: "other", naics: "313111" },
  { cic4: "1810", name: "纺织服装制造", group: "other", naics: "315220" },
  { cic4: "2110", name: "木质家具制造", group: "other", naics: "337122" },
  { cic4: "2221", name: "机制纸及纸板制造", group: "other", naics: "322121" },
  { cic4: "2311", name: "书、报刊印刷", group: "other", naics: "323111" },
  { cic4: "2614", name: "有机化学原料制造", group: "other", naics: "325199" },
  { cic4: "2710", name: "化学药品原药制造", group: "other", naics: "325411" },
  { cic4: "3111", name: "水泥制造", group: "other", naics: "327310" },
  { cic4: "1320", name: "饲料加工", group: "other", naics: "311119" },
  { cic4: "1520", name: "酒的制造", group: "other", naics: "312140" },
  { cic4: "1910", name: "皮革鞣制加工", group: "other", naics: "316110" },
  { cic4: "2411", name: "文具制造", group: "other", naics: "339940" },
  { cic4: "4211", name: "雕塑工艺品制造", group: "other", naics: "339999" },
  { cic4: "3130", name: "砖瓦、石材及其他建筑材料制造", group: "other", naics: "327120" },
];

/** An IFR industry of the US robot data, with US employment in 2000 and the robot stock path. */
export interface IfrIndustry {
  readonly code: string;
  readonly name: string;
  /** US employment in 2000, thousand persons. */
  readonly usEmployment2000: number;
  /** US operational robot stock in 2000 and 2013 (units). */
  readonly stock2000: number;
  readonly stock2013: number;
}

/** IFR manufacturing industries (orders of magnitude of the US figures). */
export const IFR_INDUSTRIES: readonly IfrIndustry[] = [
  { code: "10-12", name: "food and beverages", usEmployment2000: 1550, stock2000: 1500, stock2013: 13500 },
  { code: "13-15", name: "textiles", usEmployment2000: 1050, stock2000: 300, stock2013: 675 },
  { code: "16", name: "wood and furniture", usEmployment2000: 1200, stock2000: 400, stock2013: 1050 },
  { code: "17-18", name: "paper and printing", usEmployment2000: 1400, stock2000: 500, stock2013: 975 },
  {
    code: "19-22",
    name: "plastic and chemical products",
    usEmployment2000: 1900,
    stock2000: 8000,
    stock2013: 42000,
  },
  { code: "23", name: "glass, ceramics, minerals", usEmployment2000: 550, stock2000: 900, stock2013: 4050 },
  { code: "24-25", name: "metal", usEmployment2000: 2300, stock2000: 8500, stock2013: 22500 },
  {
    code: "26-27",
    name: "electrical and electronics",
    usEmployment2000: 2200,
    stock2000: 10000,
    stock2013: 63000,
  },
  { code: "28", name: "industrial machinery", usEmployment2000: 1450, stock2000: 3000, stock2013: 7500 },
  { code: "29", name: "automotive", usEmployment2000: 1300, stock2000: 48000, stock2013: 120000 },
  { code: "30", name: "other vehicles", usEmployment2000: 750, stock2000: 1200, stock2013: 6300 },
  { code: "91", name: "other manufacturing", usEmployment2000: 700, stock2000: 700, stock2013: 1800 },
];
