/**
 * The .dta table-function scan (dta-scan.ts) that `convert` streams to Parquet and `readFile` loads
 * into a table: files of several read blocks in both byte orders, built byte by byte by the test
 * builder (not the production writer), give every value, missing value and type as the file holds
 * it, with the same extended-missing counts, on both paths; a broken strL reference in a later block
 * fails with the reader's error (variable and row) and leaves no output and no table.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertFile } from "../../src/io/convert-file.js";
import { DtaError } from "../../src/io/dta/index.js";
import { readFile } from "../../src/io/read-file.js";
import { DataSession } from "../../src/io/session.js";
import { type BuildCell, type BuildSpec, buildDta } from "./dta/dta-builder.js";
import { useTmpDir } from "./dta/tmp-dir.js";

const tmp = useTmpDir("dta-scan");
/** More than two of the scan's 32,768-row read blocks, and not a multiple of its 2,048-row chunks. */
const N = 2 * 32_768 + 1_234;

const VARS: BuildSpec["vars"] = [
  { name: "b", type: "byte" },
  { name: "i", type: "int" },
  { name: "l", type: "long" },
  { name: "f", type: "float" },
  { name: "d", type: "double" },
  { name: "s", type: "str", strWidth: 9 },
  { name: "note", type: "strL" },
  { name: "day", type: "long", format: "%td" },
  { name: "w", type: "str", strWidth: 20 },
];

/** Row r's cells: values of every type, with `.` and `.a`–`.z` scattered over all numeric columns. */
function cells(r: number): BuildCell[] {
  const miss = (k: number): BuildCell | null => (r % k === 0 ? { missing: 1 + ((r / k) % 27) } : null);
  return [
    miss(101) ?? (r % 201) - 100,
    miss(103) ?? (r % 60_001) - 30_000,
    miss(107) ?? r * 31 - 1_000_000,
    miss(109) ?? (r % 4096) * 0.25,
    miss(113) ?? r * 1.5 - 7e5,
    // Chinese in the first rows only: later chunks are all ASCII (written from the bytes)
    r % 5 === 0 ? "" : r % 3 === 0 && r < 20_000 ? "北京市" : `c${r % 300}`,
    r % 7 === 0 ? "" : `note ${r} ${"x".repeat(r % 40)}`,
    miss(127) ?? 21_000 + (r % 3_000),
    // ASCII: empty, inline (≤ 12 bytes) and longer values
    r % 11 === 0 ? "" : r % 2 === 0 ? `v${r % 7}` : `long value ${r}`.slice(0, 20),
  ];
}

/** What the scan must give for a cell: numbers as stored, every missing value and "" as null. */
function expected(cell: BuildCell): number | string | null {
  if (typeof cell === "object") return null;
  return cell === "" ? null : cell;
}

const rows = Array.from({ length: N }, (_, r) => cells(r));
const extendedCounts = VARS.map((_, j) =>
  rows.reduce(
    (k, row) => k + (typeof row[j] === "object" && (row[j] as { missing: number }).missing > 1 ? 1 : 0),
    0,
  ),
);

let session: DataSession;
beforeAll(async () => {
  session = await DataSession.open();
});
afterAll(async () => {
  await session.close();
});

/** The values of a relation, dates as days since 1960-01-01 (Stata's %td). */
async function values(from: string): Promise<(number | string | null)[][]> {
  const got = await session.rows(
    `SELECT b, i, l, f, d, s, note, (day - DATE '1960-01-01')::INTEGER AS day, w FROM ${from}`,
  );
  return got.map((r) => VARS.map((v) => r[v.name] as number | string | null));
}

function extendedWarnings(warnings: readonly string[]): number[] {
  return VARS.map((v) => {
    const w = warnings.find((x) => x.includes(`variable "${v.name}" has `));
    return w ? Number(/has (\d+) extended/.exec(w)![1]) : 0;
  });
}

describe(".dta scan into Parquet and into a table", () => {
  for (const byteOrder of ["LSF", "MSF"] as const) {
    it(`${byteOrder}: ${N} rows of every storage type, the same on both paths`, async () => {
      const path = tmp.write(`all-${byteOrder}.dta`, buildDta({ release: 118, byteOrder, vars: VARS, rows }));
      const out = tmp.path(`all-${byteOrder}.parquet`);
      const converted = await convertFile(path, out);
      expect(converted.rows).toBe(N);
      expect(extendedWarnings(converted.warnings)).toEqual(extendedCounts);
      expect(extendedCounts.filter((k) => k > 0).length).toBe(6);

      const want = rows.map((row) => row.map(expected));
      expect(await values(`read_parquet('${out}')`)).toEqual(want);
      const types = await session.rows(`SELECT column_type FROM (DESCRIBE FROM read_parquet('${out}'))`);
      expect(types.map((t) => t.column_type)).toEqual([
        "TINYINT",
        "SMALLINT",
        "INTEGER",
        "FLOAT",
        "DOUBLE",
        "VARCHAR",
        "VARCHAR",
        "DATE",
        "VARCHAR",
      ]);

      const read = await readFile(session, "t", path);
      expect(read.rows).toBe(N);
      expect(extendedWarnings(read.warnings)).toEqual(extendedCounts);
      expect(await values("t ORDER BY rowid")).toEqual(want);
    });
  }

  it("variables whose names differ only in case are refused with both names, before anything is written", async () => {
    const path = tmp.write(
      "case.dta",
      buildDta({
        release: 118,
        byteOrder: "LSF",
        vars: [
          { name: "l", type: "double" },
          { name: "L", type: "double" },
        ],
        rows: [
          [1, 2],
          [3, 4],
        ],
      }),
    );
    const out = tmp.path("case.parquet");
    await expect(convertFile(path, out)).rejects.toThrow(
      /variables "l" and "L" differ only in case.*rename L L_2/,
    );
    expect(existsSync(out)).toBe(false);
    await expect(readFile(session, "case_t", path)).rejects.toThrow(/"l" and "L" differ only in case/);
  });

  it("a broken strL reference in a later block fails with the variable and row, leaving nothing", async () => {
    const small = rows.slice(0, 40_000);
    const bytes = Buffer.from(buildDta({ release: 118, byteOrder: "LSF", vars: VARS, rows: small }));
    // Row width: 1 + 2 + 4 + 4 + 8 + 9 + 8 (strL: v in 2 bytes, o in 6) + 4 + 20 = 60.
    const row = 39_001;
    const at = bytes.indexOf("<data>") + 6 + (row - 1) * 60 + 28 + 2;
    bytes.writeUInt32LE(99_999, at); // o = 99999: beyond the 40,000 rows, so no GSO has it
    const path = tmp.write("badref.dta", bytes);
    const out = tmp.path("badref.parquet");
    const err = await convertFile(path, out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DtaError);
    expect((err as Error).message).toMatch(
      /strL reference .* has no matching entry.*variable "note", row 39001/,
    );
    expect(existsSync(out)).toBe(false);

    const again = await readFile(session, "broken", path).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DtaError);
    expect(await session.hasTable("broken")).toBe(false);
  });
});
