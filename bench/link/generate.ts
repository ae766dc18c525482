/**
 * A synthetic firm-name linkage benchmark shaped like real Chinese administrative data: a firm list
 * with former names and confusable pairs (one brand character apart, same city), and records that
 * spell the listed firms in the variants of the visible sample (legal form, place leading /
 * bracketed / with 省市 / dropped, width and spaces, 集团, traditional characters, homophone
 * typos, former names), plus records of firms not in the list, many one character from a listed
 * firm. Deterministic given the seed.
 */
import { distance } from "fastest-levenshtein";
import * as OpenCC from "opencc-js";
import { pinyinChar } from "../../src/link/char-maps.js";
import type { Rng } from "../../src/synth/rng.js";
import { streamRng } from "../../src/synth/rng.js";
import {
  BRAND_CHARS,
  CITY_PROVINCE,
  COMMON_CHARS,
  FORMS,
  GROUP_FORMS,
  LATIN,
  ROADS,
  TRADES,
} from "./vocabulary.js";

/** Kinds of record variants with their shares among records of listed firms (as in the sample). */
export const VARIANT_SHARES: readonly (readonly [string, number])[] = [
  ["exact", 558],
  ["form", 266],
  ["width_space", 259],
  ["place_dropped", 237],
  ["place_suffix", 216],
  ["place_moved", 215],
  ["group", 134],
  ["traditional", 123],
  ["typo", 117],
  ["former", 97],
];

/** A generated firm, in parts so that variants can be spelled. */
interface FirmParts {
  readonly city: string;
  readonly province: string;
  readonly brand: string;
  readonly trade: string;
  readonly form: string;
  /** 0: city leads; 1: province leads; 2: city bracketed after the trade. */
  readonly style: number;
  readonly address: string;
}

/** The benchmark as CSV texts. */
export interface LinkBenchmark {
  readonly firms: string;
  readonly records: string;
  readonly truth: string;
}

/** Sizes of a benchmark. */
export interface BenchmarkSize {
  readonly firms: number;
  readonly records: number;
  /** Records of firms not in the list. */
  readonly outside: number;
  readonly seed: number;
}

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)] as T;
const BRAND = [...new Set(BRAND_CHARS)];
const HOMOPHONES = new Map<string, string[]>();
for (const ch of new Set(COMMON_CHARS.replace(/\s/g, ""))) {
  const key = pinyinChar(ch);
  HOMOPHONES.set(key, [...(HOMOPHONES.get(key) ?? []), ch]);
}

function spell(f: FirmParts, style = f.style, form = f.form): string {
  if (style === 0) return `${f.city}${f.brand}${f.trade}${form}`;
  if (style === 1) return `${f.province === f.city ? f.city : f.province}${f.brand}${f.trade}${form}`;
  return `${f.brand}${f.trade}（${f.city}）${form}`;
}

function newBrand(rng: Rng): string {
  const n = rng.next() < 0.5 ? 2 : 3;
  let b = "";
  for (let i = 0; i < n; i++) b += pick(rng, BRAND);
  if (rng.next() < 0.2) {
    const at = 1 + rng.int(b.length - 1);
    b = b.slice(0, at) + pick(rng, LATIN) + b.slice(at);
  }
  return b;
}

function newFirm(rng: Rng): FirmParts {
  const [city, province] = pick(rng, CITY_PROVINCE);
  return {
    city,
    province,
    brand: newBrand(rng),
    trade: pick(rng, TRADES),
    form: pick(rng, FORMS),
    style: rng.int(3),
    address: `${city}市${pick(rng, ROADS)}${1 + rng.int(999)}号`,
  };
}

/** The brand with one Han character replaced by a brand character of another sound. */
function oneCharAway(rng: Rng, brand: string): string {
  const chars = [...brand];
  const han = chars.map((c, i) => (/\p{Script=Han}/u.test(c) ? i : -1)).filter((i) => i >= 0);
  const at = pick(rng, han);
  const old = chars[at] as string;
  for (;;) {
    const c = pick(rng, BRAND);
    if (c !== old && pinyinChar(c) !== pinyinChar(old)) {
      chars[at] = c;
      break;
    }
  }
  const out = chars.join("");
  if (distance(out, brand) !== 1) throw new Error(`generator bug: ${out} is not one character from ${brand}`);
  return out;
}

/** One character of the brand or trade replaced by a homophone (undefined when none has one). */
function homophoneTypo(rng: Rng, text: string): string | undefined {
  const chars = [...text];
  const options = chars
    .map((c, i) => ({ i, alts: (HOMOPHONES.get(pinyinChar(c)) ?? []).filter((a) => a !== c) }))
    .filter((o) => o.alts.length > 0);
  if (options.length === 0) return undefined;
  const o = pick(rng, options);
  chars[o.i] = pick(rng, o.alts);
  return chars.join("");
}

function traditional(rng: Rng, name: string): string {
  const chars = [...name];
  const convertible = chars.map((c, i) => (toTraditional(c) !== c ? i : -1)).filter((i) => i >= 0);
  if (convertible.length === 0) return name;
  const n = 1 + rng.int(Math.min(3, convertible.length));
  for (let k = 0; k < n; k++) {
    const i = pick(rng, convertible);
    chars[i] = toTraditional(chars[i] as string);
  }
  return chars.join("");
}

const FULL_WIDTH = (s: string) => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A record name for firm `f` in variant `kind` (former uses `formerParts`). */
function variant(rng: Rng, kind: string, f: FirmParts): string {
  switch (kind) {
    case "form":
      return spell(
        f,
        f.style,
        pick(
          rng,
          FORMS.filter((x) => x !== f.form),
        ),
      );
    case "group":
      return spell(f, f.style, pick(rng, GROUP_FORMS));
    case "width_space": {
      const name = rng.next() < 0.5 ? FULL_WIDTH(spell(f)) : spell(f);
      const chars = [...name];
      const at = 1 + rng.int(chars.length - 1);
      return [...chars.slice(0, at), rng.next() < 0.3 ? "\u3000" : " ", ...chars.slice(at)].join("");
    }
    case "place_dropped":
      return `${f.brand}${f.trade}${f.form}`;
    case "place_suffix":
      return rng.next() < 0.5 || f.province === f.city
        ? `${f.city}市${f.brand}${f.trade}${f.form}`
        : `${f.province}省${f.city}市${f.brand}${f.trade}${f.form}`;
    case "place_moved":
      return spell(f, f.style === 2 ? 0 : 2);
    case "traditional":
      return traditional(rng, spell(f));
    case "typo": {
      const brand = homophoneTypo(rng, f.brand);
      return brand ? spell({ ...f, brand }) : spell({ ...f, trade: homophoneTypo(rng, f.trade) ?? f.trade });
    }
    default:
      return spell(f);
  }
}

function csvLine(fields: readonly (string | number)[]): string {
  return `${fields.map((x) => String(x)).join(",")}\n`;
}

/**
 * Generate a benchmark of the given size.
 * @example const b = generateLinkBenchmark({ firms: 22000, records: 34000, outside: 4900, seed: 1 });
 */
export function generateLinkBenchmark(size: BenchmarkSize): LinkBenchmark {
  const rng = streamRng(size.seed, "link-benchmark");
  const firms: FirmParts[] = [];
  const former: (FirmParts | null)[] = [];
  const names = new Set<string>();
  const cores = new Set<string>();
  const add = (f: FirmParts, formerParts: FirmParts | null): boolean => {
    const name = spell(f);
    const core = `${f.city}|${f.brand}${f.trade}`;
    if (names.has(name) || cores.has(core)) return false;
    names.add(name);
    cores.add(core);
    firms.push(f);
    former.push(formerParts);
    return true;
  };
  while (firms.length < size.firms) {
    const r = rng.next();
    if (r < 0.15 && firms.length > 0) {
      // A confusable partner: one brand character from a listed firm, same city and trade.
      const base = firms[rng.int(firms.length)] as FirmParts;
      add(
        {
          ...newFirm(rng),
          city: base.city,
          province: base.province,
          trade: base.trade,
          brand: oneCharAway(rng, base.brand),
        },
        null,
      );
    } else if (r < 0.2 && firms.length > 0) {
      // The same brand and trade registered in another city.
      const base = firms[rng.int(firms.length)] as FirmParts;
      add({ ...newFirm(rng), brand: base.brand, trade: base.trade }, null);
    } else {
      const f = newFirm(rng);
      add(
        f,
        rng.next() < 0.075 ? { ...newFirm(rng), city: f.city, province: f.province, style: f.style } : null,
      );
    }
  }
  const outsiders: FirmParts[] = [];
  while (outsiders.length < size.outside) {
    const base = firms[rng.int(firms.length)] as FirmParts;
    const f =
      rng.next() < 0.6
        ? {
            ...base,
            brand: oneCharAway(rng, base.brand),
            address: `${base.city}市${pick(rng, ROADS)}${1 + rng.int(999)}号`,
          }
        : newFirm(rng);
    const core = `${f.city}|${f.brand}${f.trade}`;
    if (!cores.has(core)) outsiders.push(f);
  }
  const ids = firms.map((_, i) => `F${String(i).padStart(7, "0")}`);
  let firmCsv = csvLine(["firm_id", "name", "city", "address", "former_names"]);
  firms.forEach((f, i) => {
    const fm = former[i];
    firmCsv += csvLine([ids[i] as string, spell(f), f.city, f.address, fm ? spell(fm) : ""]);
  });
  const total = VARIANT_SHARES.reduce((a, [, n]) => a + n, 0);
  const drawKind = () => {
    let u = rng.next() * total;
    for (const [k, n] of VARIANT_SHARES) {
      u -= n;
      if (u < 0) return k;
    }
    return "exact";
  };
  const renamed = former.flatMap((f, i) => (f ? [i] : []));
  const rows: string[] = [];
  const truth: string[] = [];
  for (let j = 0; j < size.records; j++) {
    const outside = j < size.outside;
    let kind = drawKind();
    let firmIndex = -1;
    let parts: FirmParts;
    if (outside) parts = outsiders[j] as FirmParts;
    else if (kind === "former" && renamed.length > 0) {
      firmIndex = renamed[rng.int(renamed.length)] as number;
      parts = former[firmIndex] as FirmParts;
    } else {
      if (kind === "former") kind = "exact";
      firmIndex = rng.int(firms.length);
      parts = firms[firmIndex] as FirmParts;
    }
    const name = variant(rng, outside ? (kind === "former" ? "exact" : kind) : kind, parts);
    const city = rng.next() < 0.08 ? "" : parts.city;
    const address =
      rng.next() < 0.5 ? "" : firmIndex >= 0 ? (firms[firmIndex] as FirmParts).address : parts.address;
    rows.push(csvLine(["", name, city, address, 2000 + rng.int(14)]));
    truth.push(outside ? "none" : kind);
    truth.push(firmIndex >= 0 ? (ids[firmIndex] as string) : "");
  }
  // Shuffle records so that outsiders are not first, then number them.
  const order = Array.from({ length: size.records }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const k = rng.int(i + 1);
    [order[i], order[k]] = [order[k] as number, order[i] as number];
  }
  let recCsv = csvLine(["record_id", "name", "city", "address", "year"]);
  let truthCsv = csvLine(["record_id", "firm_id", "kind"]);
  order.forEach((j, n) => {
    const id = `R${String(n).padStart(8, "0")}`;
    recCsv += id + (rows[j] as string);
    truthCsv += csvLine([id, truth[2 * j + 1] as string, truth[2 * j] as string]);
  });
  return { firms: firmCsv, records: recCsv, truth: truthCsv };
}
