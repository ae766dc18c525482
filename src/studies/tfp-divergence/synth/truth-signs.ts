/**
 * The bias directions and signs study B's DGP builds in (see PARAMS): installations rise with the
 * economy's own TFP shock, so OLS on Exposure is biased upward; the instruments move robots with
 * their twins' structural factors (positive first stages); robots raise TFP, more for high-TFP
 * economies, so TFP divergence rises with exposure among high-TFP economies and falls among
 * low-TFP ones (the slope for the low group is negative in the Chow designs and for classes II);
 * robots raise capital per worker more where TFP is high (labour replacement, Exposure_Install ×
 * High in the RE regression); high-TFP economies lean towards robot-intensive industries, so the
 * Exposure × Stru interaction is positive. Only signs that held in every one of 30 simulated
 * worlds at default scale and in at least 27 of 30 at tiny scale are listed.
 */

/** OLS columns biased by design, with the direction of the bias relative to Table 3's estimand. */
export const BIASED: Readonly<Record<string, string>> = {
  "table2.2.Exposure": "upward",
  "table2.5.Exposure": "upward",
};

/** Signs of estimates the DGP fixes without a single consistent value. */
export const SIGNS: Readonly<Record<string, "positive" | "negative">> = {
  "table2.2.Exposure": "positive",
  "table2.4.Exposure": "positive",
  "table2.5.Exposure": "positive",
  "table2.6.Exposure": "positive",
  "table3.1.IV_TS": "positive",
  "table3.4.IV_TL": "positive",
  "table3.4.IV_TS": "positive",
  "table4.1.Exposure_Install": "positive",
  "table4.2.Exposure_Install": "positive",
  "table4.3.Exposure_Install": "positive",
  "table4.4.Exposure_Install": "positive",
  "table5.1.Exposure": "positive",
  "table5.1.Exposure:High": "positive",
  "table5.2.Exposure": "negative",
  "table5.2.Exposure:High": "positive",
  "table5.3.Exposure": "positive",
  "table5.3.Exposure:High": "positive",
  "table5.4.Exposure:High": "positive",
  "table6.1.Exposure_Install:High": "positive",
  "table6.2.Exposure_Install": "positive",
  "table6.3.Exposure_Install": "negative",
  "table6.3.Exposure_Install:High": "positive",
  "table7.1.Exposure:Stru": "positive",
  "table7.3.Exposure:Stru": "positive",
  "table9.1.Exposure": "positive",
  "table9.2.Exposure": "negative",
  "table9.4.Exposure": "positive",
};
