import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  loadPaperCoefficients,
  type PaperCoefficients,
  parsePaperCoefficients,
} from "../../src/report/paper-coefficients.js";
import { comparePaper, tableFolderSource, writePaperComparison } from "../../src/report/paper-comparison.js";
import { starCount, summarizeComparison } from "../../src/report/paper-comparison-summary.js";

const coef = (
  table: string,
  column: string,
  term: string,
  c: number,
  se: number | null,
  stars: 0 | 1 | 2 | 3,
) => ({
  key: `${table}.${column}.${term}`,
  table,
  column,
  term,
  coef: c,
  se,
  stars,
  printed: `${c} (${se})`,
});

const PAPER: PaperCoefficients = {
  study: "demo",
  paper: "A & B (2024)",
  source: "seed, Table 2",
  coefficients: [
    coef("t2", "1", "x", -1.64, 0.76, 2),
    coef("t2", "2", "z", 0.0001, null, 3),
    coef("t3", "1", "x", 2.0, 1.0, 3),
    coef("t3", "4", "x", -1.0, 2.0, 0),
  ],
};

/** A minimal regression-table JSON (the shape `writeTableOutputs` writes) with one row per term. */
function tableJson(id: string, cols: Record<string, Record<string, [number, number, number]>>) {
  const numbers = Object.keys(cols);
  const terms = [...new Set(numbers.flatMap((n) => Object.keys(cols[n])))];
  return {
    id,
    columns: numbers.map((n) => ({ number: Number(n) })),
    rows: terms.map((t) => ({
      term: t,
      cells: numbers.map((n) => {
        const v = cols[n][t];
        return v ? { term: t, estimate: v[0], se: v[1], p: v[2], text: "", se_text: "" } : null;
      }),
    })),
  };
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function runDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "paper-cmp-"));
  dirs.push(dir);
  const tables = join(dir, "tables");
  await mkdir(tables);
  await writeFile(
    join(tables, "t2.json"),
    JSON.stringify(
      tableJson("t2", { "1": { x: [-1.0, 0.3, 0.001] }, "2": { z: [0.00012, 0.00001, 0.0001] } }),
    ),
  );
  await writeFile(join(tables, "t3.json"), JSON.stringify(tableJson("t3", { "1": { x: [-5.0, 1.0, 0.2] } })));
  return dir;
}

describe("paper comparison", () => {
  it("computes diff_se with the combined SE, a missing paper SE counting as zero, and sign/star agreement", async () => {
    const dir = await runDir();
    const rows = comparePaper(PAPER, tableFolderSource(join(dir, "tables")));
    expect(rows[0].diffSe).toBeCloseTo((-1.0 + 1.64) / Math.sqrt(0.3 ** 2 + 0.76 ** 2), 12);
    expect(rows[0].signAgree).toBe(true);
    expect(rows[0].stars).toBe(3);
    expect(rows[0].starAgree).toBe(false);
    expect(rows[1].diffSe).toBeCloseTo((0.00012 - 0.0001) / 0.00001, 9);
    expect(rows[2].signAgree).toBe(false);
    expect(rows[2].stars).toBe(0);
    expect(rows[3].coef).toBeNull(); // column 4 of t3 is not in the run
    const s = summarizeComparison(rows);
    expect(s).toEqual({ printed: 4, found: 3, significant: 3, signAgree: 2, within2Se: 2, starAgree: 1 });
  });

  it("writes the CSV with the agreed columns in order and a Markdown summary per table", async () => {
    const dir = await runDir();
    const rows = await writePaperComparison(dir, "demo", PAPER);
    expect(rows).toHaveLength(4);
    const csv = (await readFile(join(dir, "paper-comparison.csv"), "utf8")).trim().split("\n");
    expect(csv[0]).toBe(
      "table,column,term,paper_coef,paper_se,paper_stars,coef,se,stars,diff_se,sign_agree,star_agree",
    );
    expect(csv[1].split(",").slice(0, 9)).toEqual(["t2", "1", "x", "-1.64", "0.76", "2", "-1", "0.3", "3"]);
    expect(csv[2].split(",")[4]).toBe(""); // paper SE not printed
    expect(csv[4].split(",").slice(6)).toEqual(["", "", "", "", "", ""]);
    const md = await readFile(join(dir, "paper-comparison.md"), "utf8");
    expect(md).toContain("**t2**: sign agrees for 2/2 significant (100%); 2/2 within 2 SE (100%)");
    expect(md).toContain(
      "**t3**: sign agrees for 0/1 significant (0%); 0/2 within 2 SE (0%); stars agree for 0/2; 1 not in the run",
    );
  });

  it("writes the Markdown in Chinese with --lang zh (the same counts), the CSV unchanged", async () => {
    const en = await runDir();
    const zh = await runDir();
    await writePaperComparison(en, "demo", PAPER);
    await writePaperComparison(zh, "demo", PAPER, "zh");
    const csv = (d: string) => readFile(join(d, "paper-comparison.csv"), "utf8");
    expect(await csv(zh)).toBe(await csv(en));
    const md = await readFile(join(zh, "paper-comparison.md"), "utf8");
    expect(md).toContain("# 原文与复现结果对比：demo");
    expect(md).toContain(
      "**总体：** 显著系数符号一致 2/3（67%）；2 个标准误内 2/4（50%）；星号一致 1/4；1 个不在本次运行中。",
    );
    expect(md).toContain("- **t2**：显著系数符号一致 2/2（100%）；2 个标准误内 2/2（100%）；星号一致 1/2。");
    expect(md).toContain(
      "| 表 | 列 | 变量 | 原文 | 原文标准误 | 复现 | 复现标准误 | 差异（标准误） | 符号一致 | 星号一致 |",
    );
    // Agreement marks in Chinese, a missing estimate as a dash.
    expect(md).toMatch(/\| t2 \| 1 \| x \| .* \| 是 \| 否 \|/);
    expect(md).toMatch(/\| t3 \| 4 \| x \| .* \| – \| – \|/);
    expect(md).not.toMatch(/sign agrees|within 2 SE|\byes\b/);
  });

  it("returns null and writes nothing for a study without a papers file", async () => {
    const dir = await runDir();
    expect(await writePaperComparison(dir, "no-such-study")).toBeNull();
  });

  it("rejects a papers file whose key disagrees with its table, column and term, naming the file", () => {
    const bad = { ...PAPER, coefficients: [{ ...PAPER.coefficients[0], key: "t2.2.x" }] };
    expect(() => parsePaperCoefficients(bad, "papers/demo.json")).toThrow(
      /papers\/demo.json: coefficients\[0\].key is "t2.2.x" but table\/column\/term give "t2.1.x"/,
    );
    expect(() =>
      parsePaperCoefficients({ ...PAPER, coefficients: [{ ...PAPER.coefficients[0], stars: 4 }] }, "f"),
    ).toThrow(/coefficients.0.stars/);
  });

  it("uses the papers' star thresholds (10%, 5%, 1%)", () => {
    expect([0.2, 0.09, 0.04, 0.009, Number.NaN].map(starCount)).toEqual([0, 1, 2, 3, 0]);
  });

  it("ships study A's printed coefficients: Tables 2–5, 17 second-stage/OLS and 16 first-stage", () => {
    const paper = loadPaperCoefficients("upstream-innovation");
    expect(paper).not.toBeNull();
    const cs = paper?.coefficients ?? [];
    expect(cs.filter((c) => c.term === "robot")).toHaveLength(17);
    expect(cs.filter((c) => c.term === "us_robot")).toHaveLength(16);
    expect(cs.find((c) => c.key === "table2.3.robot")).toMatchObject({ coef: -2.357, se: 0.89, stars: 3 });
    expect(cs.find((c) => c.key === "table5.1.robot")).toMatchObject({ coef: 5.723, se: 2.828, stars: 2 });
  });
});
