/**
 * Place names for cleaning firm names and reading addresses: the province-level units of China
 * (built in) and the cities of the user's city statistics.
 */

/** Province-level units, full names. */
export const PROVINCE_NAMES: readonly string[] = [
  "北京市",
  "天津市",
  "上海市",
  "重庆市",
  "河北省",
  "山西省",
  "内蒙古自治区",
  "辽宁省",
  "吉林省",
  "黑龙江省",
  "江苏省",
  "浙江省",
  "安徽省",
  "福建省",
  "江西省",
  "山东省",
  "河南省",
  "湖北省",
  "湖南省",
  "广东省",
  "广西壮族自治区",
  "海南省",
  "四川省",
  "贵州省",
  "云南省",
  "西藏自治区",
  "陕西省",
  "甘肃省",
  "青海省",
  "宁夏回族自治区",
  "新疆维吾尔自治区",
  "香港特别行政区",
  "澳门特别行政区",
  "台湾省",
];

const SUFFIX = /(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|地区|省|市|盟)$/;

/**
 * A place name without its administrative suffix.
 * @example shortPlaceName("苏州市"); // "苏州"
 */
export function shortPlaceName(name: string): string {
  const s = name.trim().replace(SUFFIX, "");
  return s.length >= 2 ? s : name.trim();
}

/** The place names a firm name may start with, longest first, each with and without its suffix. */
export interface PlaceNames {
  /** Prefixes to strip from the start of names, longest first. */
  readonly prefixes: readonly string[];
}

/**
 * The prefixes to strip: every province and city name in full and short form.
 * @example const places = placeNames(["苏州市", "无锡市"]);
 */
export function placeNames(cityNames: readonly string[]): PlaceNames {
  const set = new Set<string>();
  for (const name of [...PROVINCE_NAMES, ...cityNames]) {
    const full = name.trim();
    if (!full) continue;
    set.add(full);
    const short = shortPlaceName(full);
    set.add(short);
    if (!full.endsWith("市") && !full.endsWith("省")) set.add(`${short}市`);
  }
  const prefixes = [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return { prefixes };
}
