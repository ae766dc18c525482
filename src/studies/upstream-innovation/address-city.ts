/**
 * Finding the city of an address (or of a customs city field): a leading province name is skipped
 * (except the four municipalities, which are cities), then the earliest — and at one position the
 * longest — city name of the city statistics found in the text gives the city.
 */
import { PROVINCE_NAMES, shortPlaceName } from "./place-names.js";

/** Lookup of cities by name. */
export interface CityLookup {
  /** Short city name → city code. */
  readonly byShort: ReadonlyMap<string, string>;
  /** Short names by their first character, longest first. */
  readonly byFirstChar: ReadonlyMap<string, readonly string[]>;
}

const MUNICIPALITIES = new Set(["北京市", "天津市", "上海市", "重庆市"]);
const PROVINCES = PROVINCE_NAMES.filter((p) => !MUNICIPALITIES.has(p)).sort((a, b) => b.length - a.length);

/**
 * A lookup from the city statistics' codes and names.
 * @example const lookup = cityLookup([{ code: "3205", name: "苏州市" }]);
 */
export function cityLookup(cities: readonly { readonly code: string; readonly name: string }[]): CityLookup {
  const byShort = new Map<string, string>();
  for (const c of cities) {
    const short = shortPlaceName(c.name);
    const prev = byShort.get(short);
    if (prev !== undefined && prev !== c.code) {
      throw new Error(
        `city_stats: the city name "${c.name}" is used by two city codes (${prev} and ${c.code}); give each city one code`,
      );
    }
    byShort.set(short, c.code);
  }
  const byFirstChar = new Map<string, string[]>();
  for (const short of byShort.keys()) {
    const list = byFirstChar.get(short[0]) ?? [];
    list.push(short);
    byFirstChar.set(short[0], list);
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return { byShort, byFirstChar };
}

/**
 * The code of the first city named in `text`, or null.
 * @example cityOfText("江苏省苏州市工业园区星湖街328号", lookup); // "3205"
 */
export function cityOfText(text: string | null, lookup: CityLookup): string | null {
  if (!text) return null;
  let s = text.normalize("NFKC").replace(/\s+/g, "");
  for (const p of PROVINCES) {
    if (s.startsWith(p)) {
      s = s.slice(p.length);
      break;
    }
  }
  for (let pos = 0; pos < s.length; pos++) {
    const candidates = lookup.byFirstChar.get(s[pos]);
    if (!candidates) continue;
    for (const name of candidates) if (s.startsWith(name, pos)) return lookup.byShort.get(name) as string;
  }
  return null;
}
