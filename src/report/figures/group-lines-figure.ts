/** One line over time per group (study B Figure 4: robots per worker, high- vs low-productivity economies). */
import type { Lang } from "../lang.js";
import { pickLabel } from "../lang.js";
import type { Label } from "../table-spec.js";
import { checkFigureArgs, figureFrame, finite } from "./figure-base.js";
import type { FigureSpec } from "./figure-spec.js";

/** Legend entries drawn as line segments, so the dash pattern of each group is visible. */
const LEGEND = { symbolType: "stroke", symbolStrokeWidth: 2, symbolSize: 300 };

/** Arguments of {@link groupLinesFigure}. */
export interface GroupLinesArgs {
  readonly id: string;
  readonly title: Label;
  readonly rows: readonly { readonly group: string; readonly t: number; readonly value: number }[];
  readonly xLabel: Label;
  readonly yLabel: Label;
  readonly lang: Lang;
  readonly caption?: Label;
}

/**
 * Lines with point markers, one per group (colour and dash; legend in order of first appearance),
 * time axis printed without thousands separators; data rows `{group, t, value}` sorted by group order then t.
 * @example groupLinesFigure({ id: "figure4", title, rows, xLabel, yLabel, lang: "zh" });
 */
export function groupLinesFigure(args: GroupLinesArgs): FigureSpec {
  const fn = "groupLinesFigure";
  checkFigureArgs(fn, args, { xLabel: args.xLabel, yLabel: args.yLabel });
  if (!Array.isArray(args.rows) || args.rows.length === 0)
    throw new Error(`${fn}("${args.id}"): no rows; give {group, t, value} rows`);
  const groups: string[] = [];
  const seen = new Set<string>();
  const data = args.rows.map((r, i) => {
    const where = `${fn}("${args.id}") row ${i + 1}`;
    if (typeof r.group !== "string" || r.group === "") throw new Error(`${where} has no group name`);
    const t = finite(r.t, `${where} ("${r.group}") t`);
    const key = `${r.group}\u0000${t}`;
    if (seen.has(key))
      throw new Error(`${where}: group "${r.group}" has two values at t = ${t}; give one per group and time`);
    seen.add(key);
    if (!groups.includes(r.group)) groups.push(r.group);
    return { group: r.group, t, value: finite(r.value, `${where} ("${r.group}", t = ${t}) value`) };
  });
  data.sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || a.t - b.t);
  const vegaLite = {
    ...figureFrame(args),
    data: { values: data },
    mark: { type: "line", point: true, strokeWidth: 1.5 },
    encoding: {
      x: {
        field: "t",
        type: "quantitative",
        title: pickLabel(args.xLabel, args.lang),
        scale: { zero: false },
        axis: { format: "d", tickMinStep: 1 },
      },
      y: { field: "value", type: "quantitative", title: pickLabel(args.yLabel, args.lang) },
      color: { field: "group", type: "nominal", title: null, scale: { domain: groups }, legend: LEGEND },
      strokeDash: { field: "group", type: "nominal", title: null, scale: { domain: groups }, legend: LEGEND },
    },
  };
  return {
    id: args.id,
    title: args.title,
    data,
    vegaLite,
    ...(args.caption ? { caption: args.caption } : {}),
  };
}
