/**
 * Truth of study A's `inference` table (issue 9 item 7; tables/inference.ts). Columns (1)–(3) —
 * 2SLS, LIML and Fuller(1) of lnspatent, exactly identified — are consistent for Table 2's 2SLS
 * estimand. Columns (4)–(6) — 2SLS of ln(1 + patents) over every firm-year (non-filing zeros), and the
 * PPML reduced form and control function on the counts — weight the firms' heterogeneous effects
 * differently (and the reduced form scales them by the first stage): no single DGP value, but the
 * sign of the average effect on the patents of upstream firms.
 */
/**
 * Effects keyed `inference.<column>.<term>`, from the lnspatent 2SLS estimand of the realised data.
 * @example inferenceEffects(-2.1)["inference.2.robot"]; // -2.1
 */
export function inferenceEffects(lnspatent: number): Record<string, number> {
  return {
    "inference.1.robot": lnspatent,
    "inference.2.robot": lnspatent,
    "inference.3.robot": lnspatent,
  };
}

/**
 * Signs of the columns without a single consistent target: that of the DGP's average patent effect
 * (the first stage of robot on us_robot is positive, so the reduced form has the same sign).
 * @example inferenceSigns(averagePatentEffect())["inference.5.us_robot"]; // "negative" with the default parameters
 */
export function inferenceSigns(averageEffect: number): Record<string, "positive" | "negative"> {
  const sign = averageEffect < 0 ? "negative" : "positive";
  return {
    "inference.4.robot": sign,
    "inference.5.us_robot": sign,
    "inference.6.robot": sign,
  };
}
