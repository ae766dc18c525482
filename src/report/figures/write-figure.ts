/** Write a figure: `<id>.svg` rendered with Vega-Lite/Vega in Node, and its data as `<id>.csv`. */
import { join } from "node:path";
import { writeFileAtomic } from "../atomic-write.js";
import { assertOutputId } from "../output-id.js";
import { checkLabel } from "../validate-table-spec.js";
import { figureCsv } from "./figure-csv.js";
import type { FigureSpec } from "./figure-spec.js";
import { renderVegaLiteSvg } from "./render-svg.js";

/**
 * Render and write `dir/<id>.svg` and `dir/<id>.csv` (creating `dir`, each written atomically after
 * both are ready); returns the two paths. Vega warnings are emitted as Node process warnings.
 * @example const [svg, csv] = await writeFigureOutputs(kdensityFigure({ ... }), "out/figures");
 */
export async function writeFigureOutputs(fig: FigureSpec, dir: string): Promise<string[]> {
  assertOutputId(fig?.id, "figure");
  const where = `figure "${fig.id}"`;
  checkLabel(fig.title, `${where} title`);
  if (fig.caption !== undefined) checkLabel(fig.caption, `${where} caption`);
  if (!Array.isArray(fig.data)) throw new Error(`${where}: "data" must be an array of rows`);
  if (!fig.vegaLite || typeof fig.vegaLite !== "object")
    throw new Error(`${where}: "vegaLite" must be a Vega-Lite spec object`);
  const csv = figureCsv(fig);
  const { svg, warnings } = await renderVegaLiteSvg(fig.vegaLite, where);
  for (const w of warnings) process.emitWarning(`${where}: ${w}`, "VegaWarning");
  const svgPath = join(dir, `${fig.id}.svg`);
  const csvPath = join(dir, `${fig.id}.csv`);
  await writeFileAtomic(svgPath, svg.endsWith("\n") ? svg : `${svg}\n`);
  await writeFileAtomic(csvPath, csv);
  return [svgPath, csvPath];
}
