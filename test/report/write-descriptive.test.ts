import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DescriptiveSpec } from "../../src/report/table-spec.js";
import { writeDescriptiveOutputs } from "../../src/report/write-table.js";
import { L, parseCsv, shown } from "./regression-fixtures.js";

const spec: DescriptiveSpec = {
  id: "table1",
  title: L("Descriptive statistics", "变量描述性统计结果"),
  stats: ["n", "mean", "sd", "min", "max"],
  rows: [
    {
      variable: "ln_ctfp",
      label: L("ln ctfp", "全要素生产率"),
      values: { n: 1560, mean: -0.34612, sd: 0.3, min: -1.34551, max: 0.39577 },
    },
    {
      variable: "var_ctfp",
      label: L("Var_ctfp", "生产率分化"),
      values: { n: 1560, mean: 0.2347, sd: null, min: 0.00002, max: 0.9828 },
    },
    {
      variable: "lp",
      label: L("LP", "全要素生产率"),
      values: { n: 8610, mean: 3.0484, sd: 1.2, min: -6.0345, max: 5.6317 },
    },
  ],
  panels: [
    { label: L("Economy level", "经济体层面"), from: 0, to: 2 },
    { label: L("Industry level", "行业层面"), from: 2, to: 3 },
  ],
  notes: [L("Source: PWT 10.01.", "来源：PWT 10.01。")],
};

async function write(s: DescriptiveSpec, lang: "en" | "zh") {
  const paths = await writeDescriptiveOutputs(s, await mkdtemp(join(tmpdir(), "desc-")), lang);
  const [md, tex, csv, json] = await Promise.all(paths.map((p) => readFile(p, "utf8")));
  return { paths, md, tex, csv, json };
}

describe("writeDescriptiveOutputs", () => {
  it("prints variable | N | mean | s.d. | min | max with N as an integer, 4 decimals, blanks for null, panel headings", async () => {
    const { md, paths } = await write(spec, "en");
    expect(paths.map((p) => p.slice(p.lastIndexOf("/") + 1))).toEqual([
      "table1.md",
      "table1.tex",
      "table1.csv",
      "table1.json",
    ]);
    expect(md).toContain("| Variable | N | Mean | S.D. | Min | Max |");
    expect(md).toContain("| **Economy level** | | | | | |");
    expect(md).toContain("| ln ctfp | 1560 | -0.3461 | 0.3000 | -1.3455 | 0.3958 |");
    expect(md).toContain("| Var_ctfp | 1560 | 0.2347 | | 2.000e-5 | 0.9828 |");
    expect(md.indexOf("**Industry level**")).toBeLessThan(md.indexOf("| LP |"));
    expect(md).toContain("\n\nSource: PWT 10.01.\n");
  });

  it("in Chinese uses 变量/样本量/均值 headings; LaTeX has a \\midrule per panel and italic panel rows", async () => {
    const { md, tex } = await write(spec, "zh");
    expect(md).toContain("| 变量 | 样本量 | 均值 | 标准差 | 最小值 | 最大值 |");
    expect(tex).toContain("\\multicolumn{6}{l}{\\textit{经济体层面}} \\\\");
    expect(tex.split("\\midrule").length - 1).toBe(2);
    expect(tex).toContain("\\label{tab:table1}");
    expect(tex).toContain("生产率分化 & 1560 & 0.2347 &  & 2.000e-5 & 0.9828 \\\\");
  });

  it("writes CSV cells as printed and JSON with the raw numbers and panel of each row", async () => {
    const { csv, json } = await write(spec, "en");
    const rows = parseCsv(csv.slice(1));
    for (const r of rows) expect(r.length).toBe(6);
    const lp = rows.find((r) => r[0] === "LP")!;
    expect(lp.map(shown)).toEqual(["LP", "8610", "3.0484", "1.2000", "-6.0345", "5.6317"]);
    const j = JSON.parse(json);
    expect(j.stats).toEqual(["n", "mean", "sd", "min", "max"]);
    expect(j.rows[1]).toEqual({
      variable: "var_ctfp",
      label: "Var_ctfp",
      panel: "Economy level",
      values: { n: 1560, mean: 0.2347, sd: null, min: 0.00002, max: 0.9828 },
    });
  });

  it("is byte-identical across runs", async () => {
    const a = await write(spec, "zh");
    const b = await write(spec, "zh");
    expect([a.md, a.tex, a.csv, a.json]).toEqual([b.md, b.tex, b.csv, b.json]);
  });

  it("rejects panels that do not partition the rows (e.g. an inclusive `to`), and rows missing a statistic", async () => {
    const dir = await mkdtemp(join(tmpdir(), "descerr-"));
    const inclusive = {
      ...spec,
      panels: [
        { label: L("a", "a"), from: 0, to: 1 },
        { label: L("b", "b"), from: 2, to: 2 },
      ],
    };
    await expect(writeDescriptiveOutputs(inclusive, dir, "en")).rejects.toThrow(
      'descriptive table "table1" panel 2 covers rows.slice(2, 2) but must start at row index 1',
    );
    const short = { ...spec, panels: [{ label: L("a", "a"), from: 0, to: 2 }] };
    await expect(writeDescriptiveOutputs(short, dir, "en")).rejects.toThrow(
      "the panels end at row index 2 but there are 3 rows",
    );
    const missing = { ...spec, stats: [...spec.stats, "median" as const] };
    await expect(writeDescriptiveOutputs(missing, dir, "en")).rejects.toThrow(
      'descriptive table "table1" row 1 ("ln_ctfp") has no value for "median"; give a number, or null',
    );
  });
});
