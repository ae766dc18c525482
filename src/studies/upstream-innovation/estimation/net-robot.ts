/**
 * net_robot (Khandelwal 2010's idea, robustness section of the paper: "首先使用城市的进口工业机器人
 * 金额、城市层面控制变量、行业层面控制变量等信息来估计城市的净工业机器人使用情况 net_robot"): the
 * part of a city's robot import *amount* that its city and industry controls do not explain — the
 * residual of an OLS regression, over the city-years of the upstream makers, of ln(1 + robot
 * imports in thousand yuan) on the city controls (lngdp, second_rate, lnedc_cost) and the industry
 * control (the mean cic4_hhi of the city's upstream makers that year) — merged back onto the firm rows.
 */
import { feols } from "../../../estimate/feols.js";
import type { Frame } from "../../../frame/frame.js";
import { numericColumn, withColumns } from "../frame-utils.js";

const CITY_X = ["lngdp", "second_rate", "lnedc_cost", "hhi_mean"] as const;

/**
 * The upstream panel with a `net_robot` column.
 * @example const up = addNetRobot(panels.upstream);
 */
export function addNetRobot(panel: Frame): Frame {
  const city = panel.columns.city;
  if (city.type !== "category") throw new Error(`${panel.source}: column city should be text`);
  const year = numericColumn(panel, "year");
  const amount = numericColumn(panel, "robot_kcny");
  const x = CITY_X.slice(0, 3).map((n) => numericColumn(panel, n));
  const hhi = numericColumn(panel, "cic4_hhi");
  // One row per city-year, in order of first appearance (the panel is sorted, so this is stable).
  const index = new Map<string, number>();
  const rows: number[] = [];
  const hSum: number[] = [];
  const hN: number[] = [];
  const cellOf = new Int32Array(panel.nrows);
  for (let i = 0; i < panel.nrows; i++) {
    const k = `${city.codes[i]}|${year[i]}`;
    let c = index.get(k);
    if (c === undefined) {
      c = rows.length;
      index.set(k, c);
      rows.push(i);
      hSum.push(0);
      hN.push(0);
    }
    cellOf[i] = c;
    if (!Number.isNaN(hhi[i])) {
      hSum[c] += hhi[i];
      hN[c]++;
    }
  }
  const m = rows.length;
  const cy: Record<string, Float64Array> = {
    ln_robot: Float64Array.from(rows, (i) => (amount[i] >= 0 ? Math.log1p(amount[i]) : Number.NaN)),
    lngdp: Float64Array.from(rows, (i) => x[0][i]),
    second_rate: Float64Array.from(rows, (i) => x[1][i]),
    lnedc_cost: Float64Array.from(rows, (i) => x[2][i]),
    hhi_mean: Float64Array.from({ length: m }, (_, c) => (hN[c] ? hSum[c] / hN[c] : Number.NaN)),
  };
  const frame: Frame = {
    nrows: m,
    names: Object.keys(cy),
    columns: Object.fromEntries(
      Object.entries(cy).map(([k, v]) => [k, { type: "number" as const, values: v }]),
    ),
    source: "city-years of the upstream makers",
  };
  const fit = feols(frame, `ln_robot ~ ${CITY_X.join(" + ")}`);
  const coef = new Map(fit.coefficients.map((c) => [c.term, c.estimate]));
  const resid = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    let fitted = coef.get("(Intercept)") ?? 0;
    for (const name of CITY_X) fitted += (coef.get(name) ?? 0) * cy[name][c];
    resid[c] = cy.ln_robot[c] - fitted;
  }
  return withColumns(panel, { net_robot: Float64Array.from(cellOf, (c) => resid[c]) });
}
