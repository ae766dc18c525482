/**
 * truth.json of study A: the DGP parameters, the estimand of every column whose estimator is
 * consistent for a DGP value, the direction of the OLS bias, and the signs the DGP fixes for the
 * columns without a single consistent target (splits by estimated markups, SA index or technology
 * gap, transformed or re-measured regressors, winsorised samples, cluster choices that ignore the
 * city-year shocks).
 */
import type { Scale, Truth } from "../../types.js";
import type { PatentEstimands } from "./estimands.js";
import { inferenceEffects, inferenceSigns } from "./inference-truth.js";
import { PARAMS } from "./parameters.js";

/**
 * The average effect of robot on ln(patents) of upstream firms: ownership, high-tech and
 * low-constraint terms weighted by their probabilities (types are drawn independently).
 * @example averagePatentEffect(); // −1.94 with the default PARAMS
 */
export function averagePatentEffect(): number {
  const p = PARAMS.patents;
  const t = PARAMS.types;
  const own = (Object.keys(t.ownership) as (keyof typeof t.ownership)[]).reduce(
    (s, k) => s + t.ownership[k] * p.betaOwnership[k],
    0,
  );
  return own + t.highTech * p.betaHighTech + t.lowConstraint * p.betaLowConstraint;
}

/**
 * The truth of a synthetic run.
 * @example const truth = buildTruth(1, "tiny", { upstream_firms: 420 }, { lnspatent: -2.1, lnfmPatent: -2.5 }, 3e-5);
 */
export function buildTruth(
  seed: number,
  scale: Scale,
  counts: Readonly<Record<string, number>>,
  patents: PatentEstimands,
  firstStage: number,
): Truth {
  const beta = patents.lnspatent;
  const effects: Record<string, number> = {
    "table2.3.robot": beta,
    "table3.1.robot": PARAMS.partImports.beta,
    "table3.3.robot": PARAMS.expense.beta,
    "table4.2.robot": PARAMS.profit.beta,
    "table4.3.robot": PARAMS.products.beta,
    "robustness_outcomes.1.robot": patents.lnfmPatent,
    "robustness_outcomes.2.robot": PARAMS.dvar.beta,
    "robustness_samples.2.robot": 0,
    "robustness_clusters.2.robot": beta,
    ...inferenceEffects(beta),
  };
  const neg = "negative" as const;
  const pos = "positive" as const;
  const signs: Record<string, "positive" | "negative"> = {
    "table2.2.us_robot": pos,
    "table3.2.robot": pos,
    "table3.5.robot": neg,
    "table4.1.robot": neg,
    "table5.1.robot": pos,
    "table5.2.robot": neg,
    "table5.4.robot": neg,
    "table5.5.robot": pos,
    "table5.7.robot": neg,
    "robustness_regressors.2.net_robot": neg,
    "robustness_instruments.1.robot": neg,
    "robustness_clusters.1.robot": neg,
    "robustness_clusters.3.robot": neg,
    "robustness_processing.1.robot_np": neg,
    "robustness_processing.2.robot_np": neg,
    "robustness_processing.3.robot_np": neg,
    "robustness_winsor.1.robot": neg,
    "robustness_winsor.2.robot": neg,
    "robustness_winsor.3.robot": neg,
    ...inferenceSigns(averagePatentEffect()),
  };
  return {
    study: "upstream-innovation",
    seed,
    scale,
    parameters: {
      ...PARAMS,
      averagePatentEffect: averagePatentEffect(),
      firstStageNote:
        "robot = (1 − unknown share)·(α_j + π·us_robot + u + v + δ_t): the first-stage coefficient is firstStageCoefficient, but its city × year clustered SE is too small at small scales (the first-stage noise is proportional to the city's share, so a few large cities dominate); the first stage is therefore listed under signs only",
      firstStageCoefficient: firstStage,
      averageInventionEffect: averagePatentEffect() - PARAMS.patents.deltaInvention,
      estimands: {
        note: "Patent effects differ across firms; table2.3, robustness_clusters.2 and robustness_outcomes.1 list the 2SLS estimand given the realised firm types (the 2SLS coefficient of β_i·robot on the baseline sample), whose population mean is averagePatentEffect (averageInventionEffect).",
        lnspatent: patents.lnspatent,
        lnfm_patent: patents.lnfmPatent,
      },
      counts,
    },
    effects,
    biased: { "table2.1.robot": beta < 0 ? "towards zero (upward)" : "upward" },
    signs,
  };
}
