/** Bars of a quantity per category with a ratio on a second axis (study B Figure 5: installations and size ratio). */
import type { Lang } from "../lang.js";
import { pickLabel } from "../lang.js";
import type { Label } from "../table-spec.js";
import { checkFigureArgs, figureFrame, finite } from "./figure-base.js";
import type { FigureSpec } from "./figure-spec.js";

/** Arguments of {@link barsWithRatioFigure}. */
export interface BarsWithRatioArgs {
  readonly id: string;
  readonly title: Label;
  readonly bars: readonly { readonly category: string; readonly value: number; readonly ratio: number }[];
  /** Title of the left (bar) axis. */
  readonly barLabel: Label;
  /** Title of the right (ratio) axis. */
  readonly ratioLabel: Label;
  readonly lang: Lang;
  readonly caption?: Label;
  /** Where the dashed reference line on the ratio axis goes (default 1: equal size). */
  readonly referenceRatio?: number;
}

/**
 * Bars (left axis) in the given category order, the ratio as a line with points (right axis), and a
 * dashed reference line at `referenceRatio` on the ratio axis (its own one-row inline data, so it is
 * drawn once); data rows `{category, value, ratio}`.
 * @example barsWithRatioFigure({ id: "figure5", title, bars, barLabel, ratioLabel, lang: "en" });
 */
export function barsWithRatioFigure(args: BarsWithRatioArgs): FigureSpec {
  const fn = "barsWithRatioFigure";
  checkFigureArgs(fn, args, { barLabel: args.barLabel, ratioLabel: args.ratioLabel });
  if (!Array.isArray(args.bars) || args.bars.length === 0)
    throw new Error(`${fn}("${args.id}"): no bars; give {category, value, ratio} rows`);
  const ref = finite(args.referenceRatio ?? 1, `${fn}("${args.id}") referenceRatio`);
  const cats = new Set<string>();
  const data = args.bars.map((b, i) => {
    const where = `${fn}("${args.id}") bar ${i + 1} ("${b.category}")`;
    if (typeof b.category !== "string" || b.category === "") throw new Error(`${where} has no category name`);
    if (cats.has(b.category)) throw new Error(`${where}: category used twice; give one bar per category`);
    cats.add(b.category);
    return {
      category: b.category,
      value: finite(b.value, `${where} value`),
      ratio: finite(b.ratio, `${where} ratio`),
    };
  });
  const x = {
    field: "category",
    type: "nominal",
    sort: null,
    title: null,
    axis: { labelAngle: -40, labelLimit: 220 },
  };
  const ratioTitle = pickLabel(args.ratioLabel, args.lang);
  const ratioColor = "#c0392b";
  const vegaLite = {
    ...figureFrame(args),
    data: { values: data },
    layer: [
      {
        mark: { type: "bar", color: "#4c78a8" },
        encoding: {
          x,
          y: {
            field: "value",
            type: "quantitative",
            title: pickLabel(args.barLabel, args.lang),
            axis: { orient: "left" },
          },
        },
      },
      {
        layer: [
          {
            mark: { type: "line", color: ratioColor, point: { color: ratioColor, filled: true } },
            encoding: {
              x,
              y: { field: "ratio", type: "quantitative", title: ratioTitle, axis: { orient: "right" } },
            },
          },
          {
            data: { values: [{ reference: ref }] },
            mark: { type: "rule", color: ratioColor, strokeDash: [5, 4], strokeWidth: 1 },
            encoding: { y: { field: "reference", type: "quantitative", title: ratioTitle } },
          },
        ],
      },
    ],
    resolve: { scale: { y: "independent" } },
  };
  return {
    id: args.id,
    title: args.title,
    data,
    vegaLite,
    ...(args.caption ? { caption: args.caption } : {}),
  };
}
