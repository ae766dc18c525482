/**
 * Tables 3 and 4, the mechanisms (2SLS): lock-in and the technology gap — imports of robot parts,
 * the imported share of parts (city level), sales expenses, patents of the firms closest to and
 * farthest from the US frontier — and market crowd-out — output, profits, number of products.
 */
import { filterRows } from "../../../frame/filter-rows.js";
import { CITY_CONTROLS, CONTROLS, type ColumnSpec, FIRM_FE } from "../estimation/column.js";
import { numericColumn } from "../frame-utils.js";
import { HEAD, same, VAR } from "../labels.js";
import type { TablePlan } from "./assemble.js";
import type { Panels } from "./panels.js";

/** The rows of the 2SLS tables: robot (second stage) and us_robot (its first stage). */
export const MECHANISM_ROWS = [
  { term: "robot", label: { en: `Second stage: ${VAR.robot.en}`, zh: `第二阶段：${VAR.robot.zh}` } },
  {
    term: "us_robot",
    label: { en: `First stage: ${VAR.us_robot.en}`, zh: `第一阶段：${VAR.us_robot.zh}` },
    firstStageOf: "robot",
  },
];

/**
 * A firm-level 2SLS column: `depvar` on robot instrumented by us_robot, with the controls of eq. (1),
 * firm, year, industry and city FE, and SEs clustered by city × year.
 * @example const col = firmColumn(panels.upstream, "lnexpense");
 */
export function firmColumn(frame: ColumnSpec["frame"], depvar: string): ColumnSpec {
  return {
    label: HEAD.iv,
    sublabel: same(depvar),
    frame,
    depvar,
    regressor: "robot",
    instrument: "us_robot",
    controls: CONTROLS,
    fe: FIRM_FE,
    cluster: "city^year",
  };
}

/**
 * The plan of Table 3.
 * @example const plan = table3(panels);
 */
export function table3(panels: Panels): TablePlan {
  const up = panels.upstream;
  const small = numericColumn(up, "gap_small");
  const large = numericColumn(up, "gap_large");
  return {
    id: "table3",
    title: {
      en: "Table 3. Industrial-chain lock-in and the technology gap",
      zh: "表 3 产业链锁定与技术代差",
    },
    columns: [
      firmColumn(panels.parts, "lncap_value"),
      {
        ...firmColumn(panels.city, "cap_ratio"),
        controls: CITY_CONTROLS,
        fe: ["city", "year"],
      },
      firmColumn(up, "lnexpense"),
      {
        ...firmColumn(
          filterRows(up, (i) => small[i] === 1, "smallest 25% technology gap"),
          "lnspatent",
        ),
        label: { en: "Gap: smallest 25%", zh: "技术代差最小25%" },
      },
      {
        ...firmColumn(
          filterRows(up, (i) => large[i] === 1, "largest 50% technology gap"),
          "lnspatent",
        ),
        label: { en: "Gap: largest 50%", zh: "技术代差最大50%" },
      },
    ],
    rows: MECHANISM_ROWS,
    notes: [
      {
        en: "Firm-level columns control for the firm and city controls and firm, year, city and industry FE; column (2) is city-level with city controls and city and year FE. Columns (4)–(5) split the firm-years with patents by the technology gap ln lp(US) − ln lp.",
        zh: "所有基于企业数据的结果均控制了控制变量以及企业、年份、城市、行业固定效应；第（2）列为城市层面，仅控制城市控制变量及城市、年份固定效应。第（4）（5）列按技术距离划分有专利申请的样本。",
      },
    ],
  };
}

/**
 * The plan of Table 4.
 * @example const plan = table4(panels);
 */
export function table4(panels: Panels): TablePlan {
  const up = panels.upstream;
  return {
    id: "table4",
    title: { en: "Table 4. Market crowd-out and performance", zh: "表 4 市场挤出与经营绩效" },
    columns: [firmColumn(up, "y"), firmColumn(up, "lnprofit"), firmColumn(up, "lnn")],
    rows: MECHANISM_ROWS,
  };
}
