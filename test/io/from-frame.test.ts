import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame } from "../../src/frame/frame.js";
import { frameFromArrays } from "../../src/frame/frame.js";
import { registerFrame } from "../../src/io/from-frame.js";
import { DataSession } from "../../src/io/session.js";
import { toFrame } from "../../src/io/to-frame.js";

let session: DataSession;
beforeAll(async () => {
  session = await DataSession.open();
});
afterAll(async () => {
  await session.close();
});

/** A categorical column with `nlevels` levels, codes cycling through them, every 5th missing. */
function manyLevels(n: number, nlevels: number): Frame {
  const levels = Array.from({ length: nlevels }, (_, i) => `L${String(i).padStart(6, "0")}`);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = i % 5 === 4 ? -1 : i % nlevels;
  return { nrows: n, names: ["g"], columns: { g: { type: "category", codes, levels } } };
}

describe("registerFrame", () => {
  it("refuses two columns whose names differ only in case (DuckDB's names are case-insensitive)", async () => {
    const frame = frameFromArrays({ Year: Float64Array.of(1, 2), year: Float64Array.of(3, 4) }, "test frame");
    await expect(registerFrame(session, "t", frame)).rejects.toThrow(
      /two columns are named "year" .*case-insensitive/,
    );
  });

  it("round-trips numbers (NaN as NULL) and text through DuckDB", async () => {
    const n = 5000;
    const x = new Float64Array(n);
    // NaNs only in the first chunk: a later chunk must not inherit the first chunk's NULL mask
    for (let i = 0; i < n; i++) x[i] = i < 2048 && i % 7 === 0 ? Number.NaN : i * 0.25 - 100;
    const words = ["a", "中文", `it's "quoted"`, "", "b,c"];
    const g = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : words[i % words.length]));
    const frame = frameFromArrays({ x, g }, "test frame");
    await registerFrame(session, "t", frame);
    expect(await session.columns("t")).toEqual([
      { name: "x", type: "DOUBLE" },
      { name: "g", type: "VARCHAR" },
    ]);
    const [stats] = await session.rows(
      "SELECT count(*) AS n, count(x) AS nx, count(g) AS ng, count(*) FILTER (WHERE rowid >= 2048 AND x IS NULL) AS late FROM t",
    );
    expect(stats).toEqual({ n, nx: n - 293, ng: n - 1667, late: 0 });
    const back = await toFrame(session, "t");
    expect([...(back.columns.x as { values: Float64Array }).values]).toEqual([...x]);
    const bg = back.columns.g;
    if (bg.type !== "category") throw new Error("g should come back categorical");
    for (let i = 0; i < n; i++) expect(bg.codes[i] < 0 ? null : bg.levels[bg.codes[i]]).toBe(g[i]);
  });

  it("handles dictionaries that need 1-, 2- and 4-byte ENUM codes", async () => {
    for (const nlevels of [3, 301, 70001]) {
      const frame = manyLevels(100000, nlevels);
      await registerFrame(session, "many", frame);
      const [{ ng, nd, first, last }] = await session.rows(
        "SELECT count(g) AS ng, count(DISTINCT g) AS nd, min(g) AS first, max(g) AS last FROM many",
      );
      const src0 = frame.columns.g;
      if (src0.type !== "category") throw new Error("unreachable");
      const present = [...new Set([...src0.codes].filter((c) => c >= 0))].map((c) => src0.levels[c]).sort();
      expect(ng).toBe(80000);
      expect(nd).toBe(present.length);
      expect(first).toBe(present[0]);
      expect(last).toBe(present[present.length - 1]);
      const back = await toFrame(session, "many");
      const col = back.columns.g;
      const src = frame.columns.g;
      if (col.type !== "category" || src.type !== "category") throw new Error("unreachable");
      for (let i = 0; i < frame.nrows; i += 997) {
        expect(col.codes[i] < 0 ? null : col.levels[col.codes[i]]).toBe(
          src.codes[i] < 0 ? null : src.levels[src.codes[i]],
        );
      }
    }
  });

  it("stores an all-missing categorical column as NULL text", async () => {
    const frame: Frame = {
      nrows: 3,
      names: ["e"],
      columns: { e: { type: "category", codes: new Int32Array([-1, -1, -1]), levels: [] } },
    };
    await registerFrame(session, "empty_cat", frame);
    expect(await session.rows("SELECT count(e) AS n, count(*) AS total FROM empty_cat")).toEqual([
      { n: 0, total: 3 },
    ]);
  });

  it("leaves no helper tables or types behind", async () => {
    await registerFrame(session, "clean", frameFromArrays({ g: ["a", "b"] }));
    const tables = await session.rows(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE '__rm_%'",
    );
    expect(tables).toEqual([]);
    const types = await session.rows("SELECT type_name FROM duckdb_types() WHERE type_name LIKE '__rm_%'");
    expect(types).toEqual([]);
  });

  it("rejects inconsistent frames with messages naming the column", async () => {
    const bad: Frame = {
      nrows: 2,
      names: ["g"],
      columns: { g: { type: "category", codes: new Int32Array([0, 5]), levels: ["a"] } },
      source: "bad.csv",
    };
    await expect(registerFrame(session, "bad", bad)).rejects.toThrow(
      /bad.csv: column "g" row 2 has code 5 but only 1 levels/,
    );
    const dupLevels: Frame = {
      nrows: 1,
      names: ["g"],
      columns: { g: { type: "category", codes: new Int32Array([0]), levels: ["a", "a"] } },
    };
    await expect(registerFrame(session, "bad", dupLevels)).rejects.toThrow(/lists level "a" twice/);
    const short: Frame = {
      nrows: 3,
      names: ["x"],
      columns: { x: { type: "number", values: new Float64Array(2) } },
    };
    await expect(registerFrame(session, "bad", short)).rejects.toThrow(/column "x" has 2 rows, the frame 3/);
  });
});
