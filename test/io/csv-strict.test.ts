import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../src/io/csv/read-csv.js";
import { DataSession } from "../../src/io/session.js";
import { referenceParse } from "./csv-reference.js";

const dir = mkdtempSync(join(tmpdir(), "rm-csv-"));
let session: DataSession;
let counter = 0;
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

describe("CSV dialect and types", () => {
  it("detects tab and semicolon delimiters and keeps the column order", async () => {
    await readCsv(session, "t", file("b\ta\tc\n1\tx\t2.5\n"));
    expect(await session.columns("t")).toEqual([
      { name: "b", type: "BIGINT" },
      { name: "a", type: "VARCHAR" },
      { name: "c", type: "DOUBLE" },
    ]);
    await readCsv(session, "t", file("x;y\n1,5;2\n"));
    expect(await session.rows("SELECT * FROM t")).toEqual([{ x: "1,5", y: 2 }]);
  });

  it("reads Stata-style numbers (.5, -.97, 1e-3), '.'/NA/empty as missing, and quoted numbers as numbers", async () => {
    await readCsv(session, "t", file('a,b,c\n.5,-.97914803,"3"\n.,NA,\n1e-3,2.,""\n'));
    expect(await session.rows("SELECT * FROM t")).toEqual([
      { a: 0.5, b: -0.97914803, c: 3 },
      { a: null, b: null, c: null },
      { a: 0.001, b: 2, c: null },
    ]);
    expect((await session.columns("t")).map((c) => c.type)).toEqual(["DOUBLE", "DOUBLE", "BIGINT"]);
  });

  it("decides types over the whole file: a text value on the last line makes the column text", async () => {
    const lines = ["id,v"];
    for (let i = 0; i < 30000; i++) lines.push(`${i},${i}`);
    lines.push("30000,n/a");
    await readCsv(session, "t", file(`${lines.join("\n")}\n`));
    expect((await session.columns("t")).map((c) => c.type)).toEqual(["BIGINT", "VARCHAR"]);
    expect(await session.rowCount("t")).toBe(30001);
  });

  it("reads ISO dates as DATE, and an all-missing column as DOUBLE", async () => {
    await readCsv(session, "t", file("d,e\n2020-01-31,\n1999-12-01,.\n"));
    expect(await session.columns("t")).toEqual([
      { name: "d", type: "DATE" },
      { name: "e", type: "DOUBLE" },
    ]);
  });

  it("falls back when a cast would fail: integers too long for BIGINT stay exact text (identifiers), impossible dates stay text, inf is missing", async () => {
    await readCsv(session, "t", file("big,d,x\n99999999999999999999,2020-13-45,inf\n1,2020-01-01,1\n"));
    expect(await session.columns("t")).toEqual([
      { name: "big", type: "VARCHAR" },
      { name: "d", type: "VARCHAR" },
      { name: "x", type: "BIGINT" },
    ]);
    expect(await session.rows("SELECT big, x FROM t")).toEqual([
      { big: "99999999999999999999", x: null },
      { big: "1", x: 1 },
    ]);
  });

  it("treats a first line of numbers as data, naming the columns v1, v2, …", async () => {
    await readCsv(session, "t", file("1,2\n3,4\n"));
    expect(await session.rows("SELECT * FROM t")).toEqual([
      { v1: 1, v2: 2 },
      { v1: 3, v2: 4 },
    ]);
  });

  it("reads a header-only file as an empty table", async () => {
    const report = await readCsv(session, "t", file("a,b\n"));
    expect(report.rows).toBe(0);
    expect(report.columns.map((c) => c.name)).toEqual(["a", "b"]);
  });

  it("honours header: false and an explicit delimiter", async () => {
    await readCsv(session, "t", file("x|y\n"), { header: false, delimiter: "|" });
    expect(await session.rows("SELECT * FROM t")).toEqual([{ v1: "x", v2: "y" }]);
  });
});

describe("CSV errors name the file and the line", () => {
  it("reports a row with too few fields instead of padding it", async () => {
    const f = file("a,b,name\n1,2,x\n3,4\n5,6,z\n");
    await expect(readCsv(session, "t", f)).rejects.toThrow(
      `${f}: line 3 (data row 2) has 2 fields where the header has 3 (a, b, name) ("3,4"); fix that row`,
    );
  });

  it("reports a row with too many fields instead of dropping the header", async () => {
    const f = file("a,b\n1,2\n3,4,5\n");
    await expect(readCsv(session, "t", f)).rejects.toThrow(
      `${f}: line 3 (data row 2) has more than 2 fields where the header has 2 (a, b) ("3,4,5")`,
    );
    // a trailing delimiter is an extra (empty) field too, which DuckDB alone would drop silently
    const g = file("a,b\n1,2\n3,4,\n");
    await expect(readCsv(session, "t", g)).rejects.toThrow(
      `${g}: line 3 (data row 2) has more than 2 fields`,
    );
  });

  it("counts records, not lines, when a quoted field spans lines", async () => {
    const f = file('a,b\n"multi\nline",1\n2\n');
    await expect(readCsv(session, "t", f)).rejects.toThrow(
      `${f}: line 4 (data row 2) has 1 field where the header has 2`,
    );
  });

  it("reports an unterminated quote with its line", async () => {
    const f = file('a,b\n1,2\n3,"4\n');
    await expect(readCsv(session, "t", f)).rejects.toThrow(
      /line 3 opens a quoted field that is never closed/,
    );
  });

  it("reports an empty file, a missing file and duplicate header names", async () => {
    const empty = file("");
    await expect(readCsv(session, "t", empty)).rejects.toThrow(`${empty}: the file is empty`);
    await expect(readCsv(session, "t", join(dir, "nope.csv"))).rejects.toThrow(
      /nope\.csv: cannot open the file \(no such file\)/,
    );
    const dup = file("id,x,ID\n1,2,3\n");
    await expect(readCsv(session, "t", dup)).rejects.toThrow(
      /two columns named "id"\/"ID" \(columns 1 and 3/,
    );
  });

  it("warns when the file does not end with a line break (possibly truncated)", async () => {
    const report = await readCsv(session, "t", file("a,b\n1,2\n3,4"));
    expect(report.rows).toBe(2);
    expect(report.warnings).toEqual([
      expect.stringMatching(/does not end with a line break.*data row 2\) may be cut off/),
    ]);
  });
});

/** A random table rendered as CSV text the way R or Stata would write it. */
const tableArb = fc
  .record({
    ncols: fc.integer({ min: 2, max: 4 }),
    nrows: fc.integer({ min: 1, max: 8 }),
    seed: fc.array(
      fc.oneof(
        fc.integer({ min: -1000, max: 1000 }).map(String),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => String(x)),
        fc.string({ unit: fc.constantFrom("a", "b", "中", "文", ",", '"', " ", "x", "\n"), maxLength: 6 }),
        fc.constant(""),
      ),
      { minLength: 32, maxLength: 32 },
    ),
  })
  .map(({ ncols, nrows, seed }) => {
    const names = Array.from({ length: ncols }, (_, j) => `c${j}`);
    const quote = (s: string) => (/[",\n]/.test(s) || s.trim() !== s ? `"${s.replaceAll('"', '""')}"` : s);
    const lines = [names.join(",")];
    for (let i = 0; i < nrows; i++) {
      lines.push(names.map((_, j) => quote(seed[(i * ncols + j) % seed.length])).join(","));
    }
    return `${lines.join("\n")}\n`;
  });

/** A corruption: cut the bytes, delete one, or insert a troublesome character. */
const corruptionArb = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.constantFrom(",", '"', "\n", "x", "1", ".", " ", "中"),
  }),
);

function corrupt(bytes: Buffer, c: { kind: string; at: number; text?: string }): Buffer {
  const at = bytes.length === 0 ? 0 : c.at % (bytes.length + 1);
  if (c.kind === "truncate") return bytes.subarray(0, at);
  if (c.kind === "delete") return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(c.text ?? ""), bytes.subarray(at)]);
}

async function readBack(): Promise<{ names: string[]; columns: (number | string | null)[][] }> {
  const cols = await session.columns("t");
  const rows = await session.rows("SELECT * FROM t ORDER BY rowid");
  const value = (v: unknown) => (typeof v === "number" ? v + 0 : v) as number | string | null;
  return { names: cols.map((c) => c.name), columns: cols.map((c) => rows.map((r) => value(r[c.name]))) };
}

describe("CSV property tests", () => {
  it("reads every well-formed generated file back exactly", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async (text) => {
        const ref = referenceParse(text);
        if (!ref.ok) throw new Error(`generator produced invalid CSV: ${ref.reason}`);
        const report = await readCsv(session, "t", file(text));
        // no warning, except naming the first text cell of a column that is mostly numbers
        expect(report.warnings.filter((w) => !/ is read as text because line \d+ holds /.test(w))).toEqual(
          [],
        );
        expect(await readBack()).toEqual({ names: ref.names, columns: ref.columns });
      }),
      { numRuns: 60 },
    );
  });

  it("on truncated or corrupted files: a clear error, or exactly what the bytes say (with a warning if cut)", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, corruptionArb, async (text, c) => {
        const bytes = corrupt(Buffer.from(text), c);
        const path = file(bytes);
        const utf8 = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
        const validUtf8 = !utf8.includes("\uFFFD");
        let report: Awaited<ReturnType<typeof readCsv>> | null = null;
        try {
          report = await readCsv(session, "t", path);
        } catch (err) {
          // an error must be an Error that names the file
          expect(err).toBeInstanceOf(Error);
          expect((err as Error).message).toContain(path);
          return;
        }
        // accepted: the bytes must be valid text — UTF-8, or GBK detected with a notice — and the
        // table exactly what they say
        const gbk = report.warnings.some((w) => w.includes("so it was read as GB18030"));
        expect(validUtf8 || gbk).toBe(true);
        const decoded = validUtf8 ? utf8 : new TextDecoder("gb18030", { fatal: true }).decode(bytes);
        const ref = referenceParse(decoded);
        if (!ref.ok)
          throw new Error(`read a file the reference rejects (${ref.reason}): ${JSON.stringify(decoded)}`);
        expect(await readBack()).toEqual({ names: ref.names, columns: ref.columns });
        const rows = ref.columns[0].length;
        const cut = bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a;
        if (cut && rows > 0)
          expect(report.warnings.some((w) => w.includes("does not end with a line break"))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
