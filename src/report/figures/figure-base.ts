/** What every figure builder shares: the top-level Vega-Lite settings and input checks. */
import { wrapDisplay } from "../../text/display-width.js";
import { assertLang, type Lang, pickLabel } from "../lang.js";
import { assertOutputId } from "../output-id.js";
import type { Label } from "../table-spec.js";
import { checkLabel } from "../validate-table-spec.js";

const FONTS: Readonly<Record<Lang, string>> = {
  en: "Helvetica, Arial, sans-serif",
  zh: "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, SimHei, sans-serif",
};

/** A journal figure: 16 × 10 cm at 96 px per inch (the whole figure, caption included). */
export const FIGURE_SIZE_PX = { width: 605, height: 378 } as const;

/** Caption lines wrap at this many display columns (CJK characters count two), so a long source note never widens the figure. */
const CAPTION_COLUMNS = 110;

/**
 * Top-level Vega-Lite properties of a figure: schema, a caption block below the plot (the title, then
 * the source/notes wrapped to the figure's width, as in a journal), a fixed 16 × 10 cm size the
 * plot is fitted into, white background, fonts with Chinese faces first for `zh`.
 * @example ({ ...figureFrame({ title, lang: "en" }), data: { values: rows }, mark: "line" });
 */
export function figureFrame(args: { title: Label; caption?: Label; lang: Lang }): Record<string, unknown> {
  const title = pickLabel(args.title, args.lang);
  const caption = args.caption ? wrapDisplay(pickLabel(args.caption, args.lang), CAPTION_COLUMNS) : [];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      ...(caption.length ? { subtitle: caption } : {}),
      orient: "bottom",
      anchor: "start",
      frame: "group",
      fontSize: 12,
      subtitleFontSize: 9,
      subtitleColor: "#333",
      offset: 12,
    },
    width: FIGURE_SIZE_PX.width,
    height: FIGURE_SIZE_PX.height,
    autosize: { type: "fit", contains: "padding" },
    background: "white",
    config: { font: FONTS[args.lang], view: { stroke: null } },
  };
}

/**
 * Check the arguments every builder takes (id, language, title, caption, axis labels).
 * @example checkFigureArgs("kdensityFigure", args, { xLabel: args.xLabel });
 */
export function checkFigureArgs(
  fn: string,
  args: { id: unknown; title: Label; caption?: Label; lang: unknown },
  labels: Readonly<Record<string, Label | undefined>>,
): void {
  assertOutputId(args?.id, `${fn}: figure`);
  const where = `${fn}("${args.id}")`;
  assertLang(args.lang, where);
  checkLabel(args.title, `${where} title`);
  if (args.caption !== undefined) checkLabel(args.caption, `${where} caption`);
  for (const [name, l] of Object.entries(labels)) if (l !== undefined) checkLabel(l, `${where} ${name}`);
}

/**
 * Throw unless `v` is a finite number, naming where it was found.
 * @example finite(row.x, 'quadrantScatterFigure("figure3") point 4 ("CHN") x');
 */
export function finite(v: unknown, where: string): number {
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new Error(`${where} is ${String(v)}; give a finite number (drop or impute missing values first)`);
  return v;
}
