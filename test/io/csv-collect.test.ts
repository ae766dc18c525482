import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectRecordsTo, fastNumbersApply } from "../../src/io/csv/collect-records.js";
import type { ColumnBuilder } from "../../src/io/csv/column-builder.js";
import { Collector, newBuilders } from "../../src/io/csv/parse-csv.js";
import { type WalkInput, walkRecordsTo } from "../../src/io/csv/walk-records.js";
import type { ReadOptions } from "../../src/io/read-options.js";

const NAMES = ["a", "b", "c"];

/** Everything a builder holds after a walk (values by their bits: -0 and NaN compared exactly). */
function state(b: ColumnBuilder) {
  return {
    bits: Array.from(new Uint32Array(b.values.buffer, b.values.byteOffset, b.values.length * 2)),
    codes: b.codes ? Array.from(b.codes) : null,
    levels: [...b.levels],
    counts: [
      b.present,
      b.notNumber,
      b.notInteger,
      b.notDate,
      b.leadingZeros,
      b.wide,
      b.outOfRange,
      b.nonFinite,
    ],
    textFrom: b.textFrom,
    firstText: b.firstText,
  };
}

/** The file walked by the plain walker and by the fused loop: rows, end, builders' state, or the error. */
function both(text: string, options: ReadOptions = {}, delimiter = ",") {
  const bytes = Buffer.from(text, "utf8");
  const input: WalkInput = { bytes, start: 0, line: 2, delimiter, names: NAMES, display: "t.csv" };
  const run = (fused: boolean) => {
    const builders = newBuilders(NAMES, options, 4);
    const progress: number[] = [];
    const collector = new Collector(builders, ({ rows }) => progress.push(rows ?? -1));
    try {
      const end = fused ? collectRecordsTo(input, collector) : walkRecordsTo(input, collector);
      return { end, builders: builders.map(state), progress };
    } catch (err) {
      return { error: (err as Error).message };
    }
  };
  return { plain: run(false), fused: run(true) };
}

const field = fc.oneof(
  fc.double({ noDefaultInfinity: true, noNaN: true }).map(String),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.constantFrom(
    "",
    ".",
    "NA",
    "-0",
    "+5",
    "007",
    "0",
    "00",
    "0.000",
    "1e5",
    "1E-400",
    "1e309",
    "-.5",
    "5.",
    "1e",
    "-",
    " 3",
    "3 ",
    "nan",
    "inf",
    "x",
    "2020-01-31",
    '"1"',
    '"a""b"',
    "0.1234567890123456789",
    "123456789012345678",
    "9007199254740993",
    "2.691321626931894",
  ),
);
/** Mostly records of the header's three fields, now and then one of two or four (an error). */
const record = fc
  .oneof(
    { arbitrary: fc.array(field, { minLength: 3, maxLength: 3 }), weight: 20 },
    { arbitrary: fc.array(field, { minLength: 2, maxLength: 4 }), weight: 1 },
  )
  .map((fs) => fs.join(","));
const eol = fc.constantFrom("\n", "\r\n", "\n\n", "");

describe("the fused numeric loop (collect-records.ts)", () => {
  it("leaves every builder exactly as the plain walk does, on any mix of numbers, text, quotes and bad rows", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(record, eol), { maxLength: 12 }), (lines) => {
        const text = lines.map(([r, e]) => r + e).join("");
        const { plain, fused } = both(text);
        expect(fused).toEqual(plain);
      }),
      { numRuns: 3000 },
    );
  });

  it("fills plain numeric records itself, counting them as add does", () => {
    const { plain, fused } = both("1,2.5,-0\r\n-3,,4e2\n\n7,8,9");
    expect(fused).toEqual(plain);
    const f = fused as { builders: ReturnType<typeof state>[] };
    expect(f.builders[1].counts.slice(0, 3)).toEqual([2, 0, 1]);
  });

  it("undoes a record's numbers when a later field is text, so the counts are not doubled", () => {
    const { plain, fused } = both("1,2,3\n4,5,x\n6,7,8\n");
    expect(fused).toEqual(plain);
    const f = fused as { builders: ReturnType<typeof state>[] };
    expect(f.builders[0].counts[0]).toBe(3);
    // row 0's text comes later, from the backfill
    expect(f.builders[2].levels).toEqual(["x", "8"]);
    expect(f.builders[2].textFrom).toBe(1);
  });

  it("keeps a missing-value string that reads as a number missing, and a code column as text", () => {
    expect(fastNumbersApply(",", ["", "-999"])).toBe(false);
    expect(fastNumbersApply(".", ["", "NA"])).toBe(false);
    expect(fastNumbersApply(";", ["", "NA"])).toBe(true);
    const { plain, fused } = both("-999,1,2\n3,-999,4\n", { nullStrings: ["-999"] });
    expect(fused).toEqual(plain);
    const semi = both("1;2;3\n4;5;6\n", {}, ";");
    expect(semi.fused).toEqual(semi.plain);
  });

  it("reports the same errors with the same line and row", () => {
    for (const text of ["1,2,3\n4,5\n", "1,2,3\n4,5,6,7\n", '1,2,3\n4,"5,6\n', '1,2,3\n"4"x,5,6\n']) {
      const { plain, fused } = both(text);
      expect("error" in plain).toBe(true);
      expect(fused).toEqual(plain);
    }
  });

  it("reports progress at the same rows", () => {
    const rows = Array.from({ length: (1 << 20) + 5 }, (_, i) => `${i},${i / 4},1`).join("\n");
    const { plain, fused } = both(`${rows}\n`);
    const p = plain as { progress: number[] };
    expect(p.progress).toEqual([1 << 20]);
    expect((fused as { progress: number[] }).progress).toEqual(p.progress);
  });
});
