/**
 * Table 2, the baseline: (1) OLS; (2) the first stage of 2SLS (coefficient on us_robot); (3) the
 * second stage; all with controls and firm, year, industry and city FE, SEs clustered by city × year.
 */
import type { EstimationResult } from "../../../estimate/result.js";
import { CONTROLS, type ColumnSpec, estimateColumn, FIRM_FE } from "../estimation/column.js";
import { FOOTER_IV, FOOTER_R2, HEAD, same, VAR } from "../labels.js";
import type { TablePlan } from "./assemble.js";
import type { Panels } from "./panels.js";

/**
 * The plan of Table 2.
 * @example const plan = table2(panels);
 */
export function table2(panels: Panels): TablePlan {
  const base = {
    frame: panels.upstream,
    depvar: "lnspatent",
    regressor: "robot",
    controls: CONTROLS,
    fe: FIRM_FE,
    cluster: "city^year",
  };
  const iv: ColumnSpec = { ...base, instrument: "us_robot", label: HEAD.second, sublabel: same("lnspatent") };
  let ivResult: EstimationResult | undefined;
  try {
    ivResult = estimateColumn(iv);
  } catch {
    ivResult = undefined;
  }
  return {
    id: "table2",
    title: { en: "Table 2. Baseline regressions", zh: "表 2 基准回归" },
    columns: [
      { ...base, label: HEAD.ols, sublabel: same("lnspatent") },
      { ...iv, label: HEAD.first, sublabel: same("robot"), firstStage: true },
      iv,
    ],
    rows: [
      { term: "robot", label: VAR.robot },
      { term: "us_robot", label: VAR.us_robot },
    ],
    footer: [FOOTER_IV[0], FOOTER_R2, ...FOOTER_IV.slice(1)],
    results: ivResult ? { 1: ivResult, 2: ivResult } : undefined,
  };
}
