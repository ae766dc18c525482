import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaperCoefficients } from "../../../src/report/paper-coefficients.js";
import type { DescriptiveJson } from "../../../src/report/descriptive-json.js";
import { compareDescriptives } from "../../../src/report/paper-descriptives.js";
import { tableFolder } from "../../../src/report/table-folder.js";
import { columnsWithoutTruth } from "../../helpers/untargeted-columns.js";
import { cleanup, digests, runStudy, type SynthFixture, synthesize, tableJson } from "./fixture.js";

const TABLES = [
  "table1",
  "table2",
  "table3",
  "table4",
  "table5",
  "table6",
  "table7",
  "table8",
  "table9",
  "inference",
];
const FIGURES = ["figure1", "figure2", "figure3", "figure4", "figure5"];
/** Columns of each regression table as STUDIES.md B.3 lists them. */
const COLUMNS: Record<string, number> = {
  table2: 6,
  table3: 6,
  table4: 4,
  table5: 4,
  table6: 6,
  table7: 6,
  table8: 14,
  table9: 4,
  inference: 7,
};

let fx: SynthFixture;
let a: Awaited<ReturnType<typeof runStudy>>;
let b: Awaited<ReturnType<typeof runStudy>>;

beforeAll(async () => {
  fx = await synthesize(3, "tiny");
  a = await runStudy(fx.sources);
  b = await runStudy(fx.sources);
});
afterAll(cleanup);

describe("study B outputs", () => {
  it("has a truth target or an untargeted reason for every column of every regression table", async () => {
    expect(await columnsWithoutTruth(a.outDir, fx.truth)).toEqual([]);
    for (const why of Object.values(fx.truth.untargeted ?? {})) expect(why.length).toBeGreaterThan(20);
  });

  it("reports every table and figure id and writes Markdown, LaTeX, CSV and JSON for each table, SVG and CSV for each figure", async () => {
    expect(a.result.tables).toEqual(TABLES);
    expect(a.result.figures).toEqual(FIGURES);
    const tables = await digests(a.outDir, "tables");
    for (const id of TABLES)
      for (const ext of ["md", "tex", "csv", "json"]) expect(tables[`${id}.${ext}`]).toBeDefined();
    const figures = await digests(a.outDir, "figures");
    for (const id of FIGURES) for (const ext of ["svg", "csv"]) expect(figures[`${id}.${ext}`]).toBeDefined();
    expect(a.result.timings.map((t) => t.step)).toContain("regressions and tables");
  });

  it("gives every regression table the columns STUDIES.md lists, N and adjusted R² in each", async () => {
    for (const [id, n] of Object.entries(COLUMNS)) {
      const t = await tableJson(a.outDir, id);
      expect(t.columns.length, id).toBe(n);
      const nobs = t.footer.find((f) => f.key === "nobs");
      expect(
        nobs?.cells.every((c) => /^\d[\d,]*$/.test(c)),
        id,
      ).toBe(true);
    }
  });

  it("embeds each column's full estimation result, which parses back with coefficients and diagnostics", async () => {
    const t3 = await tableJson(a.outDir, "table3");
    expect(t3.columns[1].result.method).toBe("2sls");
    expect(t3.columns[1].result.coefficients[0].term).toBe("Exposure");
    const iv = t3.columns[4].result.iv;
    expect(iv?.first_stage[0].coefficients.map((c) => c.term).slice(0, 2)).toEqual(["IV_TL", "IV_TS"]);
    expect(iv?.underid?.stat).toBeGreaterThan(0);
    expect(iv?.weakid.kp_f).toBeGreaterThan(10);
    for (const key of ["kp_lm", "kp_f", "stock_yogo_10"]) {
      const row = t3.footer.find((f) => f.key === key);
      // Blank under the first stages (1) and (4), filled under the 2SLS columns.
      expect(row?.cells.map((c) => c !== "")).toEqual([false, true, true, false, true, true]);
    }
    const t5 = await tableJson(a.outDir, "table5");
    expect(
      t5.footer.find((f) => f.key === "chow")?.cells.every((c) => /^\d+\.\d\d \[\d\.\d{4}\]$/.test(c)),
    ).toBe(true);
  });

  it("describes both panels in Table 1", async () => {
    const md = await readFile(join(a.outDir, "tables", "table1.md"), "utf8");
    expect(md).toContain("Economy-year");
    expect(md).toContain("Economy-industry-year");
    expect(md).toContain("TFP (Levinsohn–Petrin)");
  });

  it("has every variable of the paper's Table 1 (data/papers) in the run's Table 1, in the paper's panel", () => {
    const printed = loadPaperCoefficients("tfp-divergence")?.descriptives ?? [];
    expect(printed.length).toBe(14);
    const rows = compareDescriptives(printed, tableFolder<DescriptiveJson>(join(a.outDir, "tables")));
    for (const r of rows) {
      expect(r.run?.mean, r.paper.variable).toEqual(expect.any(Number));
      expect(r.panelLabel).toBe(r.paper.panel === 0 ? "Economy-year" : "Economy-industry-year");
    }
  });

  it("draws Figures 1 and 2 from the real Penn World Table 10.01 over the panel's years and says so", async () => {
    for (const id of ["figure1", "figure2"]) {
      const svg = await readFile(join(a.outDir, "figures", `${id}.svg`), "utf8");
      expect(svg).toContain("Penn World Table 10.01, Feenstra, Inklaar &amp; Timmer (2015)");
      const csv = await readFile(join(a.outDir, "figures", `${id}.csv`), "utf8");
      for (const year of ["1994", "2000", "2010", "2019"]) expect(csv).toContain(`${year},`);
    }
  });

  it("writes byte-identical tables and figures when run twice on the same sources", async () => {
    expect(await digests(b.outDir, "tables")).toEqual(await digests(a.outDir, "tables"));
    expect(await digests(b.outDir, "figures")).toEqual(await digests(a.outDir, "figures"));
    expect(await digests(b.outDir, "diagnostics")).toEqual(await digests(a.outDir, "diagnostics"));
  });

  it("records the panels, the LP elasticities and every structural match for review", async () => {
    const rec = JSON.parse(await readFile(join(a.outDir, "diagnostics", "pipeline.json"), "utf8"));
    expect(rec.industry_panel.dropped_wiod_economies_without_robot_data).toEqual(["CYP"]);
    expect(rec.industry_panel.china_employment_from_labour_yearbook).toBeGreaterThan(0);
    expect(rec.levinsohn_petrin).toHaveLength(14);
    for (const f of rec.levinsohn_petrin) {
      expect(f.labor).toBeGreaterThan(0.4);
      expect(f.labor).toBeLessThan(1);
    }
    const matches = await readFile(join(a.outDir, "diagnostics", "matches.csv"), "utf8");
    expect(matches.trim().split("\n").length).toBe(
      1 + rec.country_panel.economies.length + 2 * rec.industry_panel.economies.length,
    );
  });
});
