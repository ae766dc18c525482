/**
 * Normalising firms (current and former names) and records into the flat columns the SQL
 * blocking and comparison steps use.
 */
import { pinyinKey } from "./char-maps.js";
import { parseFormerNames } from "./former-names.js";
import { cleanName, normalizeName, type PlaceSet } from "./normalize-name.js";
import { placeShortForm } from "./places.js";

/** One name of a firm (current or former), or of a record. */
export interface NameColumns {
  /** Index of the owner (firm or record). */
  readonly owner: number[];
  readonly former: number[];
  /** Last year a former name was used (NaN: unknown or current). */
  readonly until: number[];
  readonly clean: string[];
  readonly core: string[];
  readonly pinyin: string[];
  readonly form: string[];
}

/** Per-entity columns: city (short form, "" unknown) and cleaned address. */
export interface EntityColumns {
  readonly city: string[];
  readonly address: string[];
}

function emptyNames(): NameColumns {
  return { owner: [], former: [], until: [], clean: [], core: [], pinyin: [], form: [] };
}

function pushName(
  out: NameColumns,
  owner: number,
  raw: string,
  former: boolean,
  until: number | null,
  places: PlaceSet,
): string {
  const n = normalizeName(raw, places);
  out.owner.push(owner);
  out.former.push(former ? 1 : 0);
  out.until.push(until ?? Number.NaN);
  out.clean.push(n.clean);
  out.core.push(n.core);
  out.pinyin.push(pinyinKey(n.core));
  out.form.push(n.form);
  return n.place;
}

/** The city of an entity: its city column, else the city its name names, else its address's. */
function cityOf(city: string | null, namePlace: string, address: string, places: PlaceSet): string {
  const given = city ? placeShortForm(cleanName(city)) : "";
  if (given) return given;
  if (namePlace) return namePlace;
  for (let n = Math.min(places.maxLength, address.length); n >= 2; n--) {
    const head = address.slice(0, n);
    if (places.cities.has(head)) return head;
  }
  return "";
}

/**
 * Normalise the names, cities and addresses of entities (firms when `formerNames` is given).
 * @example const { names, entities } = prepareEntities(["南京甲科技有限公司"], ["南京"], [""], null, places);
 */
export function prepareEntities(
  name: readonly (string | null)[],
  city: readonly (string | null)[],
  address: readonly (string | null)[],
  formerNames: readonly (string | null)[] | null,
  places: PlaceSet,
): { names: NameColumns; entities: EntityColumns } {
  const names = emptyNames();
  const entities: EntityColumns = { city: [], address: [] };
  for (let i = 0; i < name.length; i++) {
    const place = pushName(names, i, name[i] ?? "", false, null, places);
    const addr = address[i] ? cleanName(address[i] as string) : "";
    entities.address.push(addr);
    entities.city.push(cityOf(city[i], place, addr, places));
    if (formerNames) {
      for (const f of parseFormerNames(formerNames[i])) pushName(names, i, f.name, true, f.until, places);
    }
  }
  return { names, entities };
}
