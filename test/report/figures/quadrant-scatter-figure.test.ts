import { describe, expect, it } from "vitest";
import { olsLine, quadrantScatterFigure } from "../../../src/report/figures/quadrant-scatter-figure.js";
import { countRole, warningsOf, dashedCount, render, texts } from "./figure-helpers.js";

const names = ["CHN", "CZE", "SVK", "USA", "DEU", "JPN", "KOR"];
const points = names.map((label, i) => ({ label, x: 0.3 + 0.1 * i, y: 0.5 + 0.8 * i + (i % 3) * 0.4 }));
const args = {
  id: "figure3",
  title: { en: "Robot installations and base-year TFP", zh: "机器人安装量与基期全要素生产率" },
  points,
  xLabel: { en: "Base-year TFP", zh: "基期全要素生产率" },
  yLabel: { en: "Robots per 100 workers", zh: "每百人机器人安装量" },
  lang: "en" as const,
};

describe("quadrantScatterFigure", () => {
  it("draws a circle and a label per point, one fitted line and two dashed mean lines", async () => {
    const { svg } = await render(quadrantScatterFigure(args));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(await warningsOf(quadrantScatterFigure(args))).toEqual([]);
    expect(countRole(svg, "circle")).toBe(points.length);
    expect(countRole(svg, "text mark")).toBe(points.length);
    expect(countRole(svg, "line mark")).toBe(1);
    expect(countRole(svg, "rule mark")).toBe(2);
    expect(dashedCount(svg)).toBe(2);
    const t = texts(svg);
    for (const s of [...names, args.title.en, args.xLabel.en, args.yLabel.en]) expect(t).toContain(s);
  });

  it("puts the OLS fitted values in the data: exact on a straight line, and the mean point lies on the line", async () => {
    const line = points.map((p) => ({ ...p, y: 2 + 3 * p.x }));
    const fig = quadrantScatterFigure({ ...args, points: line });
    for (const row of fig.data) expect(row.fitted as number).toBeCloseTo(row.y as number, 12);
    const { intercept, slope } = olsLine(
      points.map((p) => p.x),
      points.map((p) => p.y),
      "t",
    );
    const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
    const my = points.reduce((s, p) => s + p.y, 0) / points.length;
    expect(intercept + slope * mx).toBeCloseTo(my, 12);
    const { csv } = await render(quadrantScatterFigure(args));
    expect(csv[0]).toEqual(["label", "x", "y", "fitted"]);
    expect(csv.slice(1).map((r) => r[0])).toEqual(names);
    expect(Number(csv[3][3])).toBe(intercept + slope * points[2].x);
  });

  it("shows Chinese axis titles for zh", async () => {
    const { svg } = await render(quadrantScatterFigure({ ...args, lang: "zh" }));
    for (const s of [args.title.zh, args.xLabel.zh, args.yLabel.zh]) expect(texts(svg)).toContain(s);
  });

  it("rejects a point with missing y and data with a single x value", () => {
    const bad = [...points.slice(0, 2), { label: "FRA", x: 1, y: Number.NaN }];
    expect(() => quadrantScatterFigure({ ...args, points: bad })).toThrow(
      'quadrantScatterFigure("figure3") point 3 ("FRA") y is NaN',
    );
    const flat = points.map((p) => ({ ...p, x: 1 }));
    expect(() => quadrantScatterFigure({ ...args, points: flat })).toThrow("all points have the same x");
  });
});
