import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataSession } from "../../../src/io/session.js";
import { quoteLiteral } from "../../../src/io/sql.js";
import type { SynthResult } from "../../../src/studies/types.js";
import { runInto, sourcesOf, synth, tempDir } from "./helpers.js";

let root: string;
let src: SynthResult;

async function copyWith(sql: string, path: string): Promise<void> {
  const s = await DataSession.open();
  try {
    await s.run(`COPY (${sql}) TO ${quoteLiteral(path)} (FORMAT csv, HEADER true)`);
  } finally {
    await s.close();
  }
}

beforeAll(async () => {
  root = await tempDir("errors-upstream-");
  src = await synth(root, 9, "tiny");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("study A with bad sources", () => {
  it("names the file and every missing column at once", async () => {
    const bad = join(root, "city_stats_bad.csv");
    await copyWith(
      `SELECT city_code, city_name, province, year, secondary_share FROM ${quoteLiteral(src.files.city_stats)}`,
      bad,
    );
    const bad2 = join(root, "bec_bad.csv");
    await copyWith(`SELECT hs6 FROM ${quoteLiteral(src.files.bec)}`, bad2);
    const sources = { ...sourcesOf(src), city_stats: { path: bad }, bec: { path: bad2 } };
    const err = await runInto(join(root, "out1"), sources).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const msg = (err as Error).message;
    expect(msg).toContain(bad);
    expect(msg).toContain('column "gdp_per_capita" of city_stats is missing');
    expect(msg).toContain('column "education_expenditure" of city_stats is missing');
    expect(msg).toContain(bad2);
    expect(msg).toContain('column "capital_share" of bec is missing');
  });

  it("names the file, column and row of a value of the wrong type", async () => {
    const bad = join(root, "us_employment_bad.csv");
    await copyWith(
      `SELECT industry, CASE WHEN industry = '29' THEN 'n/a' ELSE CAST(employment_2000 AS VARCHAR) END AS employment_2000 FROM ${quoteLiteral(src.files.us_employment)} ORDER BY industry`,
      bad,
    );
    const err = await runInto(join(root, "out2"), { ...sourcesOf(src), us_employment: { path: bad } }).catch(
      (e: Error) => e,
    );
    expect((err as Error).message).toMatch(
      /us_employment_bad\.csv: column "employment_2000" of us_employment should hold numbers but row \d+ has "n\/a"/,
    );
  });

  it("says which source is missing", async () => {
    const { customs: _c, ...rest } = sourcesOf(src);
    const err = await runInto(join(root, "out3"), rest).catch((e: Error) => e);
    expect((err as Error).message).toContain('source "customs"');
  });

  it("refuses duplicate city-years in the city statistics with the file and the city", async () => {
    const bad = join(root, "city_stats_dup.csv");
    await copyWith(
      `SELECT * FROM ${quoteLiteral(src.files.city_stats)} UNION ALL (SELECT * FROM ${quoteLiteral(src.files.city_stats)} ORDER BY city_code, year LIMIT 1)`,
      bad,
    );
    const err = await runInto(join(root, "out4"), { ...sourcesOf(src), city_stats: { path: bad } }).catch(
      (e: Error) => e,
    );
    expect((err as Error).message).toMatch(
      /city_stats_dup\.csv: city_stats has more than one row for a city-year: \d{4} in \d{4}/,
    );
  });

  it("says so when no registry firm names a keyword with a manufacturing word", async () => {
    const { study } = await import("../../../src/studies/upstream-innovation/index.js");
    const run = study.run as (
      o: Parameters<typeof study.run>[0] & { options?: { keywords: string[] } },
    ) => ReturnType<typeof study.run>;
    const err = await run({
      outDir: join(root, "out5"),
      sources: sourcesOf(src),
      lang: "en",
      progress: () => {},
      options: { keywords: ["量子计算机"] },
    }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(
      /registry: no firm's business scope names one of the keywords \(量子计算机\)/,
    );
  });
});
