/** Helpers for the figure tests: write a figure to a fresh folder and inspect the SVG and CSV. */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FigureSpec } from "../../../src/report/figures/figure-spec.js";
import { renderVegaLiteSvg } from "../../../src/report/figures/render-svg.js";
import { writeFigureOutputs } from "../../../src/report/figures/write-figure.js";
import { parseCsv } from "../regression-fixtures.js";

/** Write the figure and read back its SVG and CSV (parsed). */
export async function render(
  fig: FigureSpec,
): Promise<{ paths: string[]; svg: string; csv: string[][]; raw: string }> {
  const paths = await writeFigureOutputs(fig, await mkdtemp(join(tmpdir(), "fig-")));
  const svg = await readFile(paths[0], "utf8");
  const raw = await readFile(paths[1], "utf8");
  return { paths, svg, csv: parseCsv(raw), raw };
}

/** How many SVG elements carry this ARIA role description (Vega labels every mark item with one). */
export function countRole(svg: string, role: string): number {
  return svg.split(`aria-roledescription="${role}"`).length - 1;
}

/** The texts of the SVG's <text> elements. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

/** Number of SVG elements drawn dashed (a non-trivial stroke-dasharray). */
export function dashedCount(svg: string): number {
  return [...svg.matchAll(/stroke-dasharray="([^"]+)"/g)].filter((m) => m[1] !== "1,0").length;
}

/** The warnings Vega-Lite and Vega emit for a figure's spec (a builder's spec should raise none). */
export async function warningsOf(fig: FigureSpec): Promise<readonly string[]> {
  return (await renderVegaLiteSvg(fig.vegaLite, fig.id)).warnings;
}
