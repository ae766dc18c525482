/**
 * .dta → DuckDB writes each column in its final type straight from the decoded batches (issue 12):
 * storage types kept, %td/%tc converted from Stata's 1960 epoch, missing values and "" as NULL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeDta } from "../../src/io/dta/index.js";
import { readFile } from "../../src/io/read-file.js";
import { DataSession } from "../../src/io/session.js";

const dir = mkdtempSync(join(tmpdir(), "rm-dta-types-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(".dta storage types into DuckDB", () => {
  it("keeps byte/int/long/float/double, converts %td and %tc dates, and stores missing as NULL", async () => {
    const path = join(dir, "types.dta");
    const n = 5000; // more than two DuckDB chunks
    const col = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
    await writeDta(path, {
      columns: [
        { name: "b", type: "byte", values: col((i) => (i % 7 === 0 ? Number.NaN : (i % 200) - 100)) },
        { name: "s", type: "int", values: col((i) => i - 2500) },
        { name: "l", type: "long", values: col((i) => i * 400_000 - 1e9) },
        { name: "f", type: "float", values: col((i) => Math.fround(i / 3)) },
        { name: "d", type: "double", values: col((i) => i / 7) },
        { name: "day", type: "long", format: "%td", values: col((i) => i - 100) },
        { name: "t", type: "double", format: "%tc", values: col((i) => i * 86_400_000 + 1234) },
        {
          name: "txt",
          type: "str",
          values: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? "" : `v${i}`)),
        },
      ],
    });
    const session = await DataSession.open(":memory:");
    try {
      const report = await readFile(session, "x", path);
      expect(report.rows).toBe(n);
      const types = Object.fromEntries((await session.columns("x")).map((c) => [c.name, c.type]));
      expect(types).toMatchObject({
        b: "TINYINT",
        s: "SMALLINT",
        l: "INTEGER",
        f: "FLOAT",
        d: "DOUBLE",
        day: "DATE",
        t: "TIMESTAMP",
        txt: "VARCHAR",
      });
      const rows = await session.rows(
        "SELECT b, s, l, CAST(f AS DOUBLE) AS f, d, CAST(day AS VARCHAR) AS day, CAST(t AS VARCHAR) AS t, txt FROM x WHERE rowid IN (0, 1, 4999)",
      );
      expect(rows[0]).toMatchObject({ b: null, s: -2500, l: -1e9, f: 0, d: 0, day: "1959-09-23", txt: null });
      expect(rows[0].t).toBe("1960-01-01 00:00:01.234");
      expect(rows[1]).toMatchObject({ b: -99, s: -2499, day: "1959-09-24", txt: "v1" });
      expect(rows[1].f).toBe(Math.fround(1 / 3));
      expect(rows[2]).toMatchObject({ b: 99, l: 4999 * 400_000 - 1e9 });
      expect(rows[2].t).toBe("1973-09-08 00:00:01.234");
    } finally {
      await session.close();
    }
  });
});
