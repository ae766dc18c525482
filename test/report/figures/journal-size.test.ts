import { describe, expect, it } from "vitest";
import { kdensityFigure } from "../../../src/report/figures/kdensity-figure.js";
import { render, texts } from "./figure-helpers.js";

const grid = Array.from({ length: 25 }, (_, i) => -2 + i * 0.2);
const longCaption = {
  en: `Source: ${"Penn World Table 9.1, Feenstra, Inklaar & Timmer (2015). ".repeat(5)}`,
  zh: `资料来源：${"佩恩表（Penn World Table 9.1），各年份均有数据的经济体。".repeat(5)}`,
};

describe("figures are journal-sized with the source in a caption below", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`keeps 16 × 10 cm (605 × 378 px) whatever the caption length, caption wrapped under the plot (${lang})`, async () => {
      const fig = kdensityFigure({
        id: "f",
        title: { en: "Figure 1. TFP", zh: "图 1 全要素生产率" },
        series: [
          {
            label: "1990",
            x: Float64Array.from(grid),
            density: Float64Array.from(grid, (v) => Math.exp(-v * v)),
          },
        ],
        xLabel: { en: "TFP", zh: "全要素生产率" },
        caption: longCaption,
        lang,
      });
      const { svg } = await render(fig);
      expect(svg).toMatch(/^<svg[^>]* width="605" height="378"/);
      const subtitle = svg.slice(svg.indexOf('aria-roledescription="subtitle"'));
      const lines = [
        ...subtitle.slice(0, subtitle.indexOf("</text>")).matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g),
      ].map((m) => m[1].replace(/&amp;/g, "&"));
      expect(lines.length).toBeGreaterThan(2);
      for (const l of lines) expect(longCaption[lang].replace(/\s+/g, "")).toContain(l.replace(/\s+/g, ""));
      // the title and caption come after (below) the plot and its axis title
      const capTitle = lang === "en" ? "Figure 1. TFP" : "图 1 全要素生产率";
      expect(texts(svg)).toContain(capTitle);
      const titleY = Number(svg.match(/role-title"><g transform="translate\([-\d.]+,([-\d.]+)\)/)?.[1]);
      expect(titleY).toBeGreaterThan(0.6 * 378);
    });
  }
});
