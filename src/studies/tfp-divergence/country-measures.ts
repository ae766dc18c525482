/**
 * The country-year panel's measures: ln TFP (ln ctfp, the paper's Table 1) and its divergence (eq. 13),
 * Exposure and Exposure_Install (eq. 14, base 1994), the economy controls, High (1994 ctfp above
 * the mean) and the TS-matched instruments IV_TS / IV_TSS (eqs. 16–17, WDI services / industry).
 */
import type { Frame } from "../../frame/frame.js";
import {
  divergence,
  matchedInstrument,
  robotExposure,
  type SimilarityMatch,
  similarityMatch,
  upgradingIndex,
} from "../../measures/index.js";
import { aboveMean } from "./economy-flag.js";
import { cat, mapColumns, num, withColumns } from "./frame-columns.js";
import { PANEL_YEARS } from "./panel-sql.js";

/** The country panel with its measures and the TS match. */
export interface CountryPanel {
  readonly frame: Frame;
  readonly tsMatch: SimilarityMatch;
}

/**
 * Compute the country measures on the frame of table `b_country`.
 * @example const { frame } = countryMeasures(await toFrame(session, "b_country"));
 */
export function countryMeasures(raw: Frame): CountryPanel {
  const iso3 = cat(raw, "iso3");
  const year = num(raw, "year");
  const ctfp = num(raw, "ctfp");
  const base = mapColumns([num(raw, "emp_base")], (e) => e * 1000);
  const stock = num(raw, "stock");
  const inst = num(raw, "installations");
  const structure = upgradingIndex(num(raw, "services_va"), num(raw, "industry_va"));
  const tsMatch = similarityMatch(structure, iso3, year);
  const ivTs = matchedInstrument({
    robots: stock,
    baseEmployment: base,
    unit: iso3,
    time: year,
    match: tsMatch,
  });
  const ivTss = matchedInstrument({
    robots: inst,
    baseEmployment: base,
    unit: iso3,
    time: year,
    match: tsMatch,
  });
  const high = aboveMean(
    ctfp,
    iso3.codes,
    new Int32Array(raw.nrows),
    (i) => year[i] === PANEL_YEARS.country.base,
  );
  const frame = withColumns(raw, {
    tfp: mapColumns([ctfp], Math.log),
    var_tfp: divergence(ctfp, year),
    Exposure: robotExposure(stock, base),
    Exposure_Install: robotExposure(inst, base),
    IV_TS: ivTs,
    IV_TSS: ivTss,
    High: high,
    Hc: num(raw, "hc"),
    FDI: num(raw, "fdi"),
    Structure: structure,
    Internet: num(raw, "internet"),
    lnprgdp: mapColumns([num(raw, "rgdpna"), num(raw, "pop")], (y, p) => Math.log(y / p)),
  });
  return { frame: { ...frame, source: "country-year panel" }, tsMatch };
}
