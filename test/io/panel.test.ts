import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declarePanel } from "../../src/io/panel.js";
import { readFile } from "../../src/io/read-file.js";
import { requireColumns } from "../../src/io/require-columns.js";
import { DataSession } from "../../src/io/session.js";

let session: DataSession;
beforeAll(async () => {
  session = await DataSession.open();
});
afterAll(async () => {
  await session.close();
});

async function table(sql: string): Promise<void> {
  await session.run(`CREATE OR REPLACE TABLE p AS ${sql}`);
}

describe("declarePanel", () => {
  it("accepts a balanced panel and describes it", async () => {
    await table(
      "SELECT f AS firm, y AS year, f * y AS x FROM range(1, 4) a(f), range(2000, 2005) b(y) ORDER BY f, y",
    );
    const p = await declarePanel(session, "p", { id: "firm", time: "year" });
    expect(p).toEqual({
      table: "p",
      id: "firm",
      time: "year",
      rows: 15,
      units: 3,
      periods: 5,
      balanced: true,
      gaps: 0,
      gapExamples: [],
    });
  });

  it("counts and shows gaps in time within a unit (the firm_panel fixture has them)", async () => {
    await readFile(session, "fp", "test/fixtures/hdfe/data/firm_panel.csv");
    const p = await declarePanel(session, "fp", { id: "firm", time: "year" });
    expect(p.units).toBe(3000);
    expect(p.balanced).toBe(false);
    expect(p.gaps).toBeGreaterThan(0);
    // firm 1 is observed in 2002 and then 2004 (lines 4 and 5 of the CSV)
    expect(p.gapExamples[0]).toBe("firm=1: year 2002 → 2004");
    expect(p.gapExamples.length).toBeLessThanOrEqual(5);
  });

  it("counts gaps exactly on a small panel", async () => {
    await table(
      "SELECT * FROM (VALUES (1, 2000), (1, 2001), (1, 2004), (2, 2000), (2, 2002), (3, 2001)) v(id, t)",
    );
    const p = await declarePanel(session, "p", { id: "id", time: "t" });
    expect(p.gaps).toBe(2);
    expect(p.gapExamples).toEqual(["id=1: t 2001 → 2004", "id=2: t 2000 → 2002"]);
    expect(p.balanced).toBe(false);
  });

  it("reports duplicate (id, time) pairs with their count and example rows", async () => {
    await table(
      "SELECT * FROM (VALUES (1, 2000, 'a'), (1, 2001, 'b'), (1, 2001, 'c'), (2, 2000, 'd'), (2, 2000, 'e'), (2, 2000, 'f')) v(id, year, s)",
    );
    await expect(declarePanel(session, "p", { id: "id", time: "year" })).rejects.toThrow(
      'table "p": 2 (id, year) pair(s) occur more than once (3 surplus row(s)), e.g. ' +
        "id=1, year=2001 (2 times: rows 2, 3); id=2, year=2000 (3 times: rows 4, 5, 6)",
    );
  });

  it("names a missing key column and lists the columns there are", async () => {
    await table("SELECT 1 AS firm, 2000 AS yr, 0.5 AS x");
    await expect(declarePanel(session, "p", { id: "firm", time: "year" })).rejects.toThrow(
      'table "p": missing column "year"; the columns are: firm, yr, x',
    );
    await expect(declarePanel(session, "p", { id: "Firm", time: "year" })).rejects.toThrow(
      'missing columns "Firm" (did you mean "firm"?), "year"',
    );
  });

  it("requires whole-number time and reports the offending rows", async () => {
    await table("SELECT * FROM (VALUES (1, 2000.0), (1, 2000.5), (2, 2001.25)) v(id, t)");
    await expect(declarePanel(session, "p", { id: "id", time: "t" })).rejects.toThrow(
      'time column "t" must hold whole numbers, but 2 row(s) do not: row 2 (t=2000.5), row 3 (t=2001.25)',
    );
    await table("SELECT 1 AS id, '2000' AS t");
    await expect(declarePanel(session, "p", { id: "id", time: "t" })).rejects.toThrow(
      /time column "t" has type VARCHAR/,
    );
  });

  it("reports rows with a missing id or time", async () => {
    await table("SELECT * FROM (VALUES (1, 2000), (NULL, 2001), (2, NULL)) v(id, t)");
    await expect(declarePanel(session, "p", { id: "id", time: "t" })).rejects.toThrow(
      '2 row(s) have a missing "id" or "t": row 2 (id=missing, t=2001), row 3 (id=2, t=missing)',
    );
  });
});

describe("requireColumns", () => {
  it("reports every missing column at once", () => {
    expect(() =>
      requireColumns("card.csv", ["lwage", "educ", "exper"], ["lwage", "IQ", "KWW", "Educ"]),
    ).toThrow(
      'card.csv: missing columns "IQ", "KWW", "Educ" (did you mean "educ"?); the columns are: lwage, educ, exper',
    );
  });

  it("is silent when all are there", () => {
    expect(() => requireColumns("x", ["a", "b"], ["b", "a", "a"])).not.toThrow();
  });
});
