/**
 * The regression formulas of study B's tables, in one place so the pipeline and the synthetic
 * truth use the same specifications. Country panel: economy and year FE; industry panel:
 * industry, economy and year FE; robust (HC1) standard errors throughout, as in the paper.
 */

/** Economy controls: human capital, FDI, industry structure, internet use, ln real GDP per capita. */
export const COUNTRY_CONTROLS = ["Hc", "FDI", "Structure", "Internet", "lnprgdp"] as const;
/** Industry controls: ln weekly hours per worker, ln gross output, ln capital per worker. */
export const INDUSTRY_CONTROLS = ["lnweekwork", "lnsize", "lncapital"] as const;

/**
 * Controls of a panel joined by `+`.
 * @example controls("country"); // "Hc + FDI + Structure + Internet + lnprgdp"
 */
export function controls(panel: "country" | "industry"): string {
  return (panel === "country" ? COUNTRY_CONTROLS : [...COUNTRY_CONTROLS, ...INDUSTRY_CONTROLS]).join(" + ");
}

/**
 * Fixed effects of a panel (the industry regressions of Table 8 drop the industry FE).
 * @example fixedEffects("industry"); // "industry + iso3 + year"
 */
export function fixedEffects(panel: "country" | "industry", withIndustry = true): string {
  return panel === "country" ? "iso3 + year" : withIndustry ? "industry + iso3 + year" : "iso3 + year";
}

/**
 * Each control interacted with `by` (Chow-type designs: every slope may differ between groups).
 * @example interactedControls("country", "High"); // "Hc:High + FDI:High + …"
 */
export function interactedControls(panel: "country" | "industry", by: string): string {
  const list = panel === "country" ? COUNTRY_CONTROLS : [...COUNTRY_CONTROLS, ...INDUSTRY_CONTROLS];
  return list.map((c) => `${c}:${by}`).join(" + ");
}

/** The variance estimator of every table (robust standard errors, as the paper). */
export const VCOV = "hetero";

/**
 * The baseline 2SLS of Table 3 for a panel and outcome: country instrumented by IV_TS, industry by
 * IV_TL and IV_TS.
 * @example baseline2sls("industry", "tfp");
 */
export function baseline2sls(panel: "country" | "industry", outcome: string): string {
  const iv = panel === "country" ? "IV_TS" : "IV_TL + IV_TS";
  return `${outcome} ~ ${controls(panel)} | ${fixedEffects(panel)} | Exposure ~ ${iv}`;
}
