/**
 * The data-generating parameters of study A's synthetic economy, all in one place (they are written
 * to truth.json). Effects are per unit of `robot` (a city's share of national robot imports, 0–1).
 */

/** Ownership classes of the heterogeneity analysis. */
export type Ownership = "state" | "foreign" | "private";

/** Technology-gap classes of upstream firms (eq. 3): the 50% farthest from the US frontier, the middle 25%, the 25% closest. */
export type GapClass = "large" | "middle" | "small";

/**
 * The paper's printed 2SLS estimates that the DGP takes as its true values (Tables 2–5). The split
 * columns of Tables 3 and 5 are cell means of the firm effects β_i (see `patents` below).
 */
export const PAPER = Object.freeze({
  baseline: -2.357,
  markup: { top: 5.723, rest: -6.515 },
  constraint: { low: -1.951, high: -3.251 },
  ownership: { state: 10.83, foreign: -2.348, private: -3.554 } as Readonly<Record<Ownership, number>>,
  gap: { small: -1.892, large: -2.571 },
  lncap_value: 2.658,
  cap_ratio: 1.334,
  lnexpense: 0.364,
  y: -0.784,
  lnprofit: -3.134,
  lnn: -1.073,
  firstStage: 1e-4,
});

/** Shares of the ownership classes among firms (Table 5's split Ns: 169, 900, 1979). */
const OWNERSHIP_SHARE: Readonly<Record<Ownership, number>> = { state: 0.055, foreign: 0.295, private: 0.65 };

/** ownership effects β_o − β̄: chosen so that the ownership cells average to the baseline (see STUDIES.md). */
function ownershipTerms(): Readonly<Record<Ownership, number>> {
  const { foreign, private: priv } = PAPER.ownership;
  const b = PAPER.baseline;
  const s = OWNERSHIP_SHARE;
  // State-owned: the value that makes the share-weighted mean of the three cells the baseline (the
  // paper's 10.83 has an s.e. of 15.62; the coherent value is within 0.1 s.e. of it).
  const state = (b - s.foreign * foreign - s.private * priv) / s.state;
  return { state: state - b, foreign: foreign - b, private: priv - b };
}

/**
 * The markup term b_M of β_i = β̄ + b_M·(M_i − ¼) + …: the paper's two markup cells imply a mean of
 * −3.46, not the baseline −2.36; b_M is the least-squares fit (weights 1/s.e.²) of both cells given
 * the baseline mean.
 */
function markupTerm(): number {
  const b = PAPER.baseline;
  const { top, rest } = PAPER.markup;
  const [sTop, sRest] = [2.828, 2.4043];
  const num = (0.75 * (top - b)) / sTop ** 2 - (0.25 * (rest - b)) / sRest ** 2;
  const den = 0.75 ** 2 / sTop ** 2 + 0.25 ** 2 / sRest ** 2;
  return num / den;
}

export const PARAMS = Object.freeze({
  years: [2000, 2013] as const,
  /**
   * City robot shares: (1 − unknownCityShare)·(target_j·(1 + δ_t) + π·z̃_jt + u + v), with target_j
   * ∝ size_j^concentration above an even floor (Σ = 1) lifted where the city's share would swing
   * more than `swing` × its target, z̃ = us_robot net of its city and year means, π = firstStage /
   * (1 − unknownCityShare) in every city, u and v with s.d. k·sigmaU, k·sigmaV × target_j (k set for
   * the first stage's strength, less where the swing leaves less room), and δ_t making a year's
   * shares sum to 1 (see city-panel.ts).
   */
  imports: {
    concentration: 2.5,
    /** Share of robot imports spread evenly over the cities (a floor under every city's target share). */
    floor: 0.22,
    /** Largest swing of a city's share with the instrument, relative to its target share. */
    swing: 0.5,
    /** Base-year employment ∝ size^employmentElasticity (manufacturing jobs more even than imports). */
    employmentElasticity: 0.5,
    /** Scale of the gamma shapes of the cities' industry mixes (larger: mixes closer to the province's). */
    mixShape: 10,
    /** (1 − unknown)·π: the coefficient of us_robot in every city's robot share (the paper's 1e-4). */
    firstStage: PAPER.firstStage,
    /**
     * Common within-city s.d. of us_robot net of its city and year means (the base-year mixes are
     * spread to it, see instrument-spread.ts): it sets the first stage's precision.
     */
    instrumentSpread: 30,
    /**
     * Target of the first stage's predicted Wald statistic (first-stage-strength.ts), which sets the
     * noise scale; 42 puts the realised KP rk Wald F of Table 2 (3) at 36–79 over seeds 1–6 (the paper's 59.7).
     */
    firstStageStrength: 42,
    sigmaU: 0.13,
    sigmaV: 0.13,
    /** National robot imports (US dollars) in the first and last year. */
    national: [6.1e6, 1.55e8] as const,
    /** Share of robot imports whose city is not recorded. */
    unknownCityShare: 0.01,
    /** Mean share of processing trade in a city-year's robot imports. */
    processingShare: 0.25,
  },
  types: {
    ownership: OWNERSHIP_SHARE,
    /** Upstream firms with a high markup (low intermediate share of output): the top-25% cell of Table 5. */
    highMarkup: 0.25,
    /** Technology-gap classes of upstream firms (labour productivity relative to the US frontier). */
    gap: { large: 0.5, middle: 0.25, small: 0.25 } as Readonly<Record<GapClass, number>>,
    lowConstraint: 0.5,
    inventor: 0.6,
    exporter: 0.3,
    /** Share of non-upstream ASIE firms in robot-using industries that import robot parts. */
    partImporter: 0.46,
    /** Share of non-upstream ASIE firms that file patents. */
    otherPatenter: 0.15,
  },
  /**
   * ln(patent applications) of upstream firms: β_i = mean + markup·(M_i − ¼) + constraint·(S_i − ½)
   * + ownership[o_i] + gap[g_i], types independent, each term's population mean zero, so that every
   * cell of Tables 3 and 5 has the paper's value as its mean effect.
   */
  patents: {
    mean: PAPER.baseline,
    markup: markupTerm(),
    constraint: PAPER.constraint.low - PAPER.constraint.high,
    ownership: ownershipTerms(),
    gap: {
      small: PAPER.gap.small - PAPER.baseline,
      large: PAPER.gap.large - PAPER.baseline,
      // The middle 25% makes the gap terms average to zero.
      middle: -(0.25 * (PAPER.gap.small - PAPER.baseline) + 0.5 * (PAPER.gap.large - PAPER.baseline)) / 0.25,
    } as Readonly<Record<GapClass, number>>,
    /** ln(total) − ln(inventions) = D_i + delta·robot, so the invention effect is β_i − delta. */
    deltaInvention: 0.4,
    /**
     * Loading of the city-year confounder u (which also raises robot imports): the OLS bias. 1.5
     * puts the OLS pseudo-true value ≈ 0.65 above the 2SLS estimand on average, the paper's gap
     * (Table 2 (1) −1.64 against (3) −2.357: +0.72); at 3 it was about twice that.
     */
    rho: 1.5,
    sigmaCityYear: 0.01,
    sigmaFirm: 0.06,
    trend: 0,
    /**
     * A firm's smallest ln(patents) over its filing years is its floor plus firmLevelMin plus an
     * exponential with mean firmLevel (Table 1: the paper's mean 1.69; lower levels would make the
     * integer counts' rounding noise swamp the within-firm variation the regressions use).
     */
    firmLevel: 0.5,
    firmLevelMin: 1.0,
    /**
     * Probability that an upstream firm files in a year: uniform between these. Sets the baseline's
     * size: about 3,250 firm-years after singletons (the paper's 3,236 OLS / 3,172 2SLS).
     */
    fileProbability: [0.112, 0.52] as const,
    controls: {
      lnlp: 0.15,
      lnkfix: 0.08,
      lnklratio: -0.05,
      lnbdat: 0.2,
      lngdp: 0.3,
      second_rate: 0.01,
      lnedc_cost: 0.1,
      cic4_hhi: -0.5,
    },
  },
  /** ln(robot-part imports, thousand yuan) of part-importing firms. */
  partImports: {
    beta: PAPER.lncap_value,
    rho: 2.0,
    sigmaCityYear: 0.01,
    sigmaFirm: 0.1,
    trend: 0.1,
    controls: 0.1,
  },
  /** ln(sales expenses / output) of upstream firms. */
  expense: { beta: PAPER.lnexpense, rho: 0.2, sigmaCityYear: 0.002, sigmaFirm: 0.005, mean: -3.4 },
  /** ln(total profit) of profitable upstream firms; a share of firm-years makes losses at random. */
  profit: { beta: PAPER.lnprofit, rho: 1.0, sigmaCityYear: 0.01, sigmaFirm: 0.08, lossShare: 0.136 },
  /**
   * ln(number of products) where the ASIE records products: an upstream firm-year is recorded with
   * probability recordedShare + (1 − recordedShare)·topUpShare (the top-up on its own stream, see
   * outcomes.ts), about the paper's 3,348 firm-years in Table 4 (3) after singletons.
   */
  products: { beta: PAPER.lnn, rho: 0.3, sigmaFirm: 0.03, recordedShare: 0.3, topUpShare: 0.04 },
  /**
   * Gross output of upstream firms: Q_it = Q⁰_it·(1 + beta·robot) (levels), so the effect on the
   * standardised output y of each firm-year is beta·Q⁰_it / s.d.(Q); beta is set so that the 2SLS
   * estimand is about the paper's −0.784 (the exact estimand is computed for the realised sample).
   */
  output: { beta: -1.3, rho: 0.5, sigmaFirm: 0.01 },
  /** Domestic value-added ratio of exporting upstream firms. */
  dvar: { beta: -0.4, rho: 0.2, sigmaCityYear: 0.002, sigmaFirm: 0.01 },
  /**
   * Trading companies' imports of robot parts in a city-year: twice the local upstream makers' sales
   * × exp(beta·robot + noise), so the imported share of parts rises with robot imports (lock-in).
   */
  traderParts: { beta: 6.0, sigma: 0.03, scale: 2 },
});
