/**
 * Figures 1–2 on the Penn World Table 10.01 shipped in data/ (issue 10 item 4): the sample's
 * economies and years, the paper's variables, and the user's own PWT file when the run is on it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataSession } from "../../../src/io/session.js";
import { balancedValues, PWT_YEARS } from "../../../src/studies/tfp-divergence/figures/pwt-densities.js";

describe("Figures 1–2: PWT values of the economy-year panel's economies", () => {
  let session: DataSession;
  beforeAll(async () => {
    session = await DataSession.open();
    await session.run(
      "CREATE TABLE b_country AS SELECT * FROM (VALUES ('USA', 1994), ('DEU', 1994), ('CHN', 1994)) t(iso3, year)",
      "test sample",
    );
    await session.run(
      `CREATE TABLE pwt AS SELECT iso3, year, 0.5 AS ctfp, 2.0 AS rtfpna
       FROM (VALUES ('USA'), ('DEU'), ('FRA')) a(iso3), (SELECT unnest([1994, 2000, 2010, 2019]) AS year) y`,
      "test own pwt",
    );
  });
  afterAll(async () => {
    await session.close();
  });

  it("reads the shipped PWT 10.01 for the sample's economies only (US ctfp = 1; rtfpna = 1 in 2017's base)", async () => {
    const ctfp = await balancedValues(session, "ctfp", { shipped: true });
    expect(PWT_YEARS[0]).toBe(1994);
    expect(PWT_YEARS[PWT_YEARS.length - 1]).toBe(2019);
    for (const x of ctfp) {
      expect(x).toHaveLength(3);
      expect(Array.from(x)).toContain(1);
    }
    const rows = await session.rows(
      "SELECT rtfpna FROM pwt1001_real WHERE iso3 = 'DEU' AND year = 2017",
      "check base year",
    );
    expect(Number(rows[0].rtfpna)).toBeCloseTo(1, 6);
    const rtfpna = await balancedValues(session, "rtfpna", { shipped: true });
    expect(rtfpna[3]).toHaveLength(3);
  });

  it("reads the user's own pwt source when the run is not on the synthetic twin", async () => {
    const own = await balancedValues(session, "ctfp", { shipped: false });
    for (const x of own) expect(Array.from(x)).toEqual([0.5, 0.5]);
  });
});
