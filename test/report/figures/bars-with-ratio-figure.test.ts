import { describe, expect, it } from "vitest";
import { barsWithRatioFigure } from "../../../src/report/figures/bars-with-ratio-figure.js";
import { countRole, warningsOf, dashedCount, render, texts } from "./figure-helpers.js";

const industries = ["Food", "Textiles", "Motor vehicles", "Computers & electronics", "Electrical equipment"];
const bars = industries.map((category, i) => ({ category, value: 1000 * (5 - i), ratio: 0.6 + 0.2 * i }));
const args = {
  id: "figure5",
  title: { en: "Robot installations by industry", zh: "各行业机器人安装量和基期产业结构" },
  bars,
  barLabel: { en: "Installations", zh: "安装量" },
  ratioLabel: { en: "High/low employment share", zh: "行业规模比值" },
  lang: "en" as const,
};

describe("barsWithRatioFigure", () => {
  it("draws a bar and a ratio point per category, the ratio line, and one dashed reference rule", async () => {
    const { svg } = await render(barsWithRatioFigure(args));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(await warningsOf(barsWithRatioFigure(args))).toEqual([]);
    expect(countRole(svg, "bar")).toBe(bars.length);
    expect(countRole(svg, "point")).toBe(bars.length);
    expect(countRole(svg, "line mark")).toBe(1);
    expect(countRole(svg, "rule mark")).toBe(1);
    expect(dashedCount(svg)).toBe(1);
    const t = texts(svg);
    for (const s of [args.title.en, "Installations", "High/low employment share", "Food"])
      expect(t).toContain(s);
    expect(t).toContain("Computers &amp; electronics");
  });

  it("keeps the categories in the given order in the CSV", async () => {
    const { csv } = await render(barsWithRatioFigure(args));
    expect(csv[0]).toEqual(["category", "value", "ratio"]);
    expect(csv.slice(1).map((r) => r[0])).toEqual(industries);
  });

  it("puts the reference rule at referenceRatio on the ratio axis: level with the point whose ratio is 1", async () => {
    const dashedY = (svg: string) =>
      [
        ...svg.matchAll(/<line[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*stroke-dasharray="5,4"/g),
      ].map((m) => Number(m[2]));
    const pointY = (svg: string) =>
      [...svg.matchAll(/aria-roledescription="point" transform="translate\(([-\d.]+),([-\d.]+)\)"/g)].map(
        (m) => Number(m[2]),
      );
    const { svg } = await render(barsWithRatioFigure(args));
    expect(bars[2].ratio).toBe(1);
    expect(dashedY(svg)).toEqual([pointY(svg)[2]]);
    const moved = (await render(barsWithRatioFigure({ ...args, referenceRatio: 1.4 }))).svg;
    expect(dashedY(moved)).toEqual([pointY(moved)[4]]);
  });

  it("shows Chinese axis titles for zh and rejects a duplicate category", async () => {
    const { svg } = await render(barsWithRatioFigure({ ...args, lang: "zh" }));
    for (const s of [args.title.zh, "安装量", "行业规模比值"]) expect(texts(svg)).toContain(s);
    expect(() => barsWithRatioFigure({ ...args, bars: [...bars, bars[0]] })).toThrow("category used twice");
  });
});
