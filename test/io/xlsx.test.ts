import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrame } from "../../src/io/load-frame.js";
import { DataSession } from "../../src/io/session.js";
import { readXlsx } from "../../src/io/xlsx/read-xlsx.js";

const dir = mkdtempSync(join(tmpdir(), "rm-xlsx-"));
const book = join(dir, "robots.xlsx");
let session: DataSession;

beforeAll(async () => {
  session = await DataSession.open();
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("firms");
  a.addRow(["id", "name", "founded", "listed", "output", "double_output", "note"]);
  a.addRow([1, "上海机器人", new Date(Date.UTC(1991, 0, 1)), true, 1.5, { formula: "E2*2", result: 3 }, 5]);
  a.addRow([
    2,
    null,
    new Date(Date.UTC(2001, 5, 30)),
    false,
    null,
    { formula: "E3*2", result: { error: "#VALUE!" } },
    "n/a",
  ]);
  a.addRow([3, "Beta", null, null, { error: "#N/A" }, { formula: "E4*2", result: 8 }, 7]);
  a.addRow([]);
  const b = wb.addWorksheet("城市");
  b.addRow([]);
  b.addRow(["city", "robots"]);
  b.addRow(["苏州", 120]);
  b.addRow(["上海", 340.25]);
  await wb.xlsx.writeFile(book);
});
afterAll(async () => {
  await session.close();
});

describe("xlsx reader", () => {
  it("reads the first sheet: numbers, text, dates, booleans, formulas as cached results, empty as NULL", async () => {
    const report = await readXlsx(session, "t", book);
    expect(report.rows).toBe(3);
    expect(report.columns).toEqual([
      { name: "id", type: "DOUBLE" },
      { name: "name", type: "VARCHAR" },
      { name: "founded", type: "DATE" },
      { name: "listed", type: "BOOLEAN" },
      { name: "output", type: "DOUBLE" },
      { name: "double_output", type: "DOUBLE" },
      { name: "note", type: "VARCHAR" },
    ]);
    expect(await session.rows("SELECT * FROM t")).toEqual([
      {
        id: 1,
        name: "上海机器人",
        founded: "1991-01-01",
        listed: true,
        output: 1.5,
        double_output: 3,
        note: "5",
      },
      {
        id: 2,
        name: null,
        founded: "2001-06-30",
        listed: false,
        output: null,
        double_output: null,
        note: "n/a",
      },
      { id: 3, name: "Beta", founded: null, listed: null, output: null, double_output: 8, note: "7" },
    ]);
  });

  it("reports what it did not read literally: error cells and a column turned to text", async () => {
    const report = await readXlsx(session, "t", book);
    expect(report.warnings).toEqual([
      expect.stringMatching(
        /\[sheet "firms"\]: column "output" has 1 Excel error cell\(s\) \(first: #N\/A in data row 3\)/,
      ),
      expect.stringMatching(
        /column "double_output" has 1 Excel error cell\(s\) \(first: #VALUE! in data row 2\)/,
      ),
      expect.stringMatching(
        /column "note" is read as text because data row 2 holds "n\/a" while 2 other cell\(s\)/,
      ),
    ]);
  });

  it("selects a sheet by name or by 1-based index, skipping blank rows above the header", async () => {
    await readXlsx(session, "t", book, { sheet: "城市" });
    const byName = await session.rows("SELECT * FROM t");
    expect(byName).toEqual([
      { city: "苏州", robots: 120 },
      { city: "上海", robots: 340.25 },
    ]);
    await readXlsx(session, "t", book, { sheet: 2 });
    expect(await session.rows("SELECT * FROM t")).toEqual(byName);
    await readXlsx(session, "t", book, { sheet: "2" });
    expect(await session.rows("SELECT * FROM t")).toEqual(byName);
  });

  it("lists the sheets when the one asked for does not exist", async () => {
    await expect(readXlsx(session, "t", book, { sheet: "2019" })).rejects.toThrow(
      `${book}: no sheet "2019"; the sheets are 1: "firms", 2: "城市" (give a name or a 1-based number)`,
    );
    await expect(readXlsx(session, "t", book, { sheet: 3 })).rejects.toThrow(
      /no sheet 3; the sheets are 1: "firms", 2: "城市"/,
    );
  });

  it("refuses a header whose names differ only in case, naming both columns and the header row", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("s");
    sheet.addRow(["ID", "x", "id"]);
    sheet.addRow([1, 2, 3]);
    const path = join(dir, "clash.xlsx");
    await wb.xlsx.writeFile(path);
    await expect(readXlsx(session, "t", path)).rejects.toThrow(
      /header row \(row 1\) names two columns "ID"\/"id" \(columns 1 and 3; names are case-insensitive\)/,
    );
  });

  it("loads into a frame through loadFrame (dates as days since 1970)", async () => {
    const frame = await loadFrame(book, { onWarning: () => undefined });
    expect(frame.names).toEqual(["id", "name", "founded", "listed", "output", "double_output", "note"]);
    const founded = frame.columns.founded;
    if (founded.type !== "number") throw new Error("dates should be numeric in a frame");
    expect(founded.values[0]).toBe(Date.UTC(1991, 0, 1) / 86_400_000);
  });

  it("rejects a file that is not a workbook with a clear message", async () => {
    const fake = join(dir, "fake.xlsx");
    writeFileSync(fake, "id,x\n1,2\n");
    await expect(readXlsx(session, "t", fake)).rejects.toThrow(
      /fake\.xlsx: cannot read it as an Excel \.xlsx workbook/,
    );
  });

  it("rejects a workbook whose first sheet's directory entry is marked as a folder (JSZip would drop it and the next sheet be read)", async () => {
    const bytes = Buffer.from(readFileSync(book));
    let eocd = bytes.length - 22;
    while (bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
    let p = bytes.readUInt32LE(eocd + 16);
    for (;;) {
      const nameLen = bytes.readUInt16LE(p + 28);
      if (bytes.toString("utf8", p + 46, p + 46 + nameLen) === "xl/worksheets/sheet1.xml") break;
      p += 46 + nameLen + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    }
    bytes[p + 38] = 0xff; // the external attributes' low byte: the MS-DOS directory bit set
    const path = join(dir, "folder-flag.xlsx");
    writeFileSync(path, bytes);
    await expect(readXlsx(session, "t", path)).rejects.toThrow(
      /folder-flag\.xlsx: the file is damaged or incomplete \(entry xl\/worksheets\/sheet1\.xml is marked as a folder\)/,
    );
  });

  it("property: a truncated or corrupted workbook gives an Error naming the file, or exactly the original table", async () => {
    const bytes = readFileSync(book);
    await readXlsx(session, "t", book);
    const original = await session.rows("SELECT * FROM t");
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant("truncate" as const), at: fc.nat({ max: bytes.length - 1 }) }),
          fc.record({
            kind: fc.constant("flip" as const),
            at: fc.nat({ max: bytes.length - 1 }),
            byte: fc.integer({ min: 0, max: 255 }),
          }),
        ),
        async (c) => {
          const data = c.kind === "truncate" ? Buffer.from(bytes.subarray(0, c.at)) : Buffer.from(bytes);
          if (c.kind === "flip") data[c.at] = c.byte;
          const path = join(dir, "broken.xlsx");
          writeFileSync(path, data);
          await session.run("DROP TABLE IF EXISTS t");
          try {
            await readXlsx(session, "t", path);
          } catch (err) {
            expect(err).toBeInstanceOf(Error);
            expect((err as Error).message).toContain(path);
            return;
          }
          // accepted: the damage was outside the checked content (e.g. a timestamp in a zip header)
          expect(await session.rows("SELECT * FROM t")).toEqual(original);
        },
      ),
      { numRuns: 300 },
    );
  });
});
