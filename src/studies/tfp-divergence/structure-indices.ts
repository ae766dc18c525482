/**
 * The structure indices of the panel economies from the WIOD accounts: the Theil rationalisation
 * index TL (eq. 15) over the three broad sectors and the upgrading index TS (eq. 16, tertiary over
 * secondary value added), and each economy's most similar economy by each (Pearson correlation over
 * the years).
 */
import type { Frame } from "../../frame/frame.js";
import {
  type SimilarityMatch,
  similarityMatch,
  theilRationalization,
  upgradingIndex,
} from "../../measures/index.js";
import { cat, num } from "./frame-columns.js";
import { SECTORS } from "./sectors.js";
import { threeSectors } from "./three-sectors.js";

/** TL and TS matches of the panel economies. */
export interface StructureMatches {
  readonly tl: SimilarityMatch;
  readonly ts: SimilarityMatch;
}

/**
 * Compute TL and TS per economy-year from the `b_wiod` frame and match every economy.
 * @example const { tl, ts } = structureMatches(await toFrame(session, "SELECT * FROM b_wiod"));
 */
export function structureMatches(wiod: Frame): StructureMatches {
  const iso3 = cat(wiod, "iso3");
  const year = num(wiod, "year");
  const sector = cat(wiod, "sector");
  const classOf = new Map(SECTORS.map((s) => [s.code, s.cls]));
  const cls = Int32Array.from(sector.codes, (c) => (c < 0 ? -1 : (classOf.get(sector.levels[c]) ?? -1)));
  const broad = threeSectors(iso3.codes, year, cls, num(wiod, "va"), num(wiod, "emp"));
  const tl = theilRationalization(
    broad.va,
    broad.emp,
    { codes: broad.unit, levels: iso3.levels },
    broad.time,
  );
  const ts = upgradingIndex(num(wiod, "va"), cls, iso3, year);
  return {
    tl: similarityMatch(tl.value, tl.unit, tl.time),
    ts: similarityMatch(ts.value, ts.unit, ts.time),
  };
}
