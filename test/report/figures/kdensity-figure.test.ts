import { describe, expect, it } from "vitest";
import { kdensityFigure } from "../../../src/report/figures/kdensity-figure.js";
import { countRole, warningsOf, render, texts } from "./figure-helpers.js";

const grid = Array.from({ length: 25 }, (_, i) => -2 + i * 0.2);
const series = ["1994", "2004", "2019"].map((label, k) => ({
  label,
  x: Float64Array.from(grid),
  density: Float64Array.from(grid, (v) => Math.exp(-((v - 0.4 * k) ** 2)) / Math.sqrt(Math.PI)),
}));
const args = {
  id: "figure2",
  title: { en: "Divergence of TFP", zh: "各经济体全要素生产率分化趋势" },
  series,
  xLabel: { en: "ln ctfp", zh: "全要素生产率（对数）" },
  caption: { en: "Source: PWT 10.01", zh: "资料来源：PWT 10.01" },
  lang: "zh" as const,
};

describe("kdensityFigure", () => {
  it("draws one line per series, with the Chinese title, caption, axis titles and legend as SVG text", async () => {
    const { svg, paths } = await render(kdensityFigure(args));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(await warningsOf(kdensityFigure(args))).toEqual([]);
    expect(paths.map((p) => p.slice(p.lastIndexOf("/") + 1))).toEqual(["figure2.svg", "figure2.csv"]);
    expect(countRole(svg, "line mark")).toBe(3);
    const t = texts(svg);
    for (const s of [
      "各经济体全要素生产率分化趋势",
      "资料来源：PWT 10.01",
      "全要素生产率（对数）",
      "核密度",
      "1994",
      "2004",
      "2019",
    ])
      expect(t).toContain(s);
    expect(svg).toContain("Noto Sans CJK SC");
  });

  it("writes the plotted points as CSV rows series,x,density in series order", async () => {
    const { csv } = await render(kdensityFigure({ ...args, lang: "en" }));
    expect(csv[0]).toEqual(["series", "x", "density"]);
    expect(csv.length).toBe(1 + 3 * grid.length);
    expect(csv[1 + grid.length]).toEqual(["2004", String(grid[0]), String(series[1].density[0])]);
  });

  it("uses the English default y label and renders byte-identically twice", async () => {
    const a = await render(kdensityFigure({ ...args, lang: "en" }));
    const b = await render(kdensityFigure({ ...args, lang: "en" }));
    expect(texts(a.svg)).toContain("Density");
    expect(a.svg).toBe(b.svg);
    expect(a.raw).toBe(b.raw);
  });

  it("rejects unequal lengths, non-finite densities and duplicate labels, naming the series and index", () => {
    const bad = { label: "2019", x: [0, 1, 2], density: [0.1, 0.2] };
    expect(() => kdensityFigure({ ...args, series: [bad] })).toThrow(
      'kdensityFigure("figure2") series 1 ("2019") has 3 points and 2 densities',
    );
    const nan = { label: "2019", x: [0, 1], density: [0.1, Number.NaN] };
    expect(() => kdensityFigure({ ...args, series: [nan] })).toThrow(
      'kdensityFigure("figure2") series 1 ("2019") density[1] is NaN; give a finite number',
    );
    expect(() => kdensityFigure({ ...args, series: [series[0], series[0]] })).toThrow("label used twice");
  });
});
