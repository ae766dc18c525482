/**
 * The data-generating parameters of study A's synthetic economy, all in one place (they are written
 * to truth.json). Effects are per unit of `robot` (a city's share of national robot imports, 0–1).
 */

/** Ownership classes of the heterogeneity analysis. */
export type Ownership = "state" | "foreign" | "private";

export const PARAMS = Object.freeze({
  years: [2000, 2013] as const,
  /**
   * City robot shares: α_j + π·us_robot_jt + u + v + δ_t, with Σ α = baseShare (∝ city size) and
   * π·Σ_j us_robot_j,last = instrumentShare; u and v have s.d. sigmaU, sigmaV × the city's level.
   */
  imports: {
    baseShare: 0.05,
    instrumentShare: 0.9,
    sigmaU: 0.12,
    sigmaV: 0.1,
    /** National robot imports (US dollars) in the first and last year. */
    national: [6.1e6, 1.55e8] as const,
    /** Share of robot imports whose city is not recorded. */
    unknownCityShare: 0.01,
    /** Mean share of processing trade in a city-year's robot imports. */
    processingShare: 0.25,
  },
  types: {
    ownership: { state: 0.12, foreign: 0.2, private: 0.68 } as Readonly<Record<Ownership, number>>,
    highTech: 0.25,
    lowConstraint: 0.5,
    inventor: 0.6,
    exporter: 0.3,
    /** Share of non-upstream ASIE firms in robot-using industries that import robot parts. */
    partImporter: 0.3,
    /** Share of non-upstream ASIE firms that file patents. */
    otherPatenter: 0.15,
  },
  /** ln(patent applications) of upstream firms: β_i = β_ownership + high-tech + low-constraint terms. */
  patents: {
    betaOwnership: { state: 4.0, foreign: -3.0, private: -6.5 } as Readonly<Record<Ownership, number>>,
    betaHighTech: 8.0,
    betaLowConstraint: 1.2,
    /** ln(total) − ln(inventions) = D_i + delta·robot, so the invention effect is β_i − delta. */
    deltaInvention: 0.4,
    /** Loading of the city-year confounder u (which also raises robot imports). */
    rho: 2.6,
    sigmaCityYear: 0.01,
    sigmaFirm: 0.06,
    trend: 0.08,
    /** Probability that an upstream firm files in a year: Beta-like mix. */
    fileProbability: [0.5, 0.95] as const,
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
  partImports: { beta: 3.0, rho: 2.0, sigmaCityYear: 0.01, sigmaFirm: 0.1, trend: 0.1, controls: 0.1 },
  /** ln(sales expenses / output) of upstream firms. */
  expense: { beta: 0.8, rho: 0.5, sigmaCityYear: 0.005, sigmaFirm: 0.05, mean: -3.4 },
  /** ln(total profit) of profitable upstream firms; a share of firm-years makes losses at random. */
  profit: { beta: -3.0, rho: 1.0, sigmaCityYear: 0.01, sigmaFirm: 0.15, lossShare: 0.1 },
  /** ln(number of products) where the ASIE records products. */
  products: { beta: -1.5, rho: 0.5, sigmaFirm: 0.05, recordedShare: 0.6 },
  /** ln(gross output) shifter of upstream firms (crowd-out). */
  output: { beta: -1.5, rho: 0.5, sigmaFirm: 0.02 },
  /** Domestic value-added ratio of exporting upstream firms. */
  dvar: { beta: -0.4, rho: 0.2, sigmaCityYear: 0.002, sigmaFirm: 0.01 },
  /**
   * Trading companies' imports of robot parts in a city-year: twice the local upstream makers' sales
   * × exp(beta·robot + noise), so the imported share of parts rises with robot imports (lock-in).
   */
  traderParts: { beta: 3.0, sigma: 0.03, scale: 2 },
});
