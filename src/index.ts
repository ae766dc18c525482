/** robometrics: the public API. */
export { feols } from "./estimate/feols.js";
export type { EstimateOptions, VcovSpec, WeightType } from "./estimate/options.js";
export { parseVcov } from "./estimate/options.js";
export type { CoefficientRow, EstimationResult, FirstStage, IVResult, TestStat } from "./estimate/result.js";
export { tsls } from "./estimate/tsls.js";
export { demean } from "./fe/demean.js";
export type { Factor } from "./fe/factor.js";
export { buildFactor } from "./fe/factor.js";
export type { CategoricalColumn, Column, Frame, NumericColumn } from "./frame/frame.js";
export { frameFromArrays, getColumn } from "./frame/frame.js";
export type { Formula, Term } from "./formula/formula.js";
export { parseFormula } from "./formula/formula.js";
export { loadFrame } from "./io/load-frame.js";
export { leastSquares } from "./linalg/least-squares.js";
export { renderResult } from "./report/console-table.js";
export * from "./measures/index.js";
