/**
 * Render a Vega-Lite spec to SVG in Node, with no browser, canvas or network: compile to Vega, run a
 * headless view, serialise. Text widths are estimated (no canvas), which only affects label layout.
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** An SVG document and the warnings Vega-Lite and Vega emitted while making it. */
export interface RenderedSvg {
  readonly svg: string;
  readonly warnings: readonly string[];
}

/**
 * Compile and render a Vega-Lite spec (inline data only) to an SVG string; ids Vega numbers per
 * process (clip paths, gradients) are renumbered in order of appearance so two renders are identical.
 * @example const { svg } = await renderVegaLiteSvg(fig.vegaLite, "figure3");
 */
export async function renderVegaLiteSvg(spec: object, where: string): Promise<RenderedSvg> {
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, "warn", (_method, _level, args) => {
    warnings.push(args.map(String).join(" "));
  });
  let vgSpec: vega.Spec;
  try {
    vgSpec = compile(spec as TopLevelSpec, { logger }).spec;
  } catch (err) {
    throw new Error(
      `${where}: the Vega-Lite spec does not compile (${(err as Error).message}); fix the figure spec`,
    );
  }
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none", logger });
  try {
    const svg = await view.toSVG();
    return { svg: renumberIds(svg), warnings };
  } catch (err) {
    throw new Error(
      `${where}: rendering failed (${(err as Error).message}); check the figure's data and encodings`,
    );
  } finally {
    view.finalize();
  }
}

function renumberIds(svg: string): string {
  const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  if (!ids.length) return svg;
  const map = new Map<string, string>();
  for (const id of ids) if (!map.has(id)) map.set(id, `${id.replace(/\d+$/, "")}_${map.size + 1}`);
  return svg.replace(/\bid="([^"]+)"|url\(#([^)]+)\)|href="#([^"]+)"/g, (all, a, b, c) => {
    if (a) return `id="${map.get(a) ?? a}"`;
    if (b) return `url(#${map.get(b) ?? b})`;
    return map.has(c) ? `href="#${map.get(c)}"` : all;
  });
}
