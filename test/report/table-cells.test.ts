import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TableSpec } from "../../src/report/table-spec.js";
import { writeTableOutputs } from "../../src/report/write-table.js";
import { expectedStars, L, makeResults } from "./regression-fixtures.js";

const r = makeResults();

async function markdown(spec: TableSpec, lang: "en" | "zh" = "en"): Promise<string> {
  const paths = await writeTableOutputs(spec, await mkdtemp(join(tmpdir(), "cells-")), lang);
  return readFile(paths[0], "utf8");
}

function rowCells(md: string, label: string): string[] {
  const line = md.split("\n").find((l) => l.startsWith(`| ${label} |`));
  if (!line) throw new Error(`no row ${label} in\n${md}`);
  return line
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());
}

function seCells(md: string, label: string): string[] {
  const lines = md.split("\n");
  const i = lines.findIndex((l) => l.startsWith(`| ${label} |`));
  return lines[i + 1]
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());
}

const base = (over: Partial<TableSpec>): TableSpec => ({
  id: "t",
  title: L("T", "表"),
  columns: [{ label: L("A", "甲"), result: r.ols }],
  rows: [{ term: "d", label: L("d", "d") }],
  footer: [],
  ...over,
});

describe("coefficient cells", () => {
  it("prints an insignificant coefficient (p ≥ 0.1) without stars", async () => {
    const x2 = r.olsNoise.coefficients.find((c) => c.term === "x2")!;
    expect(x2.p).toBeGreaterThan(0.1);
    const md = await markdown(
      base({
        columns: [{ label: L("A", "A"), result: r.olsNoise }],
        rows: [{ term: "x2", label: L("x2", "x2") }],
      }),
    );
    expect(rowCells(md, "x2")[1]).toBe(x2.estimate.toFixed(4));
  });

  it("switches a coefficient that would print as 0.0000 to scientific notation, and its SE likewise", async () => {
    const c = r.olsTiny.coefficients.find((x) => x.term === "x1big")!;
    expect(Math.abs(c.estimate)).toBeLessThan(5e-5);
    const md = await markdown(
      base({
        columns: [{ label: L("A", "A"), result: r.olsTiny }],
        rows: [{ term: "x1big", label: L("x1", "x1") }],
      }),
    );
    expect(rowCells(md, "x1")[1]).toBe(`${c.estimate.toExponential(3)}${expectedStars(c.p)}`);
    expect(seCells(md, "x1")[1]).toBe(`(${c.se.toExponential(3)})`);
  });

  it("honours the table's and a row's decimals", async () => {
    const d = r.ols.coefficients.find((c) => c.term === "d")!;
    const x1 = r.ols.coefficients.find((c) => c.term === "x1")!;
    const md = await markdown(
      base({
        decimals: 3,
        rows: [
          { term: "d", label: L("d", "d") },
          { term: "x1", label: L("x1", "x1"), decimals: 2 },
        ],
      }),
    );
    expect(rowCells(md, "d")[1]).toBe(`${d.estimate.toFixed(3)}${expectedStars(d.p)}`);
    expect(seCells(md, "x1")[1]).toBe(`(${x1.se.toFixed(2)})`);
  });

  it("shows a firstStageOf row from each 2SLS column's first stage, blank in OLS columns", async () => {
    const z = r.iv.iv!.first_stage[0].coefficients.find((c) => c.term === "z")!;
    const md = await markdown(
      base({
        columns: [
          { label: L("OLS", "OLS"), result: r.ols },
          { label: L("2SLS", "2SLS"), result: r.iv },
        ],
        rows: [
          { term: "d", label: L("d", "d") },
          { term: "z", label: L("First stage: z", "第一阶段：z"), firstStageOf: "d" },
        ],
      }),
    );
    expect(rowCells(md, "First stage: z").slice(1)).toEqual([
      "",
      `${z.estimate.toFixed(4)}${expectedStars(z.p)}`,
    ]);
  });

  it("leaves a term missing from one column blank there", async () => {
    const md = await markdown(
      base({
        columns: [
          { label: L("A", "A"), result: r.ols },
          { label: L("B", "B"), result: r.olsNoise },
        ],
        rows: [{ term: "x1", label: L("x1", "x1") }],
      }),
    );
    expect(rowCells(md, "x1")[2]).toBe("");
    expect(seCells(md, "x1")[2]).toBe("");
  });
});

describe("footer statistics", () => {
  it("shows the Hansen J p-value when over-identified and blank when exactly identified", async () => {
    const p = r.ivOver.iv!.overid!.p!;
    expect(r.iv.iv!.overid).toBeNull();
    const md = await markdown(
      base({
        columns: [
          { label: L("A", "A"), result: r.ivOver },
          { label: L("B", "B"), result: r.iv },
        ],
        footer: [{ key: "j", label: L("Hansen J p", "Hansen J p"), stat: "hansen_p" }],
      }),
    );
    expect(rowCells(md, "Hansen J p").slice(1)).toEqual([p.toFixed(4), ""]);
  });

  it("shows within R² for an FE model and blank without FE; adjusted R² with 4 decimals", async () => {
    const md = await markdown(
      base({
        columns: [
          { label: L("A", "A"), result: r.ols },
          { label: L("B", "B"), result: r.olsNoise },
        ],
        footer: [
          { key: "w", label: L("Within R2", "组内 R2"), stat: "within_r2" },
          { key: "a", label: L("Adj R2", "调整 R2"), stat: "adj_r2" },
        ],
      }),
    );
    expect(r.ols.fit.within_r2).not.toBeNull();
    expect(rowCells(md, "Within R2").slice(1)).toEqual([r.ols.fit.within_r2!.toFixed(4), ""]);
    expect(rowCells(md, "Adj R2").slice(1)).toEqual([
      r.ols.fit.adj_r2.toFixed(4),
      r.olsNoise.fit.adj_r2.toFixed(4),
    ]);
  });

  it("under iid shows Anderson's LM in the LM row and leaves the KP Wald F blank (ivreg2 reports none)", async () => {
    const u = r.ivIid.iv!.underid;
    expect(u.name).toBe("Anderson canon. corr. LM");
    const md = await markdown(
      base({
        columns: [{ label: L("A", "A"), result: r.ivIid }],
        footer: [
          { key: "lm", label: L("LM", "LM"), stat: "kp_lm" },
          { key: "kpf", label: L("KP F", "KP F"), stat: "kp_f" },
          { key: "cdf", label: L("CD F", "CD F"), stat: "cd_f" },
        ],
      }),
    );
    expect(rowCells(md, "LM")[1]).toBe(`${u.stat!.toFixed(2)} [${u.p!.toFixed(4)}]`);
    expect(rowCells(md, "KP F")[1]).toBe("");
    expect(rowCells(md, "CD F")[1]).toBe(r.ivIid.iv!.weakid.cd_f!.toFixed(2));
  });
});

describe("column groups", () => {
  it("prints a spanning heading over the grouped columns (\\multicolumn and \\cmidrule in LaTeX)", async () => {
    const spec = base({
      columns: [
        { label: L("A", "A"), result: r.ols },
        { label: L("B", "B"), result: r.ols },
        { label: L("C", "C"), result: r.ols },
      ],
      columnGroups: [{ label: L("Country-year", "经济体-年份维度"), first: 2, last: 3 }],
    });
    const paths = await writeTableOutputs(spec, await mkdtemp(join(tmpdir(), "grp-")), "zh");
    const tex = await readFile(paths[1], "utf8");
    expect(tex).toContain(
      " &  & \\multicolumn{2}{c}{经济体-年份维度} \\\\\n\\cmidrule(lr){3-4}\n变量 & (1) & (2) & (3)",
    );
    const md = await readFile(paths[0], "utf8");
    expect(md).toContain("| 变量 | (1) | (2) | (3) |\n|:--|:-:|:-:|:-:|\n| | | 经济体-年份维度 | |");
  });
});
