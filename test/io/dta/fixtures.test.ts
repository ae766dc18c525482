/**
 * Every file in test/fixtures/dta reads to exactly what R haven reads (expected.json): values,
 * missing values, variable labels, value labels and dates. expected.json was written by R's
 * jsonlite, which prints numbers with 15 significant digits and turns every NA (tagged or not)
 * into null; the tagged missing values it cannot show are checked against the raw bytes below.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type DtaTable, readDta, stataDateTimeToIso, stataDateToIso } from "../../../src/io/dta/index.js";

const DIR = join(import.meta.dirname, "../../fixtures/dta");

interface ExpectedColumn {
  name: string;
  label?: string | null | (string | null)[];
  class?: string;
  values: unknown;
  value_labels?: Record<string, number | null> | null;
}
interface ExpectedFile {
  nrow: number;
  encoding?: string;
  columns: ExpectedColumn[];
}

const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as Record<string, ExpectedFile>;

/** jsonlite writes numbers with 15 significant digits. */
function sameAsJsonlite(ours: number, theirs: number): boolean {
  return ours === theirs || Number(ours.toPrecision(15)) === theirs;
}

function asArray(values: unknown): unknown[] {
  return Array.isArray(values) ? values : [values];
}

function expectedLabel(label: ExpectedColumn["label"]): string {
  if (Array.isArray(label)) return label.find((l) => typeof l === "string") ?? "";
  return label ?? "";
}

function checkColumn(table: DtaTable, j: number, col: ExpectedColumn): void {
  const v = table.meta.variables[j];
  const ours = table.columns[j];
  const theirs = asArray(col.values);
  expect(v.name).toBe(col.name);
  expect(ours.length).toBe(theirs.length);
  if (col.label !== undefined) expect(v.label).toBe(expectedLabel(col.label));
  const cls = col.class ?? (typeof theirs.find((x) => x !== null) === "string" ? "character" : "numeric");
  if (cls === "character") {
    expect(v.kind).toBe("string");
    expect(ours).toEqual(theirs);
    return;
  }
  expect(ours).toBeInstanceOf(Float64Array);
  const nums = ours as Float64Array;
  if (cls === "Date" || cls === "POSIXct") {
    expect(v.kind).toBe(cls === "Date" ? "date" : "datetime");
    const iso = Array.from(nums, (x) => (cls === "Date" ? stataDateToIso(x) : stataDateTimeToIso(x)));
    expect(iso).toEqual(theirs);
    return;
  }
  theirs.forEach((x, i) => {
    if (x === null) expect(nums[i], `row ${i + 1}`).toBeNaN();
    else expect(sameAsJsonlite(nums[i], x as number), `row ${i + 1}: ${nums[i]} vs ${x}`).toBe(true);
  });
  if (cls === "haven_labelled") {
    const set = table.meta.valueLabels[v.valueLabel ?? ""];
    expect(set).toBeDefined();
    const asR = Object.fromEntries(set.map((e) => [e.label, e.missing ? null : e.value]));
    expect(asR).toEqual(col.value_labels);
  } else {
    expect(col.value_labels ?? null).toBeNull();
  }
}

describe("fixtures read exactly as R haven reads them", () => {
  for (const [file, exp] of Object.entries(expected)) {
    it(`${file}`, async () => {
      const table = await readDta(join(DIR, file), exp.encoding ? { encoding: exp.encoding } : {});
      expect(table.meta.nrows).toBe(exp.nrow);
      expect(table.meta.variables.map((v) => v.name)).toEqual(exp.columns.map((c) => c.name));
      exp.columns.forEach((col, j) => {
        checkColumn(table, j, col);
      });
    });
  }
});

describe("details haven's JSON cannot show", () => {
  it("tagged missing values .a/.h/.z survive in double and long columns, with their value labels", async () => {
    // Raw data of both files (checked by hand): 1…5 then the codes of .a, .h and .z.
    for (const file of ["tagged-na-double.dta", "tagged-na-int.dta"]) {
      const t = await readDta(join(DIR, file));
      expect(Array.from(t.missingTags[0]!)).toEqual([0, 0, 0, 0, 0, 2, 9, 27]);
      expect(t.meta.valueLabels.testlabel).toEqual([
        { value: 2147483622, label: "apple", missing: ".a" },
        { value: 2147483647, label: ".zebra", missing: ".z" },
      ]);
    }
  });

  it("storage types, formats and date kinds of types.dta (format 117)", async () => {
    const t = await readDta(join(DIR, "types.dta"));
    expect(t.meta.format).toBe(117);
    expect(t.meta.variables.map((v) => [v.name, v.type, v.strWidth ?? null, v.format, v.kind])).toEqual([
      ["vfloat", "float", null, "%9.0g", "number"],
      ["vdouble", "double", null, "%9.0g", "number"],
      ["vlong", "long", null, "%9.0g", "number"],
      ["vint", "int", null, "%9.0g", "number"],
      ["vbyte", "byte", null, "%9.0g", "number"],
      ["vstr", "str", 13, "%13s", "string"],
      ["vdate", "long", null, "%td", "date"],
      ["vdatetime", "double", null, "%tc", "datetime"],
    ]);
  });

  it("releases, data label, variable labels and value labels of the haven-written synthetic files", async () => {
    const releases: Record<string, number> = { v8: 113, v10: 114, v12: 115, v13: 117, v14: 118 };
    for (const [suffix, release] of Object.entries(releases)) {
      const t = await readDta(join(DIR, `synthetic_${suffix}.dta`));
      expect(t.meta.format).toBe(release);
      expect(t.meta.byteOrder).toBe("LSF");
      expect(t.meta.variables[6]).toMatchObject({
        name: "owner",
        label: "Ownership type",
        valueLabel: "owner",
      });
      expect(t.meta.valueLabels.owner).toEqual([
        { value: 1, label: "SOE" },
        { value: 2, label: "Private" },
        { value: 3, label: "Foreign" },
      ]);
      expect(Array.from(t.missingTags[3]!)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(t.meta.warnings).toEqual([]);
    }
    const notes = await readDta(join(DIR, "notes.dta"));
    expect(notes.meta.dataLabel).toBe("This is a test dataset.");
    expect(notes.meta.timestamp).toBe("29 Jul 2016 14:34");
  });

  it("old %d format of datetime-d.dta (format 115, float storage) is a date", async () => {
    const t = await readDta(join(DIR, "datetime-d.dta"));
    expect(t.meta.variables[0]).toMatchObject({ type: "float", format: "%d", kind: "date" });
    expect(t.columns[0]).toEqual(new Float64Array([20394]));
  });

  it("a strL longer than 2045 bytes (2160 characters of Chinese) and a short one", async () => {
    const t = await readDta(join(DIR, "strl_v14.dta"));
    expect(t.meta.variables[1].type).toBe("strL");
    const [long, short] = t.columns[1] as string[];
    expect(long.length).toBe(2160);
    expect(Buffer.byteLength(long)).toBeGreaterThan(2045);
    expect(long.startsWith("工业机器人控制系统研发、制造、销售；")).toBe(true);
    expect(short).toBe("短");
    expect(t.meta.warnings).toEqual([]);
  });

  it("UTF-8 Chinese variable names and values (format 118)", async () => {
    const t = await readDta(join(DIR, "chinese_utf8_v14.dta"));
    expect(t.meta.variables[1].name).toBe("企业名称");
    expect(t.meta.encoding).toBe("utf-8");
  });

  it("the GBK file reads correctly with encoding gbk, is detected as GB18030 without it, and warns (naming --encoding gbk) when read as windows-1252", async () => {
    const file = join(DIR, "chinese_gbk_v12.dta");
    const right = await readDta(file, { encoding: "gbk" });
    expect(right.columns[1]).toEqual([
      "上海机器人有限公司",
      "苏州伺服系统科技有限公司",
      "深圳传感器股份有限公司",
    ]);
    expect(right.meta.warnings).toEqual([]);
    expect(right.meta.encoding).toBe("gbk");
    const detected = await readDta(file);
    expect(detected.meta.encoding).toBe("gb18030");
    expect(detected.columns[1]).toEqual(right.columns[1]);
    expect(detected.meta.warnings).toEqual([expect.stringMatching(/decoded as GB18030/)]);
    const wrong = await readDta(file, { encoding: "windows-1252" });
    expect(wrong.meta.encoding).toBe("windows-1252");
    expect(wrong.columns[1]).not.toEqual(right.columns[1]);
    expect(wrong.meta.warnings).toHaveLength(1);
    expect(wrong.meta.warnings[0]).toMatch(/chinese_gbk_v12\.dta.*GBK.*--encoding gbk/);
  });
});
