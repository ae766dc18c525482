import { describe, expect, it } from "vitest";
import { describeText } from "../../src/io/describe-text.js";
import { alignColumns } from "../../src/text/align-columns.js";
import { displayWidth, truncateDisplay, wrapDisplay } from "../../src/text/display-width.js";

describe("display width (East Asian Width)", () => {
  it("counts CJK and fullwidth characters as two columns and Latin as one", () => {
    expect(displayWidth("robot")).toBe(5);
    expect(displayWidth("机器人")).toBe(6);
    expect(displayWidth("（全角）")).toBe(8);
    expect(displayWidth("行业ab")).toBe(6);
  });

  it("aligns console columns so Chinese and Latin cells end at the same screen column", () => {
    const lines = alignColumns(
      [
        ["变量", "均值"],
        ["robot", "1.5"],
        ["机器人进口", "12.25"],
      ],
      1,
    );
    const widths = lines.map(displayWidth);
    expect(new Set(widths).size).toBe(1);
    expect(lines[1]).toBe("robot         1.5");
  });

  it("lines up describe output for Chinese column names and values", () => {
    const row = (name: string, v: string) => ({
      name,
      type: "VARCHAR",
      label: "",
      n: 3,
      missing: 0,
      mean: null,
      sd: null,
      min: v,
      max: v,
    });
    const text = describeText("f.csv", 3, [row("企业名称", "上海机器人有限公司"), row("id", "x")]);
    const lines = text.split("\n").slice(1, 5);
    // every line's "N" column ends at the same display column
    const nEnd = (l: string) => displayWidth(l.slice(0, l.search(/\d\s/) + 1));
    expect(nEnd(lines[2])).toBe(nEnd(lines[3]));
  });

  it("truncates and wraps without splitting wide characters", () => {
    expect(truncateDisplay("机器人进口企业", 7)).toBe("机器人…");
    expect(wrapDisplay("Source: Penn World Table 9.1", 12)).toEqual(["Source: Penn", "World Table", "9.1"]);
    const zh = wrapDisplay("数据来源:佩恩表(Penn World Table 9.1),样本为各年份均有数据的经济体", 20);
    for (const l of zh) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    const noSpace = (x: string) => x.replace(/ /g, "");
    expect(noSpace(zh.join(""))).toBe(
      noSpace("数据来源:佩恩表(Penn World Table 9.1),样本为各年份均有数据的经济体"),
    );
  });
});
