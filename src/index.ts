/** robometrics: the public API. */
export { feols } from "./estimate/feols.js";
export { fepois, type PoissonOptions } from "./estimate/poisson/fepois.js";
export type { PoissonResult } from "./estimate/poisson/types.js";
export { type BootOptions, type BootstrapRow, wildBootstrap } from "./estimate/bootstrap/wild.js";
export type { BootWeights } from "./estimate/bootstrap/boot-weights.js";
export { type ArConfidenceSet, type ArPiece, arConfidenceSet } from "./estimate/iv-inference/ar-set.js";
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
export type {
  DescriptiveSpec,
  FooterRow,
  Label,
  TableColumn,
  TableRow,
  TableSpec,
} from "./report/table-spec.js";
export { writeDescriptiveOutputs, writeTableOutputs } from "./report/write-table.js";
export type { FigureSpec } from "./report/figures/figure-spec.js";
export { writeFigureOutputs } from "./report/figures/write-figure.js";
export { DataSession } from "./io/session.js";
export { readFile } from "./io/read-file.js";
export { toFrame } from "./io/to-frame.js";
export { writeTable } from "./io/write-file.js";
export { convertFile } from "./io/convert-file.js";
export { declarePanel } from "./io/panel.js";
export { describeTable } from "./io/describe-table.js";
export { openDta, readDta, writeDta } from "./io/dta/index.js";
