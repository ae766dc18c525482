/**
 * The noise real sources write into firm names, for the patent and customs rows of the twin:
 * former names (曾用名: a share of firms renamed in the panel years; rows before the rename spell
 * the old name, which the registry lists), homophone typos (patent applicant names), traditional
 * characters (Hong Kong and Taiwan invested firms). The noise draws from its own stream, so the
 * caller's other draws (values, codes) are unchanged.
 */
import * as OpenCC from "opencc-js";
import { pinyinChar } from "../../../link/char-maps.js";
import type { Rng } from "../../../synth/rng.js";
import { BRAND_CHARS, DESCRIPTORS, type FirmName, nameVariant, render } from "./firm-names.js";
import type { City } from "./geography.js";

/** A firm's former name and the last year it was used. */
export interface Rename {
  readonly formerName: string;
  readonly until: number;
}

/** Shares of noisy rows by source: traditional characters, homophone typos. */
export interface NoiseRates {
  readonly traditional: number;
  readonly typo: number;
}

/** Patent applicant names: typos are common; customs declarations: traditional characters. */
export const PATENT_NOISE: NoiseRates = { traditional: 0.02, typo: 0.03 };
export const CUSTOMS_NOISE: NoiseRates = { traditional: 0.03, typo: 0 };

/** Share of firms renamed, and the years a rename takes effect (the former name is used until the year before). */
const RENAMED_SHARE = 0.06;
const RENAME_YEARS = [2003, 2011] as const;

const toTraditional = OpenCC.Converter({ from: "cn", to: "hk" });
const DESCRIPTOR_LIST = Object.values(DESCRIPTORS)
  .flat()
  .sort((a, b) => b.length - a.length);

/** Characters by toneless pinyin, from the brand characters and common homophones of them. */
const HOMOPHONE_POOL =
  `${BRAND_CHARS.join("")}圆元原园顶定丁可克客胜圣生升声远院愿宝保报豹合何河兴星行形型详想瑞蕊风峰锋封辰臣陈
  华化话花画汇会惠慧辉挥徽恒衡横新心欣馨鑫信芯时实世士石达大打斯思司丝顿敦盾拓托驼英鹰迎赢营威维伟卫为腾藤誉德得鼎顶博波柏搏
  盛胜圣宏洪红虹鸿隆龙泰太态昌长常畅凯开楷宇雨语羽玉晨城成诚承光广创窗力立利丽智志致至之联连廉莲邦帮诺挪迈麦捷杰洁节通同桐
  讯迅逊睿锐航杭行飞菲非凤丰枫祥翔和禾荷美梅每佳家嘉加源原圆润闰振镇震永勇康抗伟位亚雅压欧鸥越跃月峰锋特普浦朴罗洛赛塞维微
  诚程聚巨合贝倍卡铭明名鸣泓红翔骏俊麟林临晟胜昊浩颢阳扬洋煜宇璟景钧军均铂博锦金进逸义易哲折朗浪梵凡帆澜兰蓝`.replace(
    /\s/g,
    "",
  );
const HOMOPHONES = new Map<string, string[]>();
for (const ch of new Set(HOMOPHONE_POOL)) {
  const key = pinyinChar(ch);
  HOMOPHONES.set(key, [...(HOMOPHONES.get(key) ?? []), ch]);
}

/** A 32-bit hash of a text and a salt, as a uniform on [0, 1) (FNV-1a, then murmur3's finaliser). */
function unit(text: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

function brandOf(core: string): { brand: string; descriptor: string } {
  const descriptor = DESCRIPTOR_LIST.find((d) => core.endsWith(d) && core.length > d.length) ?? "";
  return { brand: core.slice(0, core.length - descriptor.length), descriptor };
}

/**
 * The firm's rename, if it was renamed: a function of its name alone (the former brand has three
 * characters, so it hardly ever equals a current core).
 * @example renameOf(firm.name, city); // { formerName: "苏州锐晟鼎传动科技有限公司", until: 2006 } or undefined
 */
export function renameOf(n: FirmName, city: City): Rename | undefined {
  if (unit(n.core, 1) >= RENAMED_SHARE) return undefined;
  const { descriptor } = brandOf(n.core);
  let brand = "";
  for (let k = 0; k < 3; k++) brand += BRAND_CHARS[Math.floor(unit(n.core, 10 + k) * BRAND_CHARS.length)];
  const span = RENAME_YEARS[1] - RENAME_YEARS[0] + 1;
  const until = RENAME_YEARS[0] + Math.floor(unit(n.core, 2) * span) - 1;
  return { formerName: render(brand + descriptor, n.legalForm, n.placeStyle, city, false), until };
}

/** One brand character replaced by a homophone (the name unchanged when none has one). */
function homophoneTypo(noise: Rng, name: string, core: string): string {
  const { brand } = brandOf(core);
  const at = name.indexOf(brand);
  if (at < 0) return name;
  const k = noise.int(brand.length);
  const others = (HOMOPHONES.get(pinyinChar(brand[k])) ?? []).filter((c) => c !== brand[k]);
  if (!others.length) return name;
  const swapped = brand.slice(0, k) + others[noise.int(others.length)] + brand.slice(k + 1);
  return name.slice(0, at) + swapped + name.slice(at + brand.length);
}

/**
 * A firm's name as a source row of `year` spells it: its former name before a rename, otherwise a
 * variant ({@link nameVariant}, drawn from `rng` exactly as before), then, from the `noise` stream,
 * traditional characters or a homophone typo at the given rates.
 * @example sourceName(rng, noise, firm.name, city, 0.3, 2005, CUSTOMS_NOISE);
 */
export function sourceName(
  rng: Rng,
  noise: Rng,
  n: FirmName,
  city: City,
  pVariant: number,
  year: number,
  rates: NoiseRates,
): string {
  const variant = nameVariant(rng, n, city, pVariant);
  const rename = renameOf(n, city);
  const name = rename && year <= rename.until ? rename.formerName : variant;
  const u = noise.next();
  if (u < rates.traditional) return toTraditional(name);
  if (u < rates.traditional + rates.typo) return homophoneTypo(noise, name, n.core);
  return name;
}
