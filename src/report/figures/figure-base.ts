/** What every figure builder shares: the top-level Vega-Lite settings and input checks. */
import { assertLang, type Lang, pickLabel } from "../lang.js";
import { assertOutputId } from "../output-id.js";
import type { Label } from "../table-spec.js";
import { checkLabel } from "../validate-table-spec.js";

const FONTS: Readonly<Record<Lang, string>> = {
  en: "Helvetica, Arial, sans-serif",
  zh: "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, SimHei, sans-serif",
};

/**
 * Top-level Vega-Lite properties of a figure: schema, title (caption as subtitle), size, white
 * background, fonts with Chinese faces first for `zh`.
 * @example ({ ...figureFrame({ title, lang: "en" }), data: { values: rows }, mark: "line" });
 */
export function figureFrame(args: { title: Label; caption?: Label; lang: Lang }): Record<string, unknown> {
  const title = pickLabel(args.title, args.lang);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: args.caption ? { text: title, subtitle: pickLabel(args.caption, args.lang) } : { text: title },
    width: 480,
    height: 320,
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
