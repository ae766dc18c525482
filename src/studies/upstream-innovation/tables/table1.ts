/**
 * Table 1: descriptive statistics (N, mean, s.d., min, max) of the variables of eq. (1) and the
 * alternative outcomes over the upstream makers' firm-years.
 */
import { summarizeColumn } from "../../../frame/summarize.js";
import type { DescriptiveSpec } from "../../../report/table-spec.js";
import { numericColumn } from "../frame-utils.js";
import { VAR } from "../labels.js";
import type { Panels } from "./panels.js";

const VARIABLES = [
  "lnspatent",
  "lnfm_patent",
  "dvar",
  "robot",
  "us_robot",
  "lnlp",
  "lnkfix",
  "lnklratio",
  "lnbdat",
  "lngdp",
  "second_rate",
  "lnedc_cost",
  "cic4_hhi",
] as const;

/**
 * The spec of Table 1.
 * @example const spec = table1(panels);
 */
export function table1(panels: Panels): DescriptiveSpec {
  return {
    id: "table1",
    title: { en: "Table 1. Descriptive statistics", zh: "表 1 描述性分析" },
    stats: ["n", "mean", "sd", "min", "max"],
    rows: VARIABLES.map((v) => ({
      variable: v,
      label: VAR[v],
      values: summarizeColumn(numericColumn(panels.upstream, v)),
    })),
    notes: [
      {
        en: "Firm-years of the upstream component makers linked to the ASIE; lnspatent and lnfm_patent where the firm filed (invention) patents, dvar where it exported.",
        zh: "样本为匹配到工业企业数据库的产业链上游零部件企业；lnspatent、lnfm_patent 仅含有（发明）专利申请的企业-年份，dvar 仅含出口企业。",
      },
    ],
  };
}
