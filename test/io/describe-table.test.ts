import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeTable } from "../../src/io/describe-table.js";
import { describeText, formatStat } from "../../src/io/describe-text.js";
import { readFile } from "../../src/io/read-file.js";
import { DataSession } from "../../src/io/session.js";

let session: DataSession;
beforeAll(async () => {
  session = await DataSession.open();
});
afterAll(async () => {
  await session.close();
});

describe("describeTable", () => {
  it("gives N, missing, mean, s.d. (n − 1), min and max as computed by hand", async () => {
    await session.run(`CREATE TABLE small AS SELECT * FROM (VALUES
      (1, true, 'b', DATE '2020-01-02', 7.5),
      (2, false, 'a', NULL, NULL),
      (3, true, NULL, DATE '2019-12-31', NULL),
      (4, NULL, '中', NULL, NULL),
      (NULL, true, 'c', NULL, NULL)) v(x, b, g, d, one)`);
    const rows = await describeTable(session, "small");
    expect(rows).toEqual([
      {
        name: "x",
        type: "INTEGER",
        label: "",
        n: 4,
        missing: 1,
        mean: 2.5,
        sd: Math.sqrt(5 / 3),
        min: 1,
        max: 4,
      },
      { name: "b", type: "BOOLEAN", label: "", n: 4, missing: 1, mean: 0.75, sd: 0.5, min: 0, max: 1 },
      { name: "g", type: "VARCHAR", label: "", n: 4, missing: 1, mean: null, sd: null, min: "a", max: "中" },
      {
        name: "d",
        type: "DATE",
        label: "",
        n: 2,
        missing: 3,
        mean: null,
        sd: null,
        min: "2019-12-31",
        max: "2020-01-02",
      },
      {
        name: "one",
        type: "DECIMAL(2,1)",
        label: "",
        n: 1,
        missing: 4,
        mean: 7.5,
        sd: null,
        min: 7.5,
        max: 7.5,
      },
    ]);
  });

  it("matches a two-pass JavaScript computation on card.csv to 1e-13 (relative) and is repeatable", async () => {
    await readFile(session, "card", "test/fixtures/ivreg2/data/card.csv");
    const rows = await describeTable(session, "card");
    const [head, ...lines] = readFileSync("test/fixtures/ivreg2/data/card.csv", "utf8").trim().split("\n");
    const names = head.split(",");
    for (const name of ["lwage", "educ", "IQ", "KWW", "wage", "exper"]) {
      const j = names.indexOf(name);
      const xs = lines
        .map((l) => l.split(",")[j])
        .filter((t) => t !== "")
        .map(Number);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
      const r = rows.find((x) => x.name === name)!;
      expect(r.n).toBe(xs.length);
      expect(r.missing).toBe(3010 - xs.length);
      expect(Math.abs(r.mean! - mean) / Math.abs(mean)).toBeLessThan(1e-13);
      expect(Math.abs(r.sd! - sd) / sd).toBeLessThan(1e-13);
      expect(r.min).toBe(Math.min(...xs));
      expect(r.max).toBe(Math.max(...xs));
    }
    expect(await describeTable(session, "card")).toEqual(rows);
  });

  it("renders the paper-style table", async () => {
    const rows = await describeTable(session, "small");
    const text = describeText("small.csv", 5, rows);
    const lines = text.split("\n");
    expect(lines[0]).toBe("small.csv: 5 rows, 5 columns");
    expect(lines[1].split(/\s+/)).toEqual(["variable", "type", "N", "missing", "mean", "s.d.", "min", "max"]);
    expect(lines[3].split(/\s+/)).toEqual(["x", "integer", "4", "1", "2.5", "1.29099", "1", "4"]);
    expect(lines[5].split(/\s+/)).toEqual(["g", "varchar", "4", "1", ".", ".", "a", "中"]);
  });

  it("formats statistics: integers whole, others to 6 significant digits, none as '.'", () => {
    expect(formatStat(3010)).toBe("3010");
    expect(formatStat(13.263455149501661)).toBe("13.2635");
    expect(formatStat(0.000123456789)).toBe("0.000123457");
    expect(formatStat(null)).toBe(".");
  });
});
