import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchAppender } from "../../src/io/batch-appender.js";
import { DataSession } from "../../src/io/session.js";

let session: DataSession;
beforeAll(async () => {
  session = await DataSession.open();
});
afterAll(async () => {
  await session.close();
});

describe("string filling of DuckDB chunks", () => {
  it("stores short ASCII strings inline and every other string through DuckDB, exactly, across chunks", async () => {
    const samples = [
      "",
      "a",
      "city_12",
      "exactly12chr",
      "thirteen_char",
      "上海",
      "é",
      "a long firm name co. ltd",
      null,
    ];
    const n = 5000; // more than two 2048-row chunks
    const texts = Array.from({ length: n }, (_, i) => samples[(i * 7) % samples.length]);
    const app = await BatchAppender.create(session, "s", [{ name: "t", type: "VARCHAR" }]);
    app.append([texts], n);
    app.close();
    const rows = await session.rows("SELECT t FROM s ORDER BY rowid");
    expect(rows.map((r) => r.t)).toEqual(texts);
  });
});
