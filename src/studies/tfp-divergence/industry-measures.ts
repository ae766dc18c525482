/**
 * The economy-industry-year panel's measures: LP TFP and its divergence (eq. 13, within industry
 * and year), Exposure and Exposure_Install (eq. 14, base 2000), the TL- and TS-matched instruments
 * (eq. 17), High (base-year TFP above the industry mean), RE (eq. 18), Stru (eq. 19), the industry
 * and economy controls, the economy's country TFP and class I–IV.
 */
import type { Frame } from "../../frame/frame.js";
import {
  divergence,
  laborReplacement,
  matchedInstrument,
  robotExposure,
  type SimilarityMatch,
  upgradingIndex,
} from "../../measures/index.js";
import { aboveMean, spread } from "./economy-flag.js";
import { cat, mapColumns, num, withColumns } from "./frame-columns.js";
import { type IndustryTfp, industryTfp, unitIds } from "./industry-tfp.js";
import { weeklyHours } from "./weekly-hours.js";
import { PANEL_YEARS } from "./panel-sql.js";
import type { StructureMatches } from "./structure-indices.js";

/** The industry panel with its measures, the LP estimate and the matches. */
export interface IndustryPanel {
  readonly frame: Frame;
  readonly lp: IndustryTfp;
  readonly tl: SimilarityMatch;
  readonly ts: SimilarityMatch;
}

/** Economy-level inputs: Stru and class by economy. */
export interface EconomyValues {
  readonly stru: ReadonlyMap<string, number>;
  readonly cls: ReadonlyMap<string, number>;
}

/**
 * Compute the industry measures on the frame of table `b_industry`.
 * @example const panel = industryMeasures(raw, matches, economyValues);
 */
export function industryMeasures(raw: Frame, matches: StructureMatches, econ: EconomyValues): IndustryPanel {
  const iso3 = cat(raw, "iso3");
  const industry = cat(raw, "industry");
  const year = num(raw, "year");
  const emp = num(raw, "emp");
  const base = num(raw, "emp_base");
  const stock = num(raw, "stock");
  const inst = num(raw, "installations");
  const id = unitIds(raw);
  const lp = industryTfp(raw);
  const instrument = (robots: Float64Array, match: SimilarityMatch) =>
    matchedInstrument({ robots, baseEmployment: base, unit: iso3, time: year, cell: industry, match });
  const frame = withColumns(raw, {
    tfp: lp.tfp,
    var_tfp: divergence(lp.tfp, [industry, year]),
    Exposure: robotExposure(stock, base),
    Exposure_Install: robotExposure(inst, base),
    IV_TL: instrument(stock, matches.tl),
    IV_TS: instrument(stock, matches.ts),
    IV_TLL: instrument(inst, matches.tl),
    IV_TSS: instrument(inst, matches.ts),
    High: aboveMean(lp.tfp, id, industry.codes, (i) => year[i] === PANEL_YEARS.industry.base),
    RE: laborReplacement(emp, id, year),
    Stru: spread(iso3, econ.stru),
    class: spread(iso3, econ.cls),
    lnweekwork: weeklyHours(num(raw, "h_empe"), num(raw, "empe")),
    lnsize: mapColumns([num(raw, "go")], Math.log),
    lncapital: mapColumns([num(raw, "k"), emp], (k, e) => Math.log(k / e)),
    Hc: num(raw, "hc"),
    FDI: num(raw, "fdi"),
    Structure: upgradingIndex(num(raw, "services_va"), num(raw, "industry_va")),
    Internet: num(raw, "internet"),
    lnprgdp: mapColumns([num(raw, "rgdpna"), num(raw, "pop")], (y, p) => Math.log(y / p)),
    country_tfp: mapColumns([num(raw, "ctfp")], Math.log),
  });
  return { frame: { ...frame, source: "economy-industry-year panel" }, lp, tl: matches.tl, ts: matches.ts };
}
