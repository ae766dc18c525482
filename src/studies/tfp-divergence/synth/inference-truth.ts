/** Truth keys of the `inference` table (issue 9 item 7; tables/inference.ts). */

/** Why the industry LIML and Fuller(1) columns have no target: truth.json's `untargeted`, by key. */
export const INFERENCE_UNTARGETED: Readonly<Record<string, string>> = {
  "inference.6.Exposure":
    "LIML with two instruments (IV_TL, IV_TS): the twin's effects differ across cells, and LIML weights them otherwise than 2SLS (its limit is not 2SLS's weighted average of the effects); no single value",
  "inference.7.Exposure": "Fuller(1) with two instruments: as LIML (column 6), no single value",
};

/**
 * The truth keys of the table: the country columns (exactly identified, so LIML = 2SLS and
 * Fuller(1) → 2SLS) share Table 3's country estimand; the industry 2SLS column Table 3's industry
 * estimand. Industry LIML/Fuller weight heterogeneous effects differently: no single truth.
 * @example inferenceEffects(0.03, 0.08)["inference.1.Exposure"]; // 0.03
 */
export function inferenceEffects(country: number, industry: number): Record<string, number> {
  return {
    "inference.1.Exposure": country,
    "inference.2.Exposure": country,
    "inference.3.Exposure": country,
    "inference.4.Exposure": country,
    "inference.5.Exposure": industry,
  };
}
