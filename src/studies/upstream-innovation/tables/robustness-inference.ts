/**
 * Robustness tables on inference and measurement: other clusters (city × industry, province × year,
 * province × industry), robot imports without processing trade (with and without controls, and for
 * lnfm_patent), and winsorised samples (1%, 3%, 5%).
 */
import { CONTROLS, type ColumnSpec } from "../estimation/column.js";
import { winsorSample } from "../estimation/winsor-sample.js";
import { CLUSTER, VAR } from "../labels.js";
import type { TablePlan } from "./assemble.js";
import { firmColumn, MECHANISM_ROWS } from "./mechanisms.js";
import type { Panels } from "./panels.js";

/**
 * robustness_clusters: the baseline with SEs clustered at other levels.
 * @example const plan = robustnessClusters(panels);
 */
export function robustnessClusters(panels: Panels): TablePlan {
  const col = (cluster: string): ColumnSpec => ({
    ...firmColumn(panels.upstream, "lnspatent"),
    cluster,
    label: CLUSTER[cluster],
  });
  return {
    id: "robustness_clusters",
    title: { en: "Robustness: clustering at other levels", zh: "稳健性检验：不同层级聚类标准误" },
    columns: [col("city^cic4"), col("province^year"), col("province^cic4")],
    rows: MECHANISM_ROWS,
  };
}

/**
 * robustness_processing: robot imports without processing trade.
 * @example const plan = robustnessProcessing(panels);
 */
export function robustnessProcessing(panels: Panels): TablePlan {
  const col = (depvar: string, controls: readonly string[]): ColumnSpec => ({
    ...firmColumn(panels.upstream, depvar),
    regressor: "robot_np",
    controls,
  });
  const rows = [
    {
      term: "robot_np",
      label: { en: `Second stage: ${VAR.robot_np.en}`, zh: `第二阶段：${VAR.robot_np.zh}` },
    },
    { ...MECHANISM_ROWS[1], firstStageOf: "robot_np" },
  ];
  return {
    id: "robustness_processing",
    title: { en: "Robustness: excluding processing-trade imports", zh: "稳健性检验：排除加工贸易的可能影响" },
    columns: [col("lnspatent", []), col("lnspatent", CONTROLS), col("lnfm_patent", CONTROLS)],
    rows,
    notes: [
      {
        en: "Robot imports under the processing-trade modes (来料加工装配进口的设备, 来料加工装配贸易, 进料加工贸易) are left out of the city and national totals.",
        zh: "剔除“来料加工装配进口的设备”“来料加工装配贸易”“进料加工贸易”等方式的进口后重新计算机器人进口率。",
      },
    ],
  };
}

/**
 * robustness_winsor: lnspatent and the firm controls winsorised at 1%, 3% and 5%.
 * @example const plan = robustnessWinsor(panels);
 */
export function robustnessWinsor(panels: Panels): TablePlan {
  const vars = ["lnspatent", "robot", "us_robot", ...CONTROLS];
  const col = (p: number): ColumnSpec => ({
    ...firmColumn(winsorSample(panels.upstream, vars, p), "lnspatent"),
    label: { en: `Winsorised at ${p}%`, zh: `${p}%缩尾` },
  });
  return {
    id: "robustness_winsor",
    title: { en: "Robustness: winsorised samples", zh: "稳健性检验：排除异常值的影响" },
    columns: [col(1), col(3), col(5)],
    rows: MECHANISM_ROWS,
    notes: [
      {
        en: "lnspatent, lnlp, lnkfix, lnklratio and lnbdat capped at their p-th and (100 − p)-th percentiles within the baseline sample.",
        zh: "对回归样本中的 lnspatent、lnlp、lnkfix、lnklratio、lnbdat 分别在 p% 与 (100−p)% 分位数处缩尾。",
      },
    ],
  };
}
