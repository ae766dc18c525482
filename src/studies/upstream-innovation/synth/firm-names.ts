/**
 * Chinese firm names: a unique core (brand + trade descriptor), a legal form, an optional leading
 * place name or bracketed place, and the variants the same firm shows in other databases
 * (full-/half-width brackets and letters, another legal-form suffix, the place moved or dropped).
 */
import { pick } from "../../../synth/distributions.js";
import type { Rng } from "../../../synth/rng.js";
import type { City } from "./geography.js";

/** Characters brands are made of. */
export const BRAND_CHARS: readonly string[] = Array.from(
  "华恒汇川新时达埃斯顿拓英威腾瑞德信博锐鼎盛宏远鑫泰隆昌凯宇星晨光辉创力智众联邦诺迈捷通科讯睿航飞龙凤祥和美佳丰源润嘉禾振兴永康伟业宝利亚欧越峰奥特普罗赛思维捷诚聚合贝卡铭泓翔骏麟晟昊阳煜璟钧铂锦逸哲朗梵澜",
);

/** Trade descriptors by kind of firm. */
export const DESCRIPTORS = {
  upstream: [
    "精密传动",
    "传动科技",
    "伺服技术",
    "自动化",
    "电气",
    "传感技术",
    "机电",
    "智能装备",
    "控制技术",
    "精工",
    "减速机",
    "测控技术",
    "驱动技术",
    "运动控制",
  ],
  downstream: [
    "汽车零部件",
    "电子",
    "机械",
    "电器",
    "汽车",
    "五金制品",
    "塑胶制品",
    "金属制品",
    "光电",
    "动力机械",
    "精密制造",
    "电子科技",
  ],
  other: [
    "纺织",
    "服饰",
    "食品",
    "家具",
    "纸业",
    "印务",
    "化工",
    "药业",
    "建材",
    "酒业",
    "饲料",
    "皮革",
    "文具",
    "工艺品",
  ],
  trader: ["商贸", "贸易", "机电设备", "进出口", "科贸", "供应链", "工贸"],
  service: ["信息技术", "技术服务", "科技咨询", "工程技术", "智能科技"],
} as const;

/** The kind of firm a name is made for (selects the trade descriptor). */
export type NameKind = keyof typeof DESCRIPTORS;

const LEGAL_FORMS = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"] as const;

/** A firm's canonical registered name and its parts. */
export interface FirmName {
  /** The part every variant shares: brand + descriptor, e.g. 汇川传动科技. */
  readonly core: string;
  readonly legalForm: string;
  /** How the place appears: before the core (江苏/苏州/苏州市), in brackets after it, or not at all. */
  readonly placeStyle: "province" | "city" | "cityShi" | "bracket" | "none";
  /** The registered name. */
  readonly name: string;
}

/**
 * A generator of globally unique cores; brands never start with a place name (so that stripping
 * leading place names cannot eat into them).
 * @example const gen = new CoreNames(placeNames); gen.next(rng, "upstream");
 */
export class CoreNames {
  private readonly used = new Set<string>();
  /** First two characters of every place name: a brand starting with one of them is refused. */
  private readonly placeStarts: ReadonlySet<string>;

  constructor(placeNames: readonly string[]) {
    this.placeStarts = new Set(placeNames.map((p) => p.slice(0, 2)));
  }

  /** A new unique core for a firm of this kind. */
  next(rng: Rng, kind: NameKind): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const len = attempt < 50 && rng.next() < 0.7 ? 2 : 3;
      let brand = "";
      for (let i = 0; i < len; i++) brand += pick(rng, BRAND_CHARS);
      if (brand[0] === brand[1]) continue;
      if (this.placeStarts.has(brand.slice(0, 2))) continue;
      const core = brand + pick(rng, DESCRIPTORS[kind]);
      if (this.used.has(core)) continue;
      this.used.add(core);
      return core;
    }
    throw new Error("CoreNames: could not find an unused firm name; the name space is exhausted");
  }
}

/**
 * The canonical name of a firm in `city`.
 * @example makeName(rng, "汇川传动科技", city); // e.g. { name: "苏州汇川传动科技有限公司", … }
 */
export function makeName(rng: Rng, core: string, city: City): FirmName {
  const legalForm = pick(rng, LEGAL_FORMS);
  const u = rng.next();
  const placeStyle: FirmName["placeStyle"] =
    u < 0.3 ? "city" : u < 0.45 ? "cityShi" : u < 0.6 ? "province" : u < 0.7 ? "bracket" : "none";
  return { core, legalForm, placeStyle, name: render(core, legalForm, placeStyle, city, false) };
}

/**
 * A name from its parts: the core, the legal form, the place style and the city.
 * @example render("汇川传动科技", "有限公司", "city", city, false); // "苏州汇川传动科技有限公司"
 */
export function render(
  core: string,
  legalForm: string,
  style: FirmName["placeStyle"],
  city: City,
  halfWidth: boolean,
): string {
  const [open, close] = halfWidth ? ["(", ")"] : ["（", "）"];
  switch (style) {
    case "province":
      return `${city.provinceShort}${core}${legalForm}`;
    case "city":
      return `${city.short}${core}${legalForm}`;
    case "cityShi":
      return `${city.name}${core}${legalForm}`;
    case "bracket":
      return `${core}${open}${city.short}${close}${legalForm}`;
    case "none":
      return `${core}${legalForm}`;
  }
}

/**
 * A name as another database records it: mostly the registered name, otherwise a variant that
 * normalises to the same core (half-width brackets, full-width letters, the place moved, dropped or
 * given as the province, another legal form, a stray space).
 * @example nameVariant(rng, firm.name, city, 0.3);
 */
export function nameVariant(rng: Rng, n: FirmName, city: City, pVariant: number): string {
  if (rng.next() >= pVariant) return n.name;
  switch (rng.int(6)) {
    case 0:
      return render(n.core, n.legalForm, n.placeStyle === "bracket" ? "bracket" : "city", city, true);
    case 1:
      return render(n.core, n.legalForm, "bracket", city, rng.next() < 0.5);
    case 2:
      return render(n.core, n.legalForm, "none", city, false);
    case 3:
      return render(
        n.core,
        n.legalForm === "股份有限公司" ? "有限公司" : "股份有限公司",
        n.placeStyle,
        city,
        false,
      );
    case 4:
      return render(n.core, n.legalForm, "cityShi", city, false);
    default:
      return toFullWidth(`${n.name.slice(0, 2)} ${n.name.slice(2)}`);
  }
}

/**
 * ASCII letters, digits, brackets and spaces turned into their full-width forms.
 * @example toFullWidth("ABC(1)"); // "ＡＢＣ（１）"
 */
export function toFullWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c === 0x20) out += "\u3000";
    else if (c > 0x20 && c < 0x7f) out += String.fromCharCode(c + 0xfee0);
    else out += ch;
  }
  return out;
}

const SURNAMES = Array.from(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢",
);
const GIVEN = Array.from("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志文斌辉鹏飞宇浩");

/**
 * A person's name (individual patent applicants).
 * @example personName(rng); // e.g. "王建国"
 */
export function personName(rng: Rng): string {
  const n = rng.next() < 0.3 ? 1 : 2;
  let s = pick(rng, SURNAMES);
  for (let i = 0; i < n; i++) s += pick(rng, GIVEN);
  return s;
}

/**
 * A university or research institute in a city (patent applicants that are not firms).
 * @example institutionName(rng, city); // e.g. "苏州理工大学"
 */
export function institutionName(rng: Rng, city: City): string {
  const forms = ["大学", "理工大学", "科技大学", "工业大学", "职业技术学院"];
  if (rng.next() < 0.25)
    return `中国科学院${city.short}${pick(rng, ["自动化", "精密机械", "电子", "材料"])}研究所`;
  return `${rng.next() < 0.5 ? city.short : city.provinceShort}${pick(rng, forms)}`;
}
