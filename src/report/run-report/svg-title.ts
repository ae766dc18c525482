/** The title a figure's SVG carries (Vega writes it as the ARIA label of the title mark). */

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The figure title inside a Vega SVG, or `fallback` when it has none.
 * @example svgTitle(svg, "figure1"); // "Figure 1. TFP growth across economies"
 */
export function svgTitle(svg: string, fallback: string): string {
  const m = svg.match(/aria-roledescription="title" aria-label="Title text '([^"]*)'"/);
  if (!m) return fallback;
  return m[1].replace(/&(amp|lt|gt|quot|apos|#(\d+));/g, (_, name: string, code?: string) =>
    code ? String.fromCodePoint(Number(code)) : ENTITIES[name],
  );
}
