/**
 * The baseline sample winsorised: lnspatent and the firm controls capped at their p-th and
 * (100 − p)-th percentiles over the firm-years of the baseline regression (rows with every model
 * variable present).
 */
import { filterRows } from "../../../frame/filter-rows.js";
import type { Frame } from "../../../frame/frame.js";
import { winsorize } from "../../../measures/winsorize.js";
import { numericColumn, withColumns } from "../frame-utils.js";

const WINSORISED = ["lnspatent", "lnlp", "lnkfix", "lnklratio", "lnbdat"] as const;

/**
 * The baseline rows with the winsorised variables.
 * @example const f = winsorSample(panel, ["lnspatent", "robot", "us_robot", ...controls], 1);
 */
export function winsorSample(panel: Frame, modelVars: readonly string[], p: number): Frame {
  const cols = modelVars.map((v) => numericColumn(panel, v));
  const sample = filterRows(panel, (i) => cols.every((c) => !Number.isNaN(c[i])), "baseline sample");
  const extra: Record<string, Float64Array> = {};
  for (const v of WINSORISED) extra[v] = winsorize(numericColumn(sample, v), p);
  return withColumns(sample, extra);
}

export { WINSORISED };
