/**
 * The study's settings that a user may change: the keywords that identify upstream firms, the HS
 * codes of robots and of robot parts, the processing-trade modes, ownership classes and exchange
 * rates. The defaults are the paper's.
 */
import { CNY_PER_USD } from "./exchange-rates.js";

/** Settings of study A's pipeline. */
export interface UpstreamConfig {
  /** Business-scope keywords of upstream component makers (经营范围 关键词). */
  readonly keywords: readonly string[];
  /** Words that mark manufacturing (a keyword clause without one is not a maker). */
  readonly makingWords: readonly string[];
  /** Words that mark trade (a keyword clause with only these is wholesale/retail). */
  readonly tradeWords: readonly string[];
  /** HS8 codes of industrial robots. */
  readonly robotCodes: readonly string[];
  /** HS8 codes of robot parts: reducers, servo motors, controllers, sensors. */
  readonly partCodes: readonly string[];
  /** Trade modes (贸易方式) counted as processing trade. */
  readonly processingModes: readonly string[];
  /** Trade modes counted as ordinary trade (for the domestic value-added ratio). */
  readonly ordinaryModes: readonly string[];
  /** Processing trade modes whose imports are capital goods, left out of the DVAR's imported inputs. */
  readonly equipmentModes: readonly string[];
  /** Words of a declared firm name that mark a trade intermediary (UWZ 2013 adjustment of the DVAR). */
  readonly intermediaryWords: readonly string[];
  /** ASIE registration-type codes (登记注册类型) of state-owned firms. */
  readonly stateOwnedTypes: readonly string[];
  /** Leading digits of the registration-type codes of foreign (incl. HK/Macao/Taiwan) firms. */
  readonly foreignTypePrefixes: readonly string[];
  /** Values of the customs `flow` column that mean import and export. */
  readonly importFlows: readonly string[];
  readonly exportFlows: readonly string[];
  /** Patent types (专利类型) that count as inventions (发明). */
  readonly inventionTypes: readonly string[];
  /** Yuan per US dollar by year. */
  readonly cnyPerUsd: Readonly<Record<number, number>>;
  /** First and last year of the sample. */
  readonly years: readonly [number, number];
}

/** The paper's settings. */
export const DEFAULT_CONFIG: UpstreamConfig = Object.freeze({
  keywords: ["精密减速器", "伺服系统", "控制系统", "传感器", "末端执行器"],
  makingWords: ["制造", "生产", "加工", "研发"],
  tradeWords: ["批发", "零售", "销售"],
  robotCodes: [
    "84795090",
    "84795010",
    "84248920",
    "84289040",
    "84864031",
    "85152120",
    "85153120",
    "85158010",
  ],
  partCodes: ["84834010", "84834090", "85015100", "85015200", "85371011", "85371019", "90318090", "90328990"],
  processingModes: ["来料加工装配进口的设备", "来料加工装配贸易", "进料加工贸易"],
  ordinaryModes: ["一般贸易"],
  equipmentModes: ["来料加工装配进口的设备"],
  intermediaryWords: ["进出口", "经贸", "贸易", "科贸", "外贸", "外经"],
  stateOwnedTypes: ["110", "141", "143", "151"],
  foreignTypePrefixes: ["2", "3"],
  importFlows: ["进口", "import", "imports", "I", "M"],
  exportFlows: ["出口", "export", "exports", "E", "X"],
  inventionTypes: ["发明", "发明专利", "invention", "1"],
  cnyPerUsd: CNY_PER_USD,
  years: [2000, 2013] as const,
});

/**
 * The defaults with some settings replaced; lists must be non-empty.
 * @example const cfg = resolveConfig({ keywords: ["减速器", "伺服电机"] });
 */
export function resolveConfig(overrides: Partial<UpstreamConfig> = {}): UpstreamConfig {
  const unknown = Object.keys(overrides).filter((k) => !Object.hasOwn(DEFAULT_CONFIG, k));
  if (unknown.length) {
    throw new Error(
      `upstream-innovation options: unknown setting(s) ${unknown.map((k) => `"${k}"`).join(", ")}; the settings are ${Object.keys(DEFAULT_CONFIG).join(", ")}`,
    );
  }
  const cfg: UpstreamConfig = { ...DEFAULT_CONFIG, ...overrides };
  const lists: (keyof UpstreamConfig)[] = ["keywords", "makingWords", "robotCodes", "partCodes"];
  for (const key of lists) {
    const v = cfg[key];
    if (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== "string" || s === "")) {
      throw new Error(`upstream-innovation options: "${key}" must be a non-empty list of non-empty texts`);
    }
  }
  const [first, last] = cfg.years;
  if (!Number.isInteger(first) || !Number.isInteger(last) || first > last) {
    throw new Error(
      `upstream-innovation options: "years" must be [first, last] whole years, got ${cfg.years}`,
    );
  }
  return cfg;
}
