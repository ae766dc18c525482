import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { EstimationResult } from "../../src/estimate/result.js";
import type { TableSpec } from "../../src/report/table-spec.js";
import { writeTableOutputs } from "../../src/report/write-table.js";
import { expectedStars, makeResults, makeSpec, parseCsv, shown } from "./regression-fixtures.js";

let spec: TableSpec;
let results: ReturnType<typeof makeResults>;
let dir: string;
let files: Record<string, string>;

const fs1 = (r: EstimationResult) => r.iv!.first_stage.find((f) => f.endogenous === "d")!;

beforeAll(async () => {
  results = makeResults();
  spec = makeSpec(results);
  dir = join(await mkdtemp(join(tmpdir(), "report-")), "nested", "tables");
  const paths = await writeTableOutputs(spec, dir, "en");
  files = {};
  for (const p of paths) files[p.slice(p.lastIndexOf(".") + 1)] = await readFile(p, "utf8");
});

describe("writeTableOutputs: files", () => {
  it("creates the folder and writes <id>.md, .tex, .csv, .json, returned in that order, with no temporary files left", async () => {
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(["table2.csv", "table2.json", "table2.md", "table2.tex"]);
    expect(Object.keys(files)).toEqual(["md", "tex", "csv", "json"]);
  });

  it("is deterministic: a second run (en and zh) gives byte-identical files", async () => {
    for (const lang of ["en", "zh"] as const) {
      const a = await writeTableOutputs(makeSpec(makeResults()), await mkdtemp(join(tmpdir(), "ra-")), lang);
      const b = await writeTableOutputs(makeSpec(makeResults()), await mkdtemp(join(tmpdir(), "rb-")), lang);
      for (let i = 0; i < 4; i++) expect(await readFile(a[i])).toEqual(await readFile(b[i]));
    }
  });

  it("does not modify the spec or its results", async () => {
    const fresh = makeSpec(makeResults());
    const before = structuredClone(fresh);
    await writeTableOutputs(fresh, await mkdtemp(join(tmpdir(), "rc-")), "zh");
    expect(fresh).toStrictEqual(before);
  });
});

describe("writeTableOutputs: Markdown layout", () => {
  const lines = () => files.md.split("\n");
  const row = (label: string) => lines().find((l) => l.startsWith(`| ${label} |`))!;
  const cells = (line: string) =>
    line
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim());

  it("prints the title, then (1) (2) (3) as the table header, then labels and sublabels", () => {
    const l = lines();
    expect(l[0]).toBe("**Baseline_results & 5% #1**");
    expect(l[2]).toBe("| Variable | (1) | (2) | (3) |");
    expect(l[3]).toBe("|:--|:-:|:-:|:-:|");
    expect(l[4]).toBe("| | OLS | 2SLS | 2SLS |");
    expect(l[5]).toBe("| | y | First stage: d | y |");
  });

  it("shows each coefficient with 4 decimals and stars from its p-value, the SE in parentheses on the next line", () => {
    const { ols, iv } = results;
    const shownCoefs = [
      ols.coefficients.find((c) => c.term === "d")!,
      fs1(iv).coefficients.find((c) => c.term === "z")!,
      iv.coefficients.find((c) => c.term === "d")!,
    ];
    const l = lines();
    const i = l.indexOf(row("robot_d"));
    const coefCells = cells(l[i]);
    const seCells = cells(l[i + 1]);
    expect(coefCells[0]).toBe("robot_d");
    expect(seCells[0]).toBe("");
    shownCoefs.forEach((c, j) => {
      expect(coefCells[j + 1]).toBe(`${c.estimate.toFixed(4)}${expectedStars(c.p)}`);
      expect(seCells[j + 1]).toBe(`(${c.se.toFixed(4)})`);
    });
    // The data make the instrument and the 2SLS effect overwhelmingly significant.
    expect(coefCells[2].endsWith("***")).toBe(true);
    expect(coefCells[3].endsWith("***")).toBe(true);
  });

  it("prints literal footers and statistics: N, R² with 4 decimals, KP LM as stat [p], F statistics with 2 decimals", () => {
    const { ols, iv } = results;
    const w = iv.iv!.weakid;
    expect(cells(row("Controls"))).toEqual(["Controls", "Yes", "Yes", "Yes"]);
    expect(cells(row("Group FE"))).toEqual(["Group FE", "Yes", "Yes", "No"]);
    expect(cells(row("Observations"))).toEqual(["Observations", "200", "200", "200"]);
    expect(cells(row("R²"))).toEqual(["R²", ols.fit.r2.toFixed(4), "", iv.fit.r2.toFixed(4)]);
    const lm = iv.iv!.underid;
    expect(lm.name).toBe("Kleibergen-Paap rk LM");
    expect(cells(row("Kleibergen-Paap rk LM"))).toEqual([
      "Kleibergen-Paap rk LM",
      "",
      "",
      `${lm.stat!.toFixed(2)} [0.0000]`,
    ]);
    expect(cells(row("Cragg-Donald Wald F"))[3]).toBe(w.cd_f!.toFixed(2));
    expect(cells(row("Kleibergen-Paap rk Wald F"))[3]).toBe(w.kp_f!.toFixed(2));
    expect(cells(row("Stock-Yogo 10%"))).toEqual(["Stock-Yogo 10%", "", "", "16.38"]);
  });

  it("ends with the spec's notes and the default stars note", () => {
    expect(files.md).toContain("\n\nRobust standard errors; column (1) clustered by g.\n");
    expect(files.md).toContain("\n\nStandard errors in parentheses. * p<0.1, ** p<0.05, *** p<0.01.\n");
  });
});

describe("writeTableOutputs: LaTeX", () => {
  it("is a booktabs tabular in a table float with escaped caption and label tab:<id>", () => {
    const tex = files.tex;
    expect(tex).toContain("\\begin{table}[htbp]");
    expect(tex).toContain("\\caption{Baseline\\_results \\& 5\\% \\#1}");
    expect(tex).toContain("\\label{tab:table2}");
    expect(tex).toContain("\\begin{tabular}{lccc}");
    for (const cmd of ["\\toprule", "\\midrule", "\\bottomrule", "\\end{tabular}", "\\end{table}"])
      expect(tex).toContain(cmd);
    expect(tex).not.toContain("threeparttable");
  });

  it("merges equal neighbouring column labels with \\multicolumn and a \\cmidrule, escapes row labels", () => {
    expect(tex()).toContain(" & OLS & \\multicolumn{2}{c}{2SLS} \\\\\n\\cmidrule(lr){3-4}");
    expect(tex()).toContain("Variable & (1) & (2) & (3) \\\\");
    expect(tex()).toContain("robot\\_d & ");
    expect(tex()).toContain("R\\textsuperscript{2} & ");
  });

  it("puts every SE on its own row and gives every body row one cell per column", () => {
    const body = tex()
      .split("\n")
      .filter((l) => l.endsWith("\\\\") && !l.includes("multicolumn"));
    for (const l of body) expect(l.split(" & ").length).toBe(4);
    const se = body.filter((l) => l.startsWith(" & ("));
    expect(se.length).toBe(2);
  });

  const tex = () => files.tex;
});

describe("writeTableOutputs: CSV", () => {
  it("has a BOM, one row per printed line with the row label first, and equally many fields per row", () => {
    expect(files.csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(files.csv.slice(1));
    for (const r of rows) expect(r.length).toBe(4);
    const labels = rows.map((r) => r[0]);
    expect(labels.slice(0, 5)).toEqual(["Baseline_results & 5% #1", "Variable", "", "", "robot_d"]);
    expect(labels[5]).toBe("");
    expect(labels).toContain("Observations");
  });

  it('writes numbers, SEs and (1) as ="…" so spreadsheets show them as printed, not as −0.04 or −1', () => {
    const rows = parseCsv(files.csv.slice(1));
    expect(rows[1]).toEqual(["Variable", '="(1)"', '="(2)"', '="(3)"']);
    const se = rows[5];
    const d = results.ols.coefficients.find((c) => c.term === "d")!;
    expect(se[1]).toBe(`="(${d.se.toFixed(4)})"`);
    expect(shown(se[1])).toBe(`(${d.se.toFixed(4)})`);
    const n = rows.find((r) => r[0] === "Observations")!;
    expect(n.slice(1).map(shown)).toEqual(["200", "200", "200"]);
  });
});

describe("writeTableOutputs: JSON", () => {
  it("parses back to the full estimation results, deep-equal to the originals", () => {
    const j = JSON.parse(files.json);
    expect(j.id).toBe("table2");
    expect(j.lang).toBe("en");
    expect(j.columns.map((c: { number: number }) => c.number)).toEqual([1, 2, 3]);
    spec.columns.forEach((c, i) => {
      expect(j.columns[i].result).toStrictEqual(c.result);
    });
  });

  it("records the printed cells and which term each coefficient cell shows", () => {
    const j = JSON.parse(files.json);
    const robot = j.rows[0];
    expect(robot.cells.map((c: { term: string }) => c.term)).toEqual(["d", "z", "d"]);
    const fsZ = fs1(results.iv).coefficients.find((c) => c.term === "z")!;
    expect(robot.cells[1].estimate).toBe(fsZ.estimate);
    expect(robot.cells[1].text).toBe(`${fsZ.estimate.toFixed(4)}${expectedStars(fsZ.p)}`);
    expect(j.footer.find((f: { key: string }) => f.key === "sy").cells).toEqual(["", "", "16.38"]);
    expect(j.notes.at(-1)).toBe("p-values in brackets.");
  });
});

describe("writeTableOutputs: Chinese", () => {
  it("uses the Chinese labels, 是/否 for Yes/No, the Chinese stars note, and flags xeCJK in the LaTeX", async () => {
    const paths = await writeTableOutputs(spec, await mkdtemp(join(tmpdir(), "rz-")), "zh");
    const md = await readFile(paths[0], "utf8");
    const tex = await readFile(paths[1], "utf8");
    expect(md.startsWith("**基准回归**\n")).toBe(true);
    expect(md).toContain("| 变量 | (1) | (2) | (3) |");
    expect(md).toContain("| | y | 第一阶段：d | y |");
    expect(md).toContain("| 组固定效应 | 是 | 是 | 否 |");
    expect(md).toContain("| 样本量 | 200 | 200 | 200 |");
    expect(md).toContain("括号内为标准误；*、**、*** 分别表示在 10%、5%、1% 的水平上显著。");
    expect(tex).toContain("xeCJK");
    expect(tex).toContain("\\caption{基准回归}");
    expect(tex).toContain("机器人 d & ");
    const j = JSON.parse(await readFile(paths[3], "utf8"));
    expect(j.lang).toBe("zh");
    expect(j.columns[1].sublabel).toBe("第一阶段：d");
  });
});
