import { createHash } from "node:crypto";
import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaperCoefficients } from "../../../src/report/paper-coefficients.js";
import type { DescriptiveJson } from "../../../src/report/descriptive-json.js";
import { compareDescriptives } from "../../../src/report/paper-descriptives.js";
import { tableFolder } from "../../../src/report/table-folder.js";
import { DataSession } from "../../../src/io/session.js";
import { quoteLiteral } from "../../../src/io/sql.js";
import type { SourceFile, StudyRunResult, SynthResult } from "../../../src/studies/types.js";
import { columnsWithoutTruth } from "../../helpers/untargeted-columns.js";
import { readTable, readTruth, runInto, sourcesOf, synth, TABLE_IDS, tempDir } from "./helpers.js";

const COLUMNS: Record<string, number> = {
  table2: 3,
  table3: 5,
  table4: 3,
  table5: 7,
  robustness_outcomes: 2,
  robustness_regressors: 2,
  robustness_instruments: 2,
  robustness_samples: 2,
  robustness_clusters: 3,
  robustness_processing: 3,
  robustness_winsor: 3,
  inference: 6,
};

let root: string;
let src: SynthResult;
let first: StudyRunResult;

async function digest(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

beforeAll(async () => {
  root = await tempDir("run-upstream-");
  src = await synth(root, 5, "tiny");
  first = await runInto(join(root, "a"), sourcesOf(src));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("study A end to end at --scale tiny", () => {
  it("writes every table id in Markdown, LaTeX, CSV and JSON, and the review files", async () => {
    expect(first.tables).toEqual([...TABLE_IDS]);
    expect(first.figures).toEqual([]);
    for (const id of TABLE_IDS) {
      for (const ext of ["md", "tex", "csv", "json"]) {
        expect((await stat(join(root, "a", "tables", `${id}.${ext}`))).size, `${id}.${ext}`).toBeGreaterThan(
          100,
        );
      }
    }
    const review = await readFile(join(root, "a", "review", "firm_identification.csv"), "utf8");
    expect(review.split("\n")[0]).toBe(
      "firm_name,credit_code,city_code,matched_keywords,decision,reason,scope",
    );
    expect(review).toContain("wholesale/retail only");
    const linkage = JSON.parse(await readFile(join(root, "a", "review", "linkage.json"), "utf8"));
    const steps = linkage.linkage.map((s: { step: string }) => s.step);
    expect(steps).toEqual(["registry → ASIE", "patents → ASIE", "customs → cities", "customs → ASIE"]);
    for (const s of linkage.linkage) expect(s.rate).toBeGreaterThan(0.5);
    expect(linkage.columns_not_estimated).toEqual([]);
    // One of the twin's six upstream CIC industries has no NBER-CES match: about a sixth of the
    // makers' firm-years have no US productivity, hence no technology gap, and the review counts them.
    const { upstream_firm_years: all, upstream_firm_years_without_us_productivity: noGap } = linkage.samples;
    expect(noGap / all).toBeGreaterThan(0.1);
    expect(noGap / all).toBeLessThan(0.25);
    expect(first.timings.map((t) => t.step)).toContain("estimate and write tables");
  });

  it("has a truth target or an untargeted reason for every column of every regression table", async () => {
    const truth = await readTruth(src);
    expect(await columnsWithoutTruth(join(root, "a"), truth)).toEqual([]);
    for (const why of Object.values(truth.untargeted ?? {})) expect(why.length).toBeGreaterThan(20);
  });

  it("has the columns STUDIES.md lists, JSON that parses back to result objects, and the diagnostic rows", async () => {
    for (const [id, n] of Object.entries(COLUMNS)) {
      const t = await readTable(join(root, "a"), id);
      expect(t.columns, id).toHaveLength(n);
      for (const c of t.columns) {
        expect(c.result.nobs, `${id} (${c.number})`).toBeGreaterThan(50);
        expect(c.result.coefficients.length).toBeGreaterThan(0);
        if (c.result.method === "2sls") {
          expect(c.result.iv?.first_stage.length).toBe(1);
          expect(c.result.iv?.underid?.stat, `${id} (${c.number}) KP LM`).toBeGreaterThan(0);
          expect(c.result.iv?.weakid.cd_f).toBeGreaterThan(0);
          expect(c.result.iv?.weakid.kp_f).toBeGreaterThan(0);
        }
      }
    }
    const t2 = await readTable(join(root, "a"), "table2");
    expect(t2.columns.map((c) => [c.result.method, c.first_stage_of])).toEqual([
      ["ols", null],
      ["2sls", "robot"],
      ["2sls", null],
    ]);
    const md = await readFile(join(root, "a", "tables", "table2.md"), "utf8");
    for (const row of [
      "Firm FE",
      "Year FE",
      "Industry FE",
      "City FE",
      "Observations",
      "Centred R²",
      "Kleibergen-Paap rk LM",
      "Cragg-Donald Wald F",
      "Kleibergen-Paap rk Wald F",
    ]) {
      expect(md).toContain(row);
    }
    const csv = await readFile(join(root, "a", "tables", "table1.csv"), "utf8");
    for (const v of [
      "lnspatent",
      "robot",
      "lnlp",
      "lnkfix",
      "lnklratio",
      "lnbdat",
      "lngdp",
      "second_rate",
      "lnedc_cost",
      "cic4_hhi",
    ]) {
      expect(csv).toContain(v);
    }
  });

  it("has every variable of the paper's Table 1 (data/papers) in the run's Table 1, with its s.d.", () => {
    const printed = loadPaperCoefficients("upstream-innovation")?.descriptives ?? [];
    expect(printed.length).toBe(10);
    const rows = compareDescriptives(printed, tableFolder<DescriptiveJson>(join(root, "a", "tables")));
    for (const r of rows) {
      expect(r.run?.mean, r.paper.variable).toEqual(expect.any(Number));
      expect(r.run?.sd, r.paper.variable).toEqual(expect.any(Number));
    }
  });

  it("gives byte-identical tables on a second run of the same sources", async () => {
    await runInto(join(root, "b"), sourcesOf(src));
    for (const id of TABLE_IDS) {
      for (const ext of ["md", "tex", "csv", "json"]) {
        const f = `${id}.${ext}`;
        expect(await digest(join(root, "b", "tables", f)), f).toBe(
          await digest(join(root, "a", "tables", f)),
        );
      }
    }
    expect(await digest(join(root, "b", "review", "linkage.json"))).toBe(
      await digest(join(root, "a", "review", "linkage.json")),
    );
  });

  it("gives the same tables from the user's own column names and file formats (as a YAML configuration maps them)", async () => {
    const session = await DataSession.open();
    const sources: Record<string, SourceFile> = { ...sourcesOf(src) };
    try {
      // City statistics as Parquet with Chinese column names; the customs as CSV with other names.
      const cityPath = join(root, "城市统计.parquet");
      await session.run(
        `COPY (SELECT city_code AS 城市代码, city_name AS 城市名称, province AS 省份, year AS 年份, gdp_per_capita AS 人均GDP, secondary_share AS 第二产业占比, education_expenditure AS 教育支出 FROM ${quoteLiteral(src.files.city_stats)}) TO ${quoteLiteral(cityPath)} (FORMAT parquet)`,
      );
      sources.city_stats = {
        path: cityPath,
        columns: {
          city_code: "城市代码",
          city_name: "城市名称",
          province: "省份",
          year: "年份",
          gdp_per_capita: "人均GDP",
          secondary_share: "第二产业占比",
          education_expenditure: "教育支出",
        },
      };
      const customsPath = join(root, "customs.csv");
      await session.run(
        `COPY (SELECT year AS yr, firm_code, firm_name AS company, city, flow, hs8 AS hscode, trade_mode, country, value_usd AS value, quantity FROM ${quoteLiteral(src.files.customs)}) TO ${quoteLiteral(customsPath)} (FORMAT csv, HEADER true)`,
      );
      sources.customs = {
        path: customsPath,
        columns: { year: "yr", firm_name: "company", hs8: "hscode", value_usd: "value" },
      };
    } finally {
      await session.close();
    }
    await runInto(join(root, "c"), sources);
    for (const id of TABLE_IDS) {
      for (const ext of ["md", "tex", "csv", "json"]) {
        const f = `${id}.${ext}`;
        expect(await digest(join(root, "c", "tables", f)), f).toBe(
          await digest(join(root, "a", "tables", f)),
        );
      }
    }
  });

  it("labels the tables in Chinese with --lang zh", async () => {
    await runInto(join(root, "zh"), sourcesOf(src), "zh");
    const md = await readFile(join(root, "zh", "tables", "table2.md"), "utf8");
    expect(md).toContain("表 2 基准回归");
    expect(md).toContain("企业固定效应");
    expect(md).toContain("是");
    const t1 = await readFile(join(root, "zh", "tables", "table1.md"), "utf8");
    expect(t1).toContain("描述性分析");
  });
});
