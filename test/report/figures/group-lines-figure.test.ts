import { describe, expect, it } from "vitest";
import { groupLinesFigure } from "../../../src/report/figures/group-lines-figure.js";
import { countRole, warningsOf, render, texts } from "./figure-helpers.js";

const years = [2000, 2001, 2002, 2003, 2004];
const rows = years.flatMap((t) => [
  { group: "高生产率经济体", t, value: 0.5 + 0.2 * (t - 2000) },
  { group: "低生产率经济体", t, value: 0.1 + 0.05 * (t - 2000) },
]);
const args = {
  id: "figure4",
  title: { en: "Robots per worker", zh: "不同经济体分组人均机器人保有量的时序变化" },
  rows,
  xLabel: { en: "Year", zh: "年份" },
  yLabel: { en: "Robots per worker", zh: "人均机器人保有量" },
  lang: "zh" as const,
};

describe("groupLinesFigure", () => {
  it("draws one line per group and a point per row, Chinese group names and titles as text, years without separators", async () => {
    const { svg } = await render(groupLinesFigure(args));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(await warningsOf(groupLinesFigure(args))).toEqual([]);
    expect(countRole(svg, "line mark")).toBe(2);
    expect(countRole(svg, "point")).toBe(rows.length);
    const t = texts(svg);
    for (const s of [
      "高生产率经济体",
      "低生产率经济体",
      args.title.zh,
      "年份",
      "人均机器人保有量",
      "2000",
      "2004",
    ])
      expect(t).toContain(s);
    expect(t).not.toContain("2,000");
  });

  it("writes the rows as CSV grouped in order of first appearance, then by time", async () => {
    const shuffled = [...rows].reverse();
    const { csv } = await render(groupLinesFigure({ ...args, rows: shuffled }));
    expect(csv[0]).toEqual(["group", "t", "value"]);
    expect(csv.slice(1, 6).map((r) => [r[0], r[1]])).toEqual(years.map((t) => ["低生产率经济体", String(t)]));
  });

  it("rejects two values for one group and time", () => {
    expect(() => groupLinesFigure({ ...args, rows: [...rows, rows[0]] })).toThrow(
      'group "高生产率经济体" has two values at t = 2000',
    );
  });
});
