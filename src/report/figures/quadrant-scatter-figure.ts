/** Labelled scatter with its OLS line and dashed lines at the two means (study B Figure 3: four quadrants). */
import type { Lang } from "../lang.js";
import { pickLabel } from "../lang.js";
import type { Label } from "../table-spec.js";
import { checkFigureArgs, figureFrame, finite } from "./figure-base.js";
import type { FigureSpec } from "./figure-spec.js";

/** Arguments of {@link quadrantScatterFigure}. */
export interface QuadrantScatterArgs {
  readonly id: string;
  readonly title: Label;
  readonly points: readonly { readonly label: string; readonly x: number; readonly y: number }[];
  readonly xLabel: Label;
  readonly yLabel: Label;
  readonly lang: Lang;
  readonly caption?: Label;
}

/**
 * Points labelled by name, the OLS fitted line of y on x (fitted values in the data as `fitted`), and
 * dashed rules at mean(x) and mean(y) that split the plane into quadrants; data rows `{label, x, y, fitted}`.
 * @example quadrantScatterFigure({ id: "figure3", title, points, xLabel, yLabel, lang: "en" });
 */
export function quadrantScatterFigure(args: QuadrantScatterArgs): FigureSpec {
  const fn = "quadrantScatterFigure";
  checkFigureArgs(fn, args, { xLabel: args.xLabel, yLabel: args.yLabel });
  const pts = args.points;
  if (!Array.isArray(pts) || pts.length < 2)
    throw new Error(
      `${fn}("${args.id}"): needs at least 2 points for a fitted line, got ${pts?.length ?? 0}`,
    );
  const xs = pts.map((p, i) => finite(p.x, `${fn}("${args.id}") point ${i + 1} ("${p.label}") x`));
  const ys = pts.map((p, i) => finite(p.y, `${fn}("${args.id}") point ${i + 1} ("${p.label}") y`));
  const { intercept, slope } = olsLine(xs, ys, `${fn}("${args.id}")`);
  const data = pts.map((p, i) => ({
    label: String(p.label),
    x: xs[i],
    y: ys[i],
    fitted: intercept + slope * xs[i],
  }));
  const xTitle = pickLabel(args.xLabel, args.lang);
  const yTitle = pickLabel(args.yLabel, args.lang);
  const x = { field: "x", type: "quantitative", title: xTitle, scale: { zero: false } };
  const y = { field: "y", type: "quantitative", title: yTitle, scale: { zero: false } };
  const dashed = { type: "rule", strokeDash: [5, 4], color: "#666666", strokeWidth: 1 };
  const vegaLite = {
    ...figureFrame(args),
    data: { values: data },
    layer: [
      {
        mark: dashed,
        encoding: { x: { aggregate: "mean", field: "x", type: "quantitative", title: xTitle } },
      },
      {
        mark: dashed,
        encoding: { y: { aggregate: "mean", field: "y", type: "quantitative", title: yTitle } },
      },
      {
        mark: { type: "line", color: "#c0392b", strokeWidth: 1.5 },
        encoding: { x, y: { field: "fitted", type: "quantitative", title: yTitle } },
      },
      { mark: { type: "circle", size: 36, color: "#1f4e79", opacity: 0.9 }, encoding: { x, y } },
      {
        mark: { type: "text", align: "left", baseline: "bottom", dx: 3, dy: -2, fontSize: 9 },
        encoding: { x, y, text: { field: "label", type: "nominal" } },
      },
    ],
  };
  return {
    id: args.id,
    title: args.title,
    data,
    vegaLite,
    ...(args.caption ? { caption: args.caption } : {}),
  };
}

/**
 * Intercept and slope of the least-squares line of y on x (centred sums, so it is stable for large x).
 * @example olsLine([0, 1, 2], [1, 3, 5], "fig"); // { intercept: 1, slope: 2 }
 */
export function olsLine(
  xs: readonly number[],
  ys: readonly number[],
  where: string,
): { intercept: number; slope: number } {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (!(sxx > 0))
    throw new Error(`${where}: all points have the same x, so no fitted line exists; check the data`);
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope };
}
