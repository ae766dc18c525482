import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataSession } from "../../../src/io/session.js";
import { quoteLiteral } from "../../../src/io/sql.js";
import { writeTable } from "../../../src/io/write-file.js";
import { loadStudyConfig } from "../../../src/studies/config.js";
import { study } from "../../../src/studies/tfp-divergence/index.js";
import { cleanup, digests, runStudy, type SynthFixture, synthesize, tempDir } from "./fixture.js";

let fx: SynthFixture;
let own: string;

/** Re-export a generated source under the user's own column names and format. */
async function reexport(session: DataSession, from: string, select: string, to: string): Promise<void> {
  const t = session.tempName("own");
  await session.run(`CREATE TABLE ${t} AS SELECT ${select} FROM ${from}`);
  await writeTable(session, t, to);
}

beforeAll(async () => {
  fx = await synthesize(3, "tiny");
  own = await tempDir("rm-b-own-");
  const s = await DataSession.open();
  try {
    const pq = (name: string) => `read_parquet(${quoteLiteral(fx.sources[name].path)})`;
    await reexport(
      s,
      pq("ifr"),
      "iso3 AS economy, industry AS application, year AS yr, installations AS installed, stock AS operational_stock",
      join(own, "ifr.dta"),
    );
    await reexport(
      s,
      pq("wdi"),
      'iso3 AS "Country Code", year AS "Year", fdi AS fdi_pct, internet AS users_per_100, services_va AS serv, industry_va AS ind',
      join(own, "wdi.csv"),
    );
    await reexport(
      s,
      pq("pwt"),
      "iso3 AS countrycode, country, year, ctfp, rtfpna, hc, rgdpna, rgdpo, pop, emp",
      join(own, "pwt.parquet"),
    );
    await reexport(s, pq("wiod_sea"), "*", join(own, "wiod.parquet"));
    const rows = await s.rows(
      `SELECT * FROM read_csv(${quoteLiteral(fx.sources.china_labour.path)}, header = true) ORDER BY sector, year`,
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("employment");
    ws.addRow(["行业", "年份", "就业人数", "周工作时间"]);
    for (const r of rows) ws.addRow([r.sector, r.year, r.emp, r.hours_per_week]);
    await wb.xlsx.writeFile(join(own, "china.xlsx"));
  } finally {
    await s.close();
  }
  const yaml = [
    "study: tfp-divergence",
    "sources:",
    "  ifr:",
    "    path: ifr.dta",
    "    columns: { iso3: economy, industry: application, year: yr, installations: installed, stock: operational_stock }",
    "  pwt:",
    "    path: pwt.parquet",
    "    columns: { iso3: countrycode }",
    "  wiod_sea:",
    "    path: wiod.parquet",
    "  wdi:",
    "    path: wdi.csv",
    '    columns: { iso3: "Country Code", year: "Year", fdi: fdi_pct, internet: users_per_100, services_va: serv, industry_va: ind }',
    "  china_labour:",
    "    path: china.xlsx",
    "    sheet: employment",
    "    columns: { sector: 行业, year: 年份, emp: 就业人数, hours_per_week: 周工作时间 }",
    "",
  ].join("\n");
  await writeFile(join(own, "study.yaml"), yaml);
});
afterAll(cleanup);

describe("study B on the user's own files", () => {
  it("gives the same tables from a YAML configuration over re-exported sources (.dta, CSV, Parquet, xlsx, own column names)", async () => {
    const cfg = loadStudyConfig(join(own, "study.yaml"));
    const fromConfig = await runStudy({ ...cfg.sources });
    const fromDefault = await runStudy(fx.sources);
    expect(await digests(fromConfig.outDir, "tables")).toEqual(await digests(fromDefault.outDir, "tables"));
    expect(await digests(fromConfig.outDir, "figures")).toEqual(await digests(fromDefault.outDir, "figures"));
  });

  it("names the file and the column when a source lacks a column, and lists every such problem at once", async () => {
    const sources = {
      ...fx.sources,
      wdi: { path: join(own, "wdi.csv"), columns: { iso3: "Country Code", year: "Year" } },
    };
    const run = study.run({ outDir: await tempDir("rm-b-bad-"), sources, lang: "en", progress: () => {} });
    await expect(run).rejects.toThrow(/wdi\.csv: column "fdi" of wdi is missing/);
    await expect(run).rejects.toThrow(/column "industry_va" of wdi is missing/);
  });

  it("names the file, column and row of an unknown industry code and of a duplicate key", async () => {
    const s = await DataSession.open();
    const bad = join(own, "ifr_bad.parquet");
    try {
      await s.run(
        `CREATE TABLE t AS SELECT * REPLACE (CASE WHEN iso3 = 'DEU' AND industry = 'C29' AND year = 2000 THEN 'C29x' ELSE industry END AS industry) FROM read_parquet(${quoteLiteral(fx.sources.ifr.path)})`,
      );
      await s.run("INSERT INTO t SELECT * FROM t WHERE iso3 = 'FRA' AND industry = 'C26' AND year = 2005");
      await writeTable(s, "t", bad);
    } finally {
      await s.close();
    }
    const run = study.run({
      outDir: await tempDir("rm-b-bad-"),
      sources: { ...fx.sources, ifr: { path: bad } },
      lang: "en",
      progress: () => {},
    });
    await expect(run).rejects.toThrow(
      /ifr_bad\.parquet: column "industry" of ifr has the unknown code "C29x" at row \d+/,
    );
    await expect(run).rejects.toThrow(/ifr has 2 rows for iso3=FRA, industry=C26, year=2005/);
  });
});
