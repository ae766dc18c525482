/** A figure's SVG made fit to sit inline in a page with other figures: unique ids, scalable size. */

/**
 * Prefix every id (and its `url(#…)`/`href="#…"` references) with `prefix`, drop the XML prologue,
 * and let CSS scale the figure (the viewBox keeps its aspect).
 * @example inlineSvg(svg, "figure1"); // '<svg … id="figure1-clip_1" …'
 */
export function inlineSvg(svg: string, prefix: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, "")
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`)
    .replace(/^<svg\b/, `<svg role="img" class="figure-svg"`)
    .trim();
}
