/**
 * The measures of both studies: winsorising and standardising, panel lags, robot shares and
 * exposures, shift-share and similarity-matched instruments, structure indices, divergence,
 * concentration, financing constraints, productivity (Levinsohn–Petrin), markups (De Loecker–
 * Warzynski), domestic value added (Upward–Wang–Zheng) and kernel densities (Stata `kdensity`).
 */
export type { CellTable } from "./cell-table.js";
export { cityShare } from "./city-share.js";
export { divergence } from "./divergence.js";
export {
  type DomesticValueAddedInput,
  type DomesticValueAddedOptions,
  type DomesticValueAddedResult,
  domesticValueAdded,
} from "./domestic-value-added.js";
export { type EconomyClasses, economyClasses } from "./economy-classes.js";
export { hhi } from "./hhi.js";
export { type KdensityOptions, type KdensityResult, kdensity } from "./kdensity.js";
export { KERNELS, type KernelName, kernel } from "./kernels.js";
export type { CategoricalKey, KeyColumn } from "./keys.js";
export { laborReplacement } from "./labor-replacement.js";
export { lag } from "./lag.js";
export {
  type LevinsohnPetrinInput,
  type LevinsohnPetrinOptions,
  type LevinsohnPetrinResult,
  levinsohnPetrin,
} from "./levinsohn-petrin.js";
export type { LpObjective } from "./lp-fit.js";
export {
  type MarkupDLWInput,
  type MarkupDLWOptions,
  type MarkupDLWResult,
  markupDLW,
} from "./markup-dlw.js";
export { type MatchedInstrumentInput, matchedInstrument } from "./matched-instrument.js";
export { type NelderMeadOptions, type NelderMeadResult, nelderMead } from "./nelder-mead.js";
export { pctile } from "./percentile.js";
export {
  type ProductionGmmInput,
  type ProductionGmmResult,
  productionGmm,
} from "./production-gmm.js";
export { createRng, type Rng } from "./rng.js";
export { robotExposure } from "./robot-exposure.js";
export { type SaIndexOptions, saIndex } from "./sa-index.js";
export {
  type ShiftShareInput,
  type ShiftShareOptions,
  type ShiftShareResult,
  shiftShareInstrument,
} from "./shift-share.js";
export { type SimilarityMatch, type SimilarityMatchOptions, similarityMatch } from "./similarity-match.js";
export { type StandardizeOptions, standardize } from "./standardize.js";
export { type StructureMatchInput, type StructureMatchResult, structureMatch } from "./structure-match.js";
export { techGap } from "./tech-gap.js";
export { theilRationalization } from "./theil.js";
export { upgradingIndex } from "./upgrading.js";
export { type WinsorizeOptions, winsorize } from "./winsorize.js";
