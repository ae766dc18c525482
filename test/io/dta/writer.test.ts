/**
 * The format-118 writer: round trips of every fixture and of a table with every feature, type
 * fitting, determinism, validation errors (naming column and row) and temporary-file hygiene.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createDtaWriter,
  DtaError,
  type DtaTable,
  type DtaWriteTable,
  inferDtaSchema,
  readDta,
  writableFromDta,
  writeDta,
} from "../../../src/io/dta/index.js";
import { useTmpDir } from "./tmp-dir.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/dta");
const tmp = useTmpDir("dta-writer");

function sameTable(a: DtaTable, b: DtaTable): void {
  expect(b.meta.nrows).toBe(a.meta.nrows);
  expect(b.meta.variables).toEqual(a.meta.variables);
  expect(b.meta.valueLabels).toEqual(a.meta.valueLabels);
  expect(b.meta.dataLabel).toBe(a.meta.dataLabel);
  a.columns.forEach((col, j) => {
    if (col instanceof Float64Array)
      expect(Array.from(b.columns[j] as Float64Array)).toEqual(Array.from(col));
    else expect(b.columns[j]).toEqual(col);
    expect(b.missingTags[j]).toEqual(a.missingTags[j]);
  });
}

describe("round trip of every fixture through the writer", () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".dta"));
  for (const file of files) {
    it(file, async () => {
      const opts = file.includes("gbk") ? { encoding: "gbk" } : {};
      const src = await readDta(join(FIXTURES, file), opts);
      const out = tmp.path(`rt-${file}`);
      await writeDta(out, writableFromDta(src), { dataLabel: src.meta.dataLabel });
      const back = await readDta(out);
      expect(back.meta.format).toBe(118);
      expect(back.meta.warnings).toEqual([]);
      if (file.includes("gbk")) {
        // GBK text re-encoded as UTF-8 needs wider str fields (3 bytes per character instead of 2).
        expect(back.meta.variables[1]).toMatchObject({ type: "str", strWidth: 36 });
        expect(back.columns).toEqual(src.columns);
      } else {
        sameTable(src, back);
      }
    });
  }
});

const LONG = `${"工业机器人".repeat(600)}end`;

function fullTable(): DtaWriteTable {
  const nan = Number.NaN;
  return {
    columns: [
      { name: "id", values: new Float64Array([1, 2, 3, 4, 5]) },
      { name: "small", values: [-127, 100, nan, nan, 0], missingTags: new Uint8Array([0, 0, 2, 27, 0]) },
      { name: "mid", values: new Float64Array([-32767, 32740, 5, nan, 0]), label: "an int" },
      {
        name: "big",
        values: new Float64Array([-2147483647, 2147483620, 0, 7, nan]),
        missingTags: new Uint8Array([0, 0, 0, 0, 1]),
      },
      {
        name: "frac",
        values: new Float64Array([0.1, -1e300, 8.988465674311579e307, nan, 3]),
        missingTags: new Uint8Array([0, 0, 0, 14, 0]),
      },
      {
        name: "flt",
        values: new Float64Array([0.5, 1.25, nan, -3, 1e30]),
        type: "float",
        missingTags: new Uint8Array([0, 0, 5, 0, 0]),
      },
      { name: "day", values: new Float64Array([0, 20394, -1, nan, 36524]), format: "%td" },
      {
        name: "when",
        values: new Float64Array([0, 1764558855000, nan, 1.5, -86400000]),
        format: "%tc",
        type: "double",
      },
      {
        name: "企业名称",
        values: ["上海机器人有限公司", "", "苏州", "a", "深圳传感器股份有限公司"],
        label: "公司名称",
      },
      { name: "scope", values: [LONG, "", "short", LONG, "x\u0000y"] },
      {
        name: "owner",
        values: new Float64Array([1, 2, 3, nan, 1]),
        valueLabel: "owner",
        missingTags: new Uint8Array([0, 0, 0, 2, 0]),
      },
    ],
    valueLabels: {
      owner: [
        { value: 1, label: "SOE" },
        { value: 2, label: "私营" },
        { value: 3, label: "Foreign" },
        { value: 2147483622, label: "refused", missing: ".a" },
      ],
    },
  };
}

describe("writing a table with every feature", () => {
  it("reads back equal: types fitted, labels, missing codes, dates, Chinese text, long strL", async () => {
    const out = tmp.path("full.dta");
    await writeDta(out, fullTable(), {
      dataLabel: "全部 features",
      timestamp: new Date(Date.UTC(2017, 2, 10, 14, 23)),
    });
    const t = await readDta(out);
    expect(t.meta.format).toBe(118);
    expect(t.meta.dataLabel).toBe("全部 features");
    expect(t.meta.timestamp).toBe("10 Mar 2017 14:23");
    expect(t.meta.variables.map((v) => [v.name, v.type, v.strWidth ?? null, v.format, v.kind])).toEqual([
      ["id", "byte", null, "%8.0g", "number"],
      ["small", "byte", null, "%8.0g", "number"],
      ["mid", "int", null, "%8.0g", "number"],
      ["big", "long", null, "%12.0g", "number"],
      ["frac", "double", null, "%10.0g", "number"],
      ["flt", "float", null, "%9.0g", "number"],
      ["day", "long", null, "%td", "date"],
      ["when", "double", null, "%tc", "datetime"],
      ["企业名称", "str", 33, "%-33s", "string"],
      ["scope", "strL", null, "%9s", "string"],
      ["owner", "byte", null, "%8.0g", "number"],
    ]);
    const src = fullTable();
    src.columns.forEach((c, j) => {
      const got = t.columns[j];
      if (typeof c.values[0] === "string") expect(got).toEqual(c.values);
      else
        expect(Array.from(got as Float64Array)).toEqual(
          Array.from(c.values as ArrayLike<number>, (v) => (c.type === "float" ? Math.fround(v) : v)),
        );
      const want =
        c.missingTags ?? Array.from(c.values as ArrayLike<number>, (v) => (Number.isNaN(v) ? 1 : 0));
      if (typeof c.values[0] !== "string")
        expect(Array.from(t.missingTags[j] ?? new Uint8Array(5))).toEqual(Array.from(want));
    });
    expect(t.meta.variables[2].label).toBe("an int");
    expect(t.meta.variables[8].label).toBe("公司名称");
    expect(t.meta.valueLabels.owner).toEqual([
      { value: 1, label: "SOE" },
      { value: 2, label: "私营" },
      { value: 3, label: "Foreign" },
      { value: 2147483622, label: "refused", missing: ".a" },
    ]);
  });

  it("is deterministic: the same table gives byte-identical files", async () => {
    await writeDta(tmp.path("det1.dta"), fullTable(), { dataLabel: "x" });
    await writeDta(tmp.path("det2.dta"), fullTable(), { dataLabel: "x" });
    expect(readFileSync(tmp.path("det1.dta")).equals(readFileSync(tmp.path("det2.dta")))).toBe(true);
  });

  it("streams: batches of any size give the same file as one write", async () => {
    const table = fullTable();
    const schema = inferDtaSchema(table);
    const w = await createDtaWriter(tmp.path("batched.dta"), schema, { dataLabel: "x" });
    for (const [s, e] of [
      [0, 2],
      [2, 2],
      [2, 5],
    ]) {
      await w.writeBatch(
        table.columns.map((c) => c.values.slice(s, e) as number[] | string[]),
        table.columns.map((c) => c.missingTags?.slice(s, e)),
      );
    }
    expect(w.rowsWritten).toBe(5);
    await w.close();
    await writeDta(tmp.path("whole.dta"), table, { dataLabel: "x" });
    expect(readFileSync(tmp.path("batched.dta")).equals(readFileSync(tmp.path("whole.dta")))).toBe(true);
  });

  it("a 1 MB ASCII strL round-trips", async () => {
    const big = "abcdefghij".repeat(100_000);
    await writeDta(tmp.path("bigstrl.dta"), { columns: [{ name: "t", values: [big, "", big.slice(7)] }] });
    const t = await readDta(tmp.path("bigstrl.dta"));
    expect(t.meta.variables[0].type).toBe("strL");
    expect(t.columns[0]).toEqual([big, "", big.slice(7)]);
  });

  it("writes an empty table (no rows) that reads back", async () => {
    await writeDta(tmp.path("empty.dta"), {
      columns: [
        { name: "x", values: new Float64Array(0) },
        { name: "s", values: [] as string[], type: "str", strWidth: 3 },
      ],
    });
    const t = await readDta(tmp.path("empty.dta"));
    expect(t.meta.nrows).toBe(0);
    expect(t.meta.variables.map((v) => v.type)).toEqual(["byte", "str"]);
    expect(t.columns).toEqual([new Float64Array(0), []]);
  });
});

describe("writer validation: clear errors naming the column and row, no output left behind", () => {
  async function rejects(table: DtaWriteTable, pattern: RegExp, opts = {}): Promise<void> {
    const out = tmp.path(`bad-${Math.random().toString(36).slice(2)}.dta`);
    const err = await writeDta(out, table, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DtaError);
    expect((err as Error).message).toMatch(pattern);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp.dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  }

  it("invalid, reserved and duplicate names", async () => {
    await rejects({ columns: [{ name: "1x", values: [1] }] }, /"1x" is not a valid Stata name/);
    await rejects({ columns: [{ name: "a b", values: [1] }] }, /"a b" is not a valid Stata name/);
    await rejects({ columns: [{ name: "x".repeat(33), values: [1] }] }, /not a valid Stata name/);
    await rejects({ columns: [{ name: "_n", values: [1] }] }, /"_n" is reserved/);
    await rejects(
      {
        columns: [
          { name: "x", values: [1] },
          { name: "x", values: [2] },
        ],
      },
      /"x" is used twice/,
    );
  });

  it("values that do not fit the requested type, with column and row", async () => {
    await rejects(
      { columns: [{ name: "x", values: [1, 101], type: "byte" }] },
      /cannot store 101 \(byte holds integers from -127 to 100\).*variable "x", row 2/,
    );
    await rejects(
      { columns: [{ name: "x", values: [1.5], type: "long" }] },
      /cannot store 1.5 .*variable "x", row 1/,
    );
    await rejects(
      { columns: [{ name: "x", values: [Number.POSITIVE_INFINITY] }] },
      /cannot store Infinity .*double/,
    );
    await rejects(
      { columns: [{ name: "x", values: [1e39], type: "float" }] },
      /beyond Stata's largest float/,
    );
    await rejects(
      { columns: [{ name: "x", values: [1, 2], missingTags: new Uint8Array([0, 2]) }] },
      /value 2 with a missing tag.*row 2/,
    );
    await rejects(
      { columns: [{ name: "x", values: [Number.NaN], missingTags: new Uint8Array([28]) }] },
      /missing tag 28/,
    );
    await rejects(
      { columns: [{ name: "s", values: ["abc"], type: "str", strWidth: 2 }] },
      /3 bytes is longer than str2.*variable "s", row 1/,
    );
    await rejects(
      { columns: [{ name: "s", values: ["a\u0000b"], type: "str", strWidth: 5 }] },
      /NUL character/,
    );
    await rejects(
      {
        columns: [
          { name: "x", values: [1, 2] },
          { name: "y", values: [1] },
        ],
      },
      /column has 1 rows but "x" has 2/,
    );
  });

  it("labels, formats, value labels and options", async () => {
    await rejects(
      { columns: [{ name: "x", values: [1], label: "l".repeat(81) }] },
      /label of variable "x" is longer than Stata's 80-character limit/,
    );
    await rejects(
      { columns: [{ name: "x", values: [1], format: "9.2f" }] },
      /display format "9.2f" must start with %/,
    );
    await rejects(
      { columns: [{ name: "s", values: ["a"], valueLabel: "v" }] },
      /attached to a string variable/,
    );
    await rejects(
      { columns: [{ name: "x", values: [1] }], valueLabels: { v: [{ value: 1.5, label: "a" }] } },
      /value 1.5 is not an integer/,
    );
    await rejects(
      {
        columns: [{ name: "x", values: [1] }],
        valueLabels: {
          v: [
            { value: 1, label: "a" },
            { value: 1, label: "b" },
          ],
        },
      },
      /labels value 1 twice/,
    );
    await rejects(
      {
        columns: [{ name: "x", values: [1] }],
        valueLabels: { v: [{ value: 0, label: "a", missing: ".A" }] },
      },
      /missing value ".A"/,
    );
    await rejects({ columns: [{ name: "x", values: [1] }] }, /timestamp "yesterday" must look like/, {
      timestamp: "yesterday",
    });
    await rejects({ columns: [{ name: "x", values: [1] }] }, /data label is longer/, {
      dataLabel: "d".repeat(81),
    });
  });

  it("a directory that does not exist", async () => {
    const err = await writeDta(join(tmp.dir, "no", "such", "dir.dta"), {
      columns: [{ name: "x", values: [1] }],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DtaError);
    expect((err as Error).message).toMatch(/cannot create the output file/);
  });

  it("an aborted streaming write leaves no file", async () => {
    const out = tmp.path("aborted.dta");
    const w = await createDtaWriter(out, { columns: [{ name: "s", type: "strL" }] });
    await w.writeBatch([["a long text"]]);
    await w.abort();
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp.dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });
});
