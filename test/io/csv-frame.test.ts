import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame } from "../../src/frame/frame.js";
import { readCsvFrame } from "../../src/io/csv/csv-frame.js";
import { readCsv } from "../../src/io/csv/read-csv.js";
import { DataSession } from "../../src/io/session.js";
import { toFrame } from "../../src/io/to-frame.js";

const dir = mkdtempSync(join(tmpdir(), "rm-csv-frame-"));
let counter = 0;
let session: DataSession;
beforeAll(async () => {
  session = await DataSession.open();
});
afterAll(async () => {
  await session.close();
});

function file(content: string | Buffer, name = `f${++counter}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** GBK bytes of ASCII plus 中 and 文. */
function gbk(text: string): Buffer {
  const pairs: Record<string, number[]> = { 中: [0xd6, 0xd0], 文: [0xce, 0xc4] };
  return Buffer.from([...text].flatMap((ch) => pairs[ch] ?? [ch.charCodeAt(0)]));
}

function values(frame: Frame, name: string): (number | string | null)[] {
  const col = frame.columns[name];
  if (col.type === "number") return Array.from(col.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(col.codes, (c) => (c < 0 ? null : col.levels[c]));
}

describe("CSV straight into a frame", () => {
  it("gives the same frame as reading into DuckDB and transferring (types, values, level order)", async () => {
    for (const path of [
      "test/fixtures/ivreg2/data/card.csv",
      "test/fixtures/hdfe/data/produc.csv",
      "test/fixtures/hdfe/data/trade.csv",
      "test/fixtures/hdfe/data/firm_panel.csv",
      file(
        "code,name,d,big,x\n007,上海,2020-01-31,123456789012345678,1.5\n010,Zürich,,9,NA\n,😀,2021-02-28,,inf\n",
      ),
    ]) {
      const { frame } = await readCsvFrame(path);
      await readCsv(session, "t", path);
      const viaDuckDb = await toFrame(session, "t", { source: path });
      expect(frame).toEqual(viaDuckDb);
    }
  });

  it("refuses a file with a header but no data rows, naming it", async () => {
    const f = file("y,x\n");
    await expect(readCsvFrame(f)).rejects.toThrow(`${f} has a header but no data rows`);
  });

  it("names the text cell that makes a numeric column text: its line, column and value", async () => {
    const lines = ["id,x"];
    for (let i = 1; i <= 40; i++) lines.push(`${i},${i === 30 ? "n/a" : `${i}.0`}`);
    const f = file(`${lines.join("\n")}\n`);
    const { frame, warnings } = await readCsvFrame(f);
    expect(frame.columns.x.type).toBe("category");
    expect(warnings).toEqual([
      `${f}: column "x" is read as text because line 31 holds "n/a", which is not a number (1 of its 40 values are not numbers); if the column is numeric, correct or blank such cells`,
    ]);
  });

  it("names the text cell of a short mostly-numeric column, not another cell like 0.0", async () => {
    const f = file("y,x\n1,0.0\n2,abc\n3,1\n4,2\n");
    const { warnings } = await readCsvFrame(f);
    expect(warnings).toEqual([
      `${f}: column "x" is read as text because line 3 holds "abc", which is not a number (1 of its 4 values are not numbers); if the column is numeric, correct or blank such cells`,
    ]);
  });

  it("reads NaN, inf, -inf and Infinity (any case) as missing and numbers beyond a double's range as infinite, and counts them", async () => {
    const f = file("x,y\nNaN,1\ninf,2\n-INF,3\nInfinity,4\n1.5,1e309\n");
    const { frame, warnings } = await readCsvFrame(f);
    expect(values(frame, "x")).toEqual([null, null, null, null, 1.5]);
    expect(values(frame, "y")).toEqual([1, 2, 3, 4, Number.POSITIVE_INFINITY]);
    expect(warnings).toEqual([
      `${f}: column "x" has 4 value(s) written as NaN or inf (not finite numbers), read as missing`,
      `${f}: column "y" has 1 number(s) beyond the range of a double (such as 1e309), read as infinite; estimations delete such rows`,
    ]);
  });

  it("a NaN or inf text before a column's first text cell is missing in the text column too", async () => {
    const { frame } = await readCsvFrame(file("g,v\ninf,1\nNaN,2\nabc,3\n"));
    expect(values(frame, "g")).toEqual([null, null, "abc"]);
  });

  it("keeps identifiers exact: 18-digit integers, leading zeros and code-named columns are text", async () => {
    const f = file(
      "credit,hs6,cic_code,firm_id,v\n" +
        "913100001234567890,010121,1311,1,1\n" +
        "913100001234567891,020110,1312,2,2\n" +
        "913100001234567890,010121,1311,3,3\n",
    );
    const { frame } = await readCsvFrame(f);
    expect(values(frame, "credit")).toEqual([
      "913100001234567890",
      "913100001234567891",
      "913100001234567890",
    ]);
    expect(values(frame, "hs6")).toEqual(["010121", "020110", "010121"]);
    expect(values(frame, "cic_code")).toEqual(["1311", "1312", "1311"]);
    expect(frame.columns.firm_id.type).toBe("number");
  });

  it("decodes a GBK header without --encoding, with a notice, never a ���� column name", async () => {
    const f = file(gbk("id,中文\n1,2\n"));
    const { frame, warnings } = await readCsvFrame(f);
    expect(frame.names).toEqual(["id", "中文"]);
    expect(warnings).toEqual([
      expect.stringContaining(`${f}: the file is not UTF-8 but reads cleanly as Chinese GBK text`),
    ]);
  });

  it("a text value first seen late still gives every earlier row its text", async () => {
    const lines = ["g"];
    for (let i = 0; i < 5000; i++) lines.push(String(i % 7));
    lines.push("x");
    const { frame } = await readCsvFrame(file(`${lines.join("\n")}\n`));
    const g = values(frame, "g");
    expect(g.slice(0, 8)).toEqual(["0", "1", "2", "3", "4", "5", "6", "0"]);
    expect(g[5000]).toBe("x");
  });

  it("keeps the file's row order in the frame and in a table, beyond DuckDB's 122,880-row groups", async () => {
    const n = 300_000;
    const lines = ["i,x"];
    for (let i = 0; i < n; i++) lines.push(`${i},${(i * 0.5).toFixed(1)}`);
    const f = file(`${lines.join("\n")}\n`);
    const { frame } = await readCsvFrame(f);
    const col = frame.columns.i;
    if (col.type !== "number") throw new Error("i should be numeric");
    let outOfOrder = 0;
    for (let i = 0; i < n; i++) if (col.values[i] !== i) outOfOrder++;
    expect(outOfOrder).toBe(0);
    await readCsv(session, "t", f);
    const [{ bad }] = await session.rows("SELECT count(*) FILTER (WHERE i <> rowid) AS bad FROM t");
    expect(bad).toBe(0);
  });
});
