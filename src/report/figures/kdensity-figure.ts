/** Overlaid kernel-density curves, one per series (study B Figures 1 and 2: one curve per year). */
import type { Lang } from "../lang.js";
import { pickLabel } from "../lang.js";
import type { Label } from "../table-spec.js";
import { checkFigureArgs, figureFrame, finite } from "./figure-base.js";
import type { FigureSpec } from "./figure-spec.js";

/** Arguments of {@link kdensityFigure}. */
export interface KdensityFigureArgs {
  readonly id: string;
  readonly title: Label;
  /** One curve each: evaluation points `x` and the density there (e.g. from `kdensity`'s `at`/`density`). */
  readonly series: readonly {
    readonly label: string;
    readonly x: ArrayLike<number>;
    readonly density: ArrayLike<number>;
  }[];
  readonly xLabel: Label;
  /** Default: Density / 核密度. */
  readonly yLabel?: Label;
  readonly caption?: Label;
  readonly lang: Lang;
}

/**
 * Overlaid density curves distinguished by colour and dash, legend in the given series order; data
 * rows `{series, x, density}`.
 * @example kdensityFigure({ id: "figure1", title, series: [{ label: "1994", x, density }], xLabel, lang: "zh" });
 */
export function kdensityFigure(args: KdensityFigureArgs): FigureSpec {
  const fn = "kdensityFigure";
  checkFigureArgs(fn, args, { xLabel: args.xLabel, yLabel: args.yLabel });
  if (!Array.isArray(args.series) || args.series.length === 0)
    throw new Error(`${fn}("${args.id}"): no series; give at least one {label, x, density}`);
  const labels: string[] = [];
  const data: { series: string; x: number; density: number }[] = [];
  args.series.forEach((s, k) => {
    const where = `${fn}("${args.id}") series ${k + 1} ("${s.label}")`;
    if (typeof s.label !== "string" || s.label === "") throw new Error(`${where} has no label`);
    if (labels.includes(s.label)) throw new Error(`${where}: label used twice; series labels must differ`);
    labels.push(s.label);
    if (s.x.length !== s.density.length || s.x.length < 2)
      throw new Error(
        `${where} has ${s.x.length} points and ${s.density.length} densities; give equally long arrays of at least 2 points`,
      );
    for (let i = 0; i < s.x.length; i++)
      data.push({
        series: s.label,
        x: finite(s.x[i], `${where} x[${i}]`),
        density: finite(s.density[i], `${where} density[${i}]`),
      });
  });
  const yTitle = pickLabel(args.yLabel ?? { en: "Density", zh: "核密度" }, args.lang);
  const vegaLite = {
    ...figureFrame(args),
    data: { values: data },
    mark: { type: "line", strokeWidth: 1.5 },
    encoding: {
      x: {
        field: "x",
        type: "quantitative",
        title: pickLabel(args.xLabel, args.lang),
        scale: { zero: false },
      },
      y: { field: "density", type: "quantitative", title: yTitle },
      color: { field: "series", type: "nominal", title: null, scale: { domain: labels } },
      strokeDash: { field: "series", type: "nominal", title: null, scale: { domain: labels } },
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
