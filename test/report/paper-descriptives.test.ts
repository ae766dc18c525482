import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  loadPaperCoefficients,
  type PaperCoefficients,
  type PaperDescriptive,
  parsePaperCoefficients,
} from "../../src/report/paper-coefficients.js";
import { writePaperComparison } from "../../src/report/paper-comparison.js";
import { compareDescriptives, descriptivesSummary, paperScale } from "../../src/report/paper-descriptives.js";
import type { DescriptiveJson } from "../../src/report/descriptive-json.js";
import { renderDescriptivesMarkdown } from "../../src/report/paper-descriptives-render.js";

const desc = (
  panel: number | null,
  variable: string,
  mean: number,
  sd: number | null,
  min: number,
  max: number,
  n = 100,
): PaperDescriptive => ({
  table: "t1",
  panel,
  variable,
  name: `paper ${variable}`,
  n,
  mean,
  sd,
  min,
  max,
  printed: "",
});

/** A run's descriptive table as `descriptiveJson` writes it; panel labels in the run's language. */
function runTable(rows: [string | null, string, Record<string, number>][]): DescriptiveJson {
  return {
    id: "t1",
    title: "表 1",
    lang: "zh",
    stats: ["n", "mean", "min", "max"],
    stat_labels: [],
    rows: rows.map(([panel, variable, values]) => ({ variable, label: variable, panel, values })),
    notes: [],
  };
}

const TWO_PANELS = runTable([
  ["经济体-年份", "tfp", { n: 100, mean: -0.4, min: -1.6, max: 0.4 }],
  ["经济体-年份", "Exposure", { n: 100, mean: -1, min: -6, max: 3 }],
  ["经济体-行业-年份", "tfp", { n: 80, mean: 3.2, min: 2, max: 4.8 }],
]);

describe("paper's Table 1 beside the run's", () => {
  it("finds each variable in its panel by the panels' order, whatever the run's language, and a missing one as missing", () => {
    const rows = compareDescriptives(
      [
        desc(0, "tfp", -0.35, null, -1.35, 0.4),
        desc(1, "tfp", 3.05, null, -6, 5.6),
        desc(1, "Exposure", -1.5, null, -9, 5.3),
      ],
      (id) => (id === "t1" ? TWO_PANELS : null),
    );
    expect(rows[0].run?.mean).toBe(-0.4);
    expect(rows[0].panelLabel).toBe("经济体-年份");
    expect(rows[1].run?.mean).toBe(3.2);
    expect(rows[1].run?.n).toBe(80);
    expect(rows[2].run).toBeNull(); // Exposure is not in the second panel of the run
    expect(rows[2].meanGap).toBeNull();
    expect(compareDescriptives([desc(0, "tfp", 0, null, -1, 1)], () => null)[0].run).toBeNull();
  });

  it("measures the gap of the means in the paper's s.d., or a quarter of its range where it prints none", () => {
    expect(paperScale(desc(null, "x", 1, 2, -5, 5))).toBe(2);
    expect(paperScale(desc(null, "x", 1, null, -5, 5))).toBe(2.5);
    const rows = compareDescriptives([desc(0, "tfp", -0.35, null, -1.35, 0.45)], () => TWO_PANELS);
    expect(rows[0].meanGap).toBeCloseTo((-0.4 + 0.35) / (1.8 / 4), 12);
    const withSd = compareDescriptives([desc(null, "robot", 0.039, 0.07, 0, 0.388, 13452)], () =>
      runTable([[null, "robot", { n: 11296, mean: 0.0355, sd: 0.027, min: 0.003, max: 0.1 }]]),
    );
    expect(withSd[0].meanGap).toBeCloseTo((0.0355 - 0.039) / 0.07, 12);
    expect(withSd[0].run?.sd).toBe(0.027);
    expect(descriptivesSummary(withSd)).toBe(
      "means close for 1/1 (|gap| ≤ 0.5 of the paper's scale); N equal for 0/1",
    );
    const md = renderDescriptivesMarkdown(withSd, "demo");
    expect(md).toContain("| variable | N | mean | s.d. | min | max | gap |");
    expect(md).toContain(
      "| paper robot (robot) | 13452 / 11296 | 0.0390 / 0.0355 | 0.0700 / 0.0270 | 0 / 0.0030 |",
    );
    // In Chinese: the same cells under Chinese headers and summary.
    expect(descriptivesSummary(withSd, "zh")).toBe("均值接近 1/1（|差距| ≤ 原文尺度的 0.5）；N 相同 0/1");
    const zh = renderDescriptivesMarkdown(withSd, "demo", "zh");
    expect(zh).toContain("# 原文与复现结果对比：描述性统计（t1；demo）");
    expect(zh).toContain("| 变量 | N | 均值 | 标准差 | 最小值 | 最大值 | 差距 |");
    expect(zh).toContain(
      "| paper robot (robot) | 13452 / 11296 | 0.0390 / 0.0355 | 0.0700 / 0.0270 | 0 / 0.0030 |",
    );
  });

  it("rejects a papers file whose Table 1 mean lies outside its min and max, or repeats a variable of a panel", () => {
    const base: PaperCoefficients = {
      study: "demo",
      paper: "p",
      source: "s",
      coefficients: [
        { key: "t2.1.x", table: "t2", column: "1", term: "x", coef: 1, se: 1, stars: 0, printed: "" },
      ],
    };
    expect(() =>
      parsePaperCoefficients({ ...base, descriptives: [desc(0, "tfp", 2, null, -1, 1)] }, "papers/d.json"),
    ).toThrow(/papers\/d.json: descriptives\[0\] \(tfp\): mean 2 is outside \[min -1, max 1\]/);
    const twice = [desc(0, "tfp", 0, null, -1, 1), desc(0, "tfp", 0, null, -1, 1)];
    expect(() => parsePaperCoefficients({ ...base, descriptives: twice }, "f")).toThrow(
      /descriptives\[1\]: tfp of t1 panel 0 appears twice/,
    );
    const ok = parsePaperCoefficients(
      { ...base, descriptives: [desc(0, "tfp", 0, null, -1, 1), desc(1, "tfp", 0, null, -1, 1)] },
      "f",
    );
    expect(ok.descriptives).toHaveLength(2);
  });

  it("writes paper-descriptives.csv and .md, and one line in paper-comparison.md, only when the papers file has a Table 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "paper-desc-"));
    dirs.push(dir);
    await mkdir(join(dir, "tables"));
    await writeFile(join(dir, "tables", "t1.json"), JSON.stringify(TWO_PANELS));
    const coefficients: PaperCoefficients["coefficients"] = [
      { key: "t2.1.x", table: "t2", column: "1", term: "x", coef: 1, se: 1, stars: 0, printed: "" },
    ];
    const paper: PaperCoefficients = {
      study: "demo",
      paper: "p",
      source: "s",
      coefficients,
      descriptives: [desc(0, "tfp", -0.35, null, -1.35, 0.45, 100), desc(1, "tfp", 3.05, null, -6, 5.6, 90)],
    };
    await writePaperComparison(dir, "demo", paper);
    const csv = (await readFile(join(dir, "paper-descriptives.csv"), "utf8")).trim().split("\n");
    expect(csv[0]).toBe(
      "table,panel,variable,paper_name,paper_n,n,paper_mean,mean,paper_sd,sd,paper_min,min,paper_max,max,mean_gap",
    );
    expect(csv[1].split(",").slice(0, 10)).toEqual([
      "t1",
      "0",
      "tfp",
      "paper tfp",
      "100",
      "100",
      "-0.35",
      "-0.4",
      "",
      "",
    ]);
    expect(csv[2].split(",").slice(4, 8)).toEqual(["90", "80", "3.05", "3.2"]);
    const section = await readFile(join(dir, "paper-descriptives.md"), "utf8");
    expect(section.split("\n")[0]).toBe("# Paper beside reproduction, descriptive statistics (t1): demo");
    expect(section).toContain(
      "**Summary:** means close for 2/2 (|gap| ≤ 0.5 of the paper's scale); N equal for 1/2.",
    );
    expect(section).toContain(
      "| 经济体-年份 | paper tfp (tfp) | 100 / 100 | -0.3500 / -0.4000 | -1.3500 / -1.6000 | 0.4500 / 0.4000 | -0.11 |",
    );
    // Neither side has an s.d.: no s.d. column; a panel column, as the table has panels.
    expect(section).toContain("| panel | variable | N | mean | min | max | gap |");
    // The coefficient comparison keeps its own single table and summarises Table 1 in one line.
    const md = await readFile(join(dir, "paper-comparison.md"), "utf8");
    expect(md).toContain(
      "**Table 1:** means close for 2/2 (|gap| ≤ 0.5 of the paper's scale); N equal for 1/2; paper beside run in `paper-descriptives.md`.",
    );
    expect(md.split("\n").filter((l) => l.startsWith("| ")).length).toBe(2); // header + the one coefficient

    const bare = await mkdtemp(join(tmpdir(), "paper-desc-"));
    dirs.push(bare);
    await writePaperComparison(bare, "demo", { ...paper, descriptives: undefined });
    expect(existsSync(join(bare, "paper-descriptives.csv"))).toBe(false);
    expect(existsSync(join(bare, "paper-descriptives.md"))).toBe(false);
    expect(await readFile(join(bare, "paper-comparison.md"), "utf8")).not.toContain("**Table 1:**");
  });

  it("ships both papers' Table 1: study A's 10 variables with s.d., study B's 14 over its two panels without", () => {
    const a = loadPaperCoefficients("upstream-innovation")?.descriptives ?? [];
    expect(a.map((d) => d.variable).join(" ")).toBe(
      "lnspatent robot lnlp lnkfix lnklratio lnbdat lngdp second_rate lnedc_cost cic4_hhi",
    );
    expect(a.every((d) => d.sd !== null && d.panel === null)).toBe(true);
    expect(a[0]).toMatchObject({ n: 4016, mean: 1.686, sd: 1.315, min: 0, max: 8.72 });
    const b = loadPaperCoefficients("tfp-divergence")?.descriptives ?? [];
    const panel = (k: number) =>
      b
        .filter((d) => d.panel === k)
        .map((d) => d.variable)
        .join(" ");
    expect(panel(0)).toBe("tfp var_tfp Exposure Hc FDI Structure Internet lnprgdp");
    expect(panel(1)).toBe("tfp var_tfp Exposure lnweekwork lnsize lncapital");
    expect(b.every((d) => d.sd === null && d.n === (d.panel === 0 ? 1560 : 8610))).toBe(true);
    expect(b.find((d) => d.panel === 0 && d.variable === "Exposure")).toMatchObject({
      mean: -3.046,
      min: -13.4501,
    });
  });
});

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
