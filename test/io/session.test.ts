import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatOf } from "../../src/io/formats.js";
import { DataSession } from "../../src/io/session.js";
import { quoteIdent, quoteLiteral } from "../../src/io/sql.js";
import { toFrame } from "../../src/io/to-frame.js";

describe("DataSession", () => {
  it("keeps tables in an on-disk database across sessions, and toFrame leaves no types behind there", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "rm-db-")), "work.duckdb");
    const a = await DataSession.open(file);
    await a.run("CREATE TABLE panel AS SELECT range AS id, 'g' || (range % 3) AS g FROM range(10)");
    const frame = await toFrame(a, "panel");
    expect(frame.nrows).toBe(10);
    await a.close();
    const b = await DataSession.open(file);
    expect(await b.rowCount("panel")).toBe(10);
    expect(await b.rows("SELECT count(*) AS n FROM duckdb_types() WHERE type_name LIKE '__rm_%'")).toEqual([
      { n: 0 },
    ]);
    await b.close();
  });

  it("removes its temporary folder on close, and refuses work once closed", async () => {
    const s = await DataSession.open();
    const tmp = await s.tempPath(".csv");
    expect(existsSync(join(tmp, ".."))).toBe(true);
    await s.close();
    await s.close(); // idempotent
    expect(existsSync(join(tmp, ".."))).toBe(false);
    await expect(s.run("SELECT 1")).rejects.toThrow(/the data session on :memory: is closed/);
  });

  it("adds context to SQL errors", async () => {
    const s = await DataSession.open();
    await expect(s.run("SELECT * FROM nope", "loading the panel")).rejects.toThrow(
      /^loading the panel: .*nope/,
    );
    await s.close();
  });

  it("quotes odd identifiers and literals safely", async () => {
    const s = await DataSession.open();
    const name = 'my "odd" col; DROP';
    await s.run(`CREATE TABLE t AS SELECT ${quoteLiteral("it's")} AS ${quoteIdent(name)}`);
    expect(await s.rows("SELECT * FROM t")).toEqual([{ [name]: "it's" }]);
    await s.close();
  });
});

describe("formatOf", () => {
  it("goes by extension, honours an override, and explains what it cannot read", () => {
    expect(formatOf("a/b.CSV")).toBe("csv");
    expect(formatOf("a/b.tsv")).toBe("csv");
    expect(formatOf("x.parquet")).toBe("parquet");
    expect(formatOf("x.xlsx")).toBe("xlsx");
    expect(formatOf("x.dta")).toBe("dta");
    expect(formatOf("x.data", "PARQUET")).toBe("parquet");
    expect(() => formatOf("x.xls")).toThrow(
      /old Excel \.xls files are not supported; save the sheet as \.xlsx/,
    );
    expect(() => formatOf("x.sav")).toThrow(/cannot tell the format from the extension "\.sav"/);
    expect(() => formatOf("x.csv", "sas")).toThrow(
      /unknown format "sas" for x\.csv; use one of csv, parquet, xlsx, dta/,
    );
  });
});
