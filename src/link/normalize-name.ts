/**
 * Normalising a Chinese firm name: the cleaned full name, its core (brand and trade, without
 * legal form and places) and its legal form.
 */
import { simplifiedChar } from "./char-maps.js";
import { stripLegalForms } from "./legal-forms.js";
import { PLACE_SUFFIXES, placeShortForm } from "./places.js";

/** A name taken apart. */
export interface NormalizedName {
  /** Half-width, upper-case, simplified, without spaces. */
  readonly clean: string;
  /** `clean` without legal forms, bracketed places and leading places. */
  readonly core: string;
  /** Labels of the legal forms, `+`-joined; "" when none. */
  readonly form: string;
  /** The first city (short form) the name leads with or brackets, or "". */
  readonly place: string;
}

/** The place names the normaliser strips, and which of them are cities. */
export interface PlaceSet {
  readonly places: ReadonlySet<string>;
  readonly cities: ReadonlySet<string>;
  readonly maxLength: number;
}

/**
 * A place set from province and city lists.
 * @example const p = placeSet(["浙江"], ["宁波"]);
 */
export function placeSet(provinces: Iterable<string>, cities: Iterable<string>): PlaceSet {
  const c = new Set<string>();
  for (const x of cities) if (x.length >= 2) c.add(x);
  const all = new Set<string>([...provinces, ...c]);
  let maxLength = 0;
  for (const x of all) maxLength = Math.max(maxLength, x.length);
  return { places: all, cities: c, maxLength };
}

const SPACE_OR_DOT = /[\s\u3000·・]/gu;
const BRACKETED = /[([【]([^()[\]【】]{1,12})[)\]】]/gu;

/**
 * Clean a name: NFKC (full-width letters, digits and brackets to half-width), no spaces, upper
 * case, traditional characters to simplified.
 * @example cleanName("绵阳ＫＴＲ傳動 有限公司") // => "绵阳KTR传动有限公司"
 */
export function cleanName(raw: string): string {
  const base = raw.normalize("NFKC").replace(SPACE_OR_DOT, "").toUpperCase();
  let out = "";
  for (const ch of base) out += ch.charCodeAt(0) < 128 ? ch : simplifiedChar(ch);
  return out;
}

/** The place at the start of `s` (longest match) and the length it spans with its suffix. */
function leadingPlace(s: string, set: PlaceSet): { place: string; length: number } | undefined {
  for (let n = Math.min(set.maxLength, s.length - 2); n >= 2; n--) {
    const head = s.slice(0, n);
    if (!set.places.has(head)) continue;
    let length = n;
    for (const suffix of PLACE_SUFFIXES) {
      if (s.startsWith(suffix, n)) {
        length += suffix.length;
        break;
      }
    }
    if (s.length - length >= 2) return { place: head, length };
  }
  return undefined;
}

/**
 * Take a firm name apart into clean name, core and legal form.
 * @example normalizeName("福建省福州市铭川ABB智能装备有限公司", placeSet(["福建"], ["福州"])).core // => "铭川ABB智能装备"
 */
export function normalizeName(raw: string, set: PlaceSet): NormalizedName {
  const clean = cleanName(raw);
  const { rest, form } = stripLegalForms(clean);
  let place = "";
  let core = rest.replace(BRACKETED, (whole, inner: string) => {
    const short = placeShortForm(inner);
    if (!set.places.has(short) && !set.places.has(inner)) return whole;
    if (!place && set.cities.has(short)) place = short;
    return "";
  });
  for (let lead = leadingPlace(core, set); lead; lead = leadingPlace(core, set)) {
    if (!place && set.cities.has(lead.place)) place = lead.place;
    core = core.slice(lead.length);
  }
  if (core.length < 2) core = rest;
  return { clean, core, form, place };
}
