import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Column } from "../../src/frame/frame.js";
import { DataSession } from "../../src/io/session.js";
import { toFrame } from "../../src/io/to-frame.js";

let session: DataSession;
beforeAll(async () => {
  session = await DataSession.open();
});
afterAll(async () => {
  await session.close();
});

function numbers(col: Column): number[] {
  if (col.type !== "number") throw new Error("expected a numeric column");
  return [...col.values];
}

function texts(col: Column): (string | null)[] {
  if (col.type !== "category") throw new Error("expected a categorical column");
  return [...col.codes].map((c) => (c < 0 ? null : col.levels[c]));
}

describe("toFrame", () => {
  it("converts every numeric DuckDB type to doubles with NULL as NaN", async () => {
    await session.run(`CREATE OR REPLACE TABLE types AS SELECT * FROM (VALUES
      (1::TINYINT, 2::SMALLINT, 3::INTEGER, 9007199254740993::BIGINT, 1.25::DECIMAL(10,2), 0.1::FLOAT, 0.1::DOUBLE, true, 7::HUGEINT, 8::UBIGINT),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL)
    ) v(ti, si, i, bi, de, fl, db, bo, hi, ub)`);
    const f = await toFrame(session, "types");
    expect(f.nrows).toBe(2);
    expect(f.names).toEqual(["ti", "si", "i", "bi", "de", "fl", "db", "bo", "hi", "ub"]);
    expect(numbers(f.columns.ti)).toEqual([1, Number.NaN]);
    expect(numbers(f.columns.si)).toEqual([2, Number.NaN]);
    expect(numbers(f.columns.i)).toEqual([3, Number.NaN]);
    // issue 8: a BIGINT beyond 2^53 would round as a double (merging identifiers): it comes over as exact text
    expect(texts(f.columns.bi)).toEqual(["9007199254740993", null]);
    expect(numbers(f.columns.de)[0]).toBe(1.25);
    expect(numbers(f.columns.fl)[0]).toBe(Math.fround(0.1));
    expect(numbers(f.columns.db)[0]).toBe(0.1);
    expect(numbers(f.columns.bo)).toEqual([1, 0]);
    expect(numbers(f.columns.hi)).toEqual([7, Number.NaN]);
    expect(numbers(f.columns.ub)).toEqual([8, Number.NaN]);
  });

  it("gives dates as days and timestamps as seconds since 1970-01-01", async () => {
    const f = await toFrame(
      session,
      "SELECT DATE '1970-01-02' AS d, DATE '1960-01-01' AS old, TIMESTAMP '1970-01-01 00:01:00.5' AS ts",
    );
    expect(numbers(f.columns.d)).toEqual([1]);
    expect(numbers(f.columns.old)).toEqual([-3653]);
    expect(numbers(f.columns.ts)).toEqual([60.5]);
  });

  it("encodes text as sorted levels with -1 for NULL, including Chinese and empty strings", async () => {
    const f = await toFrame(
      session,
      "SELECT * FROM (VALUES (1, 'b'), (2, '中文'), (3, NULL), (4, 'a'), (5, 'b'), (6, '')) v(k, g) ORDER BY k",
    );
    const g = f.columns.g;
    if (g.type !== "category") throw new Error("g should be categorical");
    expect(g.levels).toEqual(["", "a", "b", "中文"]);
    expect([...g.codes]).toEqual([2, 3, -1, 1, 2, 0]);
    expect(texts(g)).toEqual(["b", "中文", null, "a", "b", ""]);
  });

  it("reads an all-NULL text column as a category with no levels", async () => {
    const f = await toFrame(session, "SELECT CAST(NULL AS VARCHAR) AS g FROM range(3)");
    expect(f.columns.g).toEqual({ type: "category", codes: new Int32Array([-1, -1, -1]), levels: [] });
  });

  it("keeps row order and values across many chunks, with NULLs in every chunk", async () => {
    await session.run(
      "CREATE OR REPLACE TABLE big AS SELECT i, CASE WHEN i % 7 = 3 THEN NULL ELSE i * 0.5 END AS x, " +
        "CASE WHEN i % 11 = 0 THEN NULL ELSE 'g' || (i % 13) END AS g FROM range(100000) r(i)",
    );
    let progressCalls = 0;
    const f = await toFrame(session, "big", { onProgress: () => progressCalls++ });
    expect(f.nrows).toBe(100000);
    expect(progressCalls).toBeGreaterThan(0);
    const x = f.columns.x;
    const g = f.columns.g;
    if (x.type !== "number" || g.type !== "category") throw new Error("unexpected column types");
    for (let i = 0; i < 100000; i++) {
      const wantX = i % 7 === 3 ? Number.NaN : i * 0.5;
      if (!Object.is(x.values[i], wantX)) throw new Error(`x row ${i}: ${x.values[i]} != ${wantX}`);
      const wantG = i % 11 === 0 ? null : `g${i % 13}`;
      const gotG = g.codes[i] < 0 ? null : g.levels[g.codes[i]];
      if (gotG !== wantG) throw new Error(`g row ${i}: ${gotG} != ${wantG}`);
    }
  });

  it("is deterministic: the same table gives identical frames", async () => {
    const a = await toFrame(session, "big");
    const b = await toFrame(session, "big");
    expect(b).toEqual(a);
  });

  it("records the source and restores DuckDB's thread setting", async () => {
    const [{ t }] = await session.rows("SELECT current_setting('threads') AS t");
    const f = await toFrame(session, "types", { source: "types.parquet" });
    expect(f.source).toBe("types.parquet");
    const [{ t: after }] = await session.rows("SELECT current_setting('threads') AS t");
    expect(after).toBe(t);
  });

  it("refuses types a frame cannot hold, naming the column and suggesting a cast", async () => {
    await expect(toFrame(session, "SELECT [1, 2] AS lst")).rejects.toThrow(
      /column "lst" has type INTEGER\[\].*CAST/,
    );
  });

  it("refuses duplicate column names", async () => {
    await expect(toFrame(session, "SELECT 1 AS a, 2 AS a")).rejects.toThrow(/column "a" appears twice/);
  });

  it("reports a failing query with context", async () => {
    await expect(toFrame(session, "SELECT nope FROM big")).rejects.toThrow(
      /cannot run the query for a frame/,
    );
  });

  it("handles empty tables", async () => {
    const f = await toFrame(session, "SELECT 1.5 AS x, 'a' AS g WHERE false");
    expect(f.nrows).toBe(0);
    expect(f.columns.x).toEqual({ type: "number", values: new Float64Array(0) });
    expect(f.columns.g).toEqual({ type: "category", codes: new Int32Array(0), levels: [] });
  });
});
