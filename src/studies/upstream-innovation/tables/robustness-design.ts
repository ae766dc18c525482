/**
 * Robustness tables on the design: other outcomes (lnfm_patent, dvar), other regressors (robot_cap,
 * net_robot), other instruments (late_robot, other_robot), other samples (ln(1 + patents) with the
 * zero-patent firm-years; the exclusion check on industries without upstream makers).
 */
import type { TableRow } from "../../../report/table-spec.js";
import type { ColumnSpec } from "../estimation/column.js";
import { same, VAR } from "../labels.js";
import type { TablePlan } from "./assemble.js";
import { firmColumn, MECHANISM_ROWS } from "./mechanisms.js";
import type { Panels } from "./panels.js";

function firstStageRow(term: string, of: string): TableRow {
  return {
    term,
    label: { en: `First stage: ${VAR[term]?.en ?? term}`, zh: `第一阶段：${VAR[term]?.zh ?? term}` },
    firstStageOf: of,
  };
}

function secondStageRow(term: string): TableRow {
  return { term, label: { en: `Second stage: ${VAR[term].en}`, zh: `第二阶段：${VAR[term].zh}` } };
}

/**
 * robustness_outcomes: lnfm_patent and dvar.
 * @example const plan = robustnessOutcomes(panels);
 */
export function robustnessOutcomes(panels: Panels): TablePlan {
  return {
    id: "robustness_outcomes",
    title: {
      en: "Robustness: other measures of innovation and upgrading",
      zh: "稳健性检验：更为严格的创新程度度量",
    },
    columns: [firmColumn(panels.upstream, "lnfm_patent"), firmColumn(panels.upstream, "dvar")],
    rows: MECHANISM_ROWS,
  };
}

/**
 * robustness_regressors: robot_cap and net_robot instrumented by us_robot.
 * @example const plan = robustnessRegressors(panels);
 */
export function robustnessRegressors(panels: Panels): TablePlan {
  const col = (regressor: string): ColumnSpec => ({
    ...firmColumn(panels.upstream, "lnspatent"),
    regressor,
    label: same(regressor),
  });
  return {
    id: "robustness_regressors",
    title: {
      en: "Robustness: the robot measure re-constructed",
      zh: "稳健性检验：城市工业机器人渗透指标的再构造",
    },
    columns: [col("robot_cap"), col("net_robot")],
    rows: [
      secondStageRow("robot_cap"),
      secondStageRow("net_robot"),
      firstStageRow("us_robot", "robot_cap"),
      firstStageRow("us_robot", "net_robot"),
    ],
    notes: [
      {
        en: "robot_cap = city robot imports / city capital-goods imports (Σ value × BEC capital share); net_robot = residual of ln(1 + city robot imports, thousand yuan) on the city controls and the city mean of cic4_hhi.",
        zh: "robot_cap 为城市工业机器人进口额占资本品进口额（∑hs_value×bec_rate）的比例；net_robot 为城市工业机器人进口金额（取对数）对城市与行业控制变量回归的残差。",
      },
    ],
  };
}

/**
 * robustness_instruments: the lagged robot share and the other cities of the province as instruments.
 * @example const plan = robustnessInstruments(panels);
 */
export function robustnessInstruments(panels: Panels): TablePlan {
  const col = (instrument: string): ColumnSpec => ({
    ...firmColumn(panels.upstream, "lnspatent"),
    instrument,
    label: { en: `IV: ${instrument}`, zh: `工具变量：${instrument}` },
  });
  return {
    id: "robustness_instruments",
    title: { en: "Robustness: other instruments", zh: "稳健性检验：其他可能的工具变量" },
    columns: [col("late_robot"), col("other_robot")],
    rows: [MECHANISM_ROWS[0], firstStageRow("late_robot", "robot"), firstStageRow("other_robot", "robot")],
    notes: [
      {
        en: "late_robot: the city's robot share in the previous year; other_robot: the mean robot share of the other cities of the province.",
        zh: "late_robot 为滞后一期的城市机器人进口率；other_robot 为同省份其他城市机器人进口率的均值。",
      },
    ],
  };
}

/**
 * robustness_samples: ln(1 + patents) keeping zero-patent firm-years; the exclusion check.
 * @example const plan = robustnessSamples(panels);
 */
export function robustnessSamples(panels: Panels): TablePlan {
  return {
    id: "robustness_samples",
    title: {
      en: "Robustness: samples (extensive margin; exclusion check)",
      zh: "稳健性检验：增加样本数量与工具变量排他性检验",
    },
    columns: [
      {
        ...firmColumn(panels.upstream, "ln1p_patent"),
        label: { en: "Incl. zero patents", zh: "含零专利企业" },
      },
      {
        ...firmColumn(panels.exclusion, "lnspatent"),
        label: { en: "Industries without upstream makers", zh: "无上游企业的行业" },
      },
    ],
    rows: MECHANISM_ROWS,
    notes: [
      {
        en: "Column (2): firms of the CIC 4-digit industries with no identified upstream maker; the instrument should have no effect there.",
        zh: "第（2）列：剔除存在工业机器人产业链上游企业的行业后的企业样本，预期系数不显著。",
      },
    ],
  };
}
