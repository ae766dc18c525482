/**
 * Table 5, heterogeneity (2SLS, split samples of the firm-years with patents): markup top 25% vs the
 * rest; SA index below vs above the median; state-owned, foreign and private firms.
 */
import { filterRows } from "../../../frame/filter-rows.js";
import { numericColumn, textEquals } from "../frame-utils.js";
import type { TablePlan } from "./assemble.js";
import { firmColumn, MECHANISM_ROWS } from "./mechanisms.js";
import type { Panels } from "./panels.js";

/**
 * The plan of Table 5.
 * @example const plan = table5(panels);
 */
export function table5(panels: Panels): TablePlan {
  const up = panels.upstream;
  const markup = numericColumn(up, "high_markup");
  const sa = numericColumn(up, "high_sa");
  const split = (keep: (i: number) => boolean, en: string, zh: string) => ({
    ...firmColumn(filterRows(up, keep, en), "lnspatent"),
    label: { en, zh },
  });
  return {
    id: "table5",
    title: {
      en: "Table 5. Possible innovation incentives (heterogeneity)",
      zh: "表 5 可能存在的创新激励效应",
    },
    columns: [
      split((i) => markup[i] === 1, "Markup top 25%", "市场势力前25%"),
      split((i) => markup[i] === 0, "Markup other 75%", "其余企业"),
      split((i) => sa[i] === 0, "Low financing constraint", "融资约束低"),
      split((i) => sa[i] === 1, "High financing constraint", "融资约束高"),
      split(textEquals(up, "ownership", "state"), "State-owned", "国有企业"),
      split(textEquals(up, "ownership", "foreign"), "Foreign", "外资企业"),
      split(textEquals(up, "ownership", "private"), "Private", "民营企业"),
    ],
    rows: MECHANISM_ROWS,
    notes: [
      {
        en: "Markups à la De Loecker–Warzynski (elasticity of intermediate inputs of a gross-output Cobb–Douglas estimated by GMM per 2-digit industry); SA = −0.737·size + 0.043·size² − 0.040·age with size = ln total assets in million yuan capped at ln(37 245.6) (Hadlock–Pierce's $4.5 bn at 2004's rate) and age capped at 37; cut-offs within the firm-years with patents. Ownership from the ASIE registration type.",
        zh: "成本加成率按 De Loecker 和 Warzynski（2012）方法测算；SA 指数 = −0.737×规模 + 0.043×规模² − 0.040×年龄（规模上限 ln(37 245.6)，年龄上限 37 年，同 Hadlock 和 Pierce）；分位数在有专利申请的样本内计算。所有制依据登记注册类型划分。",
      },
    ],
  };
}
