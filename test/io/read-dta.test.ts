import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeTable } from "../../src/io/describe-table.js";
import { readFile } from "../../src/io/read-file.js";
import { DataSession } from "../../src/io/session.js";
import { writeTable } from "../../src/io/write-file.js";

const FIX = "test/fixtures/dta";
interface ExpectedColumn {
  name: string;
  label: string | null;
  class: string;
  values: (number | string | null)[];
  value_labels: Record<string, number | null> | null;
}
const expected: Record<string, { nrow: number; columns: ExpectedColumn[] }> = JSON.parse(
  readFileSync(`${FIX}/expected.json`, "utf8"),
);

let session: DataSession;
beforeAll(async () => {
  session = await DataSession.open();
});
afterAll(async () => {
  await session.close();
});

describe(".dta files into DuckDB tables", () => {
  for (const file of [
    "synthetic_v14.dta",
    "synthetic_v8.dta",
    "chinese_utf8_v14.dta",
    "types.dta",
    "strl_v14.dta",
  ]) {
    it(`${file}: every value as haven reads it (dates as ISO dates, "" strings as missing)`, async () => {
      const want = expected[file];
      const report = await readFile(session, "t", `${FIX}/${file}`);
      expect(report.rows).toBe(want.nrow);
      expect(report.columns.map((c) => c.name)).toEqual(want.columns.map((c) => c.name));
      const rows = await session.rows("SELECT * FROM t ORDER BY rowid");
      for (const col of want.columns) {
        const got = rows.map((r) => r[col.name]);
        const norm = col.values.map((v) => {
          if (col.class === "character" && v === "") return null;
          if (col.class === "POSIXct" && typeof v === "string")
            return v
              .replace("T", " ")
              .replace(/\.000$/, "")
              .replace(" 00:00:00", "");
          return v;
        });
        if (col.class === "numeric" && col.name === "vfloat") {
          // float storage: compare at float precision (haven prints 15 digits)
          for (let i = 0; i < got.length; i++) expect(got[i] as number).toBeCloseTo(norm[i] as number, 12);
        } else {
          expect(got, `${file} column ${col.name}`).toEqual(norm);
        }
      }
    });
  }

  it("reads a GBK-encoded old-format file with encoding: gbk", async () => {
    await readFile(session, "t", `${FIX}/chinese_gbk_v12.dta`, { encoding: "gbk" });
    const want = expected["chinese_gbk_v12.dta"].columns.find((c) => c.name === "name")!;
    expect((await session.rows("SELECT name FROM t ORDER BY rowid")).map((r) => r.name)).toEqual(want.values);
  });

  it("keeps variable and value labels on the session, shows them in describe, and writes them back", async () => {
    await readFile(session, "t", `${FIX}/synthetic_v14.dta`);
    const meta = session.meta.get("t")!;
    expect(meta.columns.output.label).toBe("Gross output (thousand yuan)");
    expect(meta.columns.owner.valueLabel).not.toBeNull();
    const set = meta.valueLabels[meta.columns.owner.valueLabel!];
    expect(set).toEqual([
      { value: 1, label: "SOE" },
      { value: 2, label: "Private" },
      { value: 3, label: "Foreign" },
    ]);
    const summary = await describeTable(session, "t");
    expect(summary.find((r) => r.name === "output")!.label).toBe("Gross output (thousand yuan)");

    const out = join(mkdtempSync(join(tmpdir(), "rm-dta-")), "again.dta");
    await writeTable(session, "t", out);
    await readFile(session, "u", out);
    const again = session.meta.get("u")!;
    expect(again.columns.output.label).toBe("Gross output (thousand yuan)");
    expect(again.valueLabels[again.columns.owner.valueLabel!]).toEqual(set);
    expect(await session.rows("SELECT * FROM u ORDER BY rowid")).toEqual(
      await session.rows("SELECT * FROM t ORDER BY rowid"),
    );
  });

  it("reports extended missing values (.a–.z) read as plain missing", async () => {
    const report = await readFile(session, "t", `${FIX}/tagged-na-int.dta`);
    expect(report.warnings).toEqual([
      expect.stringMatching(/variable "x" has 3 extended missing value\(s\) \(\.a–\.z\)/),
    ]);
    expect((await session.rows("SELECT x FROM t ORDER BY rowid")).map((r) => r.x)).toEqual([
      1,
      2,
      3,
      4,
      5,
      null,
      null,
      null,
    ]);
  });
});
