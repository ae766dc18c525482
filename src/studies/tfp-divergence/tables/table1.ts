/**
 * Table 1, descriptive statistics (N, mean, min, max) of the variables of both panels.
 */
import { summarizeColumn } from "../../../frame/summarize.js";
import type { Frame } from "../../../frame/frame.js";
import type { DescriptiveSpec, Label } from "../../../report/table-spec.js";
import { num } from "../frame-columns.js";
import { COUNTRY_CONTROLS, INDUSTRY_CONTROLS } from "../formulas.js";
import { PANEL_LABELS, variableLabel } from "../labels.js";

/** The variables of each panel: outcomes, robot measures, then the controls of the regressions (formulas.ts). */
const COUNTRY_VARS = ["tfp", "var_tfp", "Exposure", "Exposure_Install", ...COUNTRY_CONTROLS];
const INDUSTRY_VARS = ["tfp", "var_tfp", "Exposure", "Exposure_Install", "RE", "Stru", ...INDUSTRY_CONTROLS];

/** Labels where the panel changes the meaning of a column. */
const OVERRIDE: Readonly<Record<string, Readonly<Record<string, Label>>>> = {
  country: {
    tfp: { en: "ln TFP (ln ctfp)", zh: "全要素生产率(ln ctfp)" },
    var_tfp: { en: "Var_TFP (ctfp)", zh: "生产率分化(ctfp)" },
  },
  industry: {
    tfp: { en: "TFP (Levinsohn–Petrin)", zh: "全要素生产率(LP 法)" },
    var_tfp: { en: "Var_TFP (LP)", zh: "生产率分化(LP)" },
  },
};

/**
 * Build Table 1 from the two panel frames.
 * @example const spec = table1(country, industry);
 */
export function table1(country: Frame, industry: Frame): DescriptiveSpec {
  const panelRows = (frame: Frame, vars: readonly string[], panel: "country" | "industry") =>
    vars.map((v) => ({
      variable: v,
      label: OVERRIDE[panel][v] ?? variableLabel(v),
      values: summarizeColumn(num(frame, v)),
    }));
  const c = panelRows(country, COUNTRY_VARS, "country");
  const i = panelRows(industry, INDUSTRY_VARS, "industry");
  return {
    id: "table1",
    title: { en: "Table 1. Descriptive statistics", zh: "表 1 变量描述性统计结果" },
    stats: ["n", "mean", "min", "max"],
    rows: [...c, ...i],
    panels: [
      { label: PANEL_LABELS.country, from: 0, to: c.length },
      { label: PANEL_LABELS.industry, from: c.length, to: c.length + i.length },
    ],
    notes: [
      {
        en: "Economy-year panel 1994–2019; economy-industry-year panel 2000–2014 (RE from 2001).",
        zh: "经济体-年份面板为 1994—2019 年;经济体-行业-年份面板为 2000—2014 年(就业替代指数自 2001 年起)。",
      },
    ],
  };
}
