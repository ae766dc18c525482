/**
 * Table 1: descriptive statistics (N, mean, s.d., min, max) of the variables of eq. (1) and the
 * alternative outcomes over the upstream makers' firm-years.
 */
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
 * N, mean, s.d. (n − 1), min and max of the non-missing values.
 * @example describe(Float64Array.of(1, 2, NaN)); // { n: 2, mean: 1.5, … }
 */
export function describe(x: Float64Array): Record<string, number | null> {
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return { n: 0, mean: null, sd: null, min: null, max: null };
  const mean = sum / n;
  let ss = 0;
  for (const v of x) if (!Number.isNaN(v)) ss += (v - mean) ** 2;
  return { n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : null, min, max };
}

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
      values: describe(numericColumn(panels.upstream, v)),
    })),
    notes: [
      {
        en: "Firm-years of the upstream component makers linked to the ASIE; lnspatent and lnfm_patent where the firm filed (invention) patents, dvar where it exported.",
        zh: "样本为匹配到工业企业数据库的产业链上游零部件企业；lnspatent、lnfm_patent 仅含有（发明）专利申请的企业-年份，dvar 仅含出口企业。",
      },
    ],
  };
}
