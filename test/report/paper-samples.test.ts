import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type PaperCoefficients, parsePaperCoefficients } from "../../src/report/paper-coefficients.js";
import { writePaperComparison } from "../../src/report/paper-comparison.js";
import {
  compareSamples,
  renderSamplesCsv,
  renderSamplesMarkdown,
  samplesSummary,
} from "../../src/report/paper-samples.js";
import type { TableJson } from "../../src/report/table-json.js";

/** A table JSON with the given N by column number (only what the sample comparison reads). */
function table(id: string, nobs: Record<number, number>): TableJson {
  return {
    id,
    columns: Object.entries(nobs).map(([n, k]) => ({ number: Number(n), result: { nobs: k } })),
    rows: [],
  } as unknown as TableJson;
}

const TABLES: Record<string, TableJson> = {
  t2: table("t2", { 1: 3248, 2: 3248 }),
  t5: table("t5", { 1: 817 }),
};
const lookup = (id: string) => TABLES[id] ?? null;

const PAPER: PaperCoefficients = {
  study: "demo",
  paper: "A & B (2024)",
  source: "seed",
  coefficients: [
    { key: "t2.1.x", table: "t2", column: "1", term: "x", coef: -1, se: 0.5, stars: 2, printed: "-1 (0.5)" },
  ],
  samples: [
    { table: "t2", column: "1", n: 3248 },
    { table: "t2", column: "2", n: 3172 },
    { table: "t5", column: "1", n: 283 },
    { table: "t5", column: "2", n: 786 },
  ],
};

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("paper samples beside the run's", () => {
  it("pairs each printed N with the run's N of the same column, and the relative gap", () => {
    const rows = compareSamples(PAPER.samples ?? [], lookup);
    expect(rows.map((r) => [r.runN, r.gap === null ? null : Number(r.gap.toFixed(4))])).toEqual([
      [3248, 0],
      [3248, Number((3248 / 3172 - 1).toFixed(4))],
      [817, Number((817 / 283 - 1).toFixed(4))],
      [null, null],
    ]);
    expect(samplesSummary(rows)).toBe("N equal for 1/4 columns, within 10% for 2/4 (1 not in the run)");
  });

  it("writes one CSV and one Markdown row per printed column, marking those more than 10% off", () => {
    const rows = compareSamples(PAPER.samples ?? [], lookup);
    const csv = renderSamplesCsv(rows).trim().split("\n");
    expect(csv[0]).toBe("table,column,paper_n,n,gap");
    expect(csv[1]).toBe("t2,1,3248,3248,0");
    expect(csv[4]).toBe("t5,2,786,,");
    const md = renderSamplesMarkdown(rows, "demo");
    expect(md).toContain("**Summary:** N equal for 1/4 columns, within 10% for 2/4 (1 not in the run).");
    expect(md).toContain("| t2 | 1 | 3248 | 3248 | 0.0% |");
    expect(md).toContain("| t2 | 2 | 3172 | 3248 | 2.4% |");
    expect(md).toContain("| t5 | 1 | 283 | 817 | 188.7% (off) |");
    expect(md).toContain("| t5 | 2 | 786 | – | – (off) |");
  });

  it("writes the Markdown in Chinese with lang zh: the same rows, the summary and marks in Chinese", () => {
    const rows = compareSamples(PAPER.samples ?? [], lookup);
    expect(samplesSummary(rows, "zh")).toBe("N 相同 1/4 列，相差 10% 以内 2/4 列（1 列不在本次运行中）");
    const md = renderSamplesMarkdown(rows, "demo", "zh");
    expect(md).toContain("# 原文与复现结果对比：样本量（demo）");
    expect(md).toContain("**概要：** N 相同 1/4 列，相差 10% 以内 2/4 列（1 列不在本次运行中）。");
    expect(md).toContain("| 表 | 列 | 原文 N | 复现 N | 差距 |");
    expect(md).toContain("| t5 | 1 | 283 | 817 | 188.7%（偏离） |");
    expect(md).toContain("| t2 | 1 | 3248 | 3248 | 0.0% |");
  });

  it("rejects a papers file that gives one column's N twice, naming the file", () => {
    const bad = { ...PAPER, samples: [...(PAPER.samples ?? []), { table: "t2", column: "1", n: 1 }] };
    expect(() => parsePaperCoefficients(bad, "papers/demo.json")).toThrow(
      /papers\/demo.json: samples\[4\] \(t2.1\) appears twice/,
    );
  });

  it("is written with the paper comparison: paper-samples.csv and .md, one summary line in paper-comparison.md", async () => {
    const dir = await mkdtemp(join(tmpdir(), "paper-samples-"));
    dirs.push(dir);
    await mkdir(join(dir, "tables"));
    for (const [id, t] of Object.entries(TABLES))
      await writeFile(join(dir, "tables", `${id}.json`), JSON.stringify({ ...t, rows: [] }));
    await writePaperComparison(dir, "demo", PAPER);
    expect((await readFile(join(dir, "paper-samples.csv"), "utf8")).split("\n")).toHaveLength(6);
    const md = await readFile(join(dir, "paper-comparison.md"), "utf8");
    expect(md).toContain(
      "**Samples:** N equal for 1/4 columns, within 10% for 2/4 (1 not in the run); paper beside run in `paper-samples.md`.",
    );
    // The coefficient rows stay the only table rows of paper-comparison.md.
    expect(md).not.toContain("| t5 | 1 | 283");
    expect(await readFile(join(dir, "paper-samples.md"), "utf8")).toContain("| t5 | 1 | 283 | 817 |");
    // In Chinese the same line points to the same file, with Chinese punctuation.
    await writePaperComparison(dir, "demo", PAPER, "zh");
    expect(await readFile(join(dir, "paper-comparison.md"), "utf8")).toContain(
      "**样本量：** N 相同 1/4 列，相差 10% 以内 2/4 列（1 列不在本次运行中）；原文与复现对照见 `paper-samples.md`。",
    );
  });
});
