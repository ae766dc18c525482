/**
 * Missing-value codes per Stata's dta documentation, date/datetime conversions and the
 * categorical and Frame helpers.
 */
import { describe, expect, it } from "vitest";
import {
  dtaToFrame,
  epochMsToStataDate,
  epochMsToStataDateTime,
  kindOfFormat,
  missingName,
  missingTag,
  stataDateTimeToEpochMs,
  stataDateTimeToIso,
  stataDateToEpochMs,
  stataDateToIso,
  stringsToCategorical,
} from "../../../src/io/dta/index.js";
import {
  doubleMissingHi,
  doubleMissingTag,
  floatMissingBits,
  floatMissingTag,
} from "../../../src/io/dta/missing.js";

describe("missing-value codes", () => {
  it("names and tags: . .a … .z ↔ 1 … 27", () => {
    expect([1, 2, 3, 27].map(missingName)).toEqual([".", ".a", ".b", ".z"]);
    expect([".", ".a", ".z", ".A", "a", "..", ""].map(missingTag)).toEqual([1, 2, 27, 0, 0, 0, 0]);
    expect(() => missingName(28)).toThrow(/1 to 27/);
  });

  it("float and double bit patterns from the dta documentation", () => {
    // Table in [P] File formats .dta: . = 7f000000, .a = 7f000800, .z = 7f00d000 (float);
    // . = 7fe0000000000000, .a = 7fe0010000000000, .z = 7fe01a0000000000 (double).
    expect([1, 2, 27].map(floatMissingBits)).toEqual([0x7f000000, 0x7f000800, 0x7f00d000]);
    expect([1, 2, 27].map(doubleMissingHi)).toEqual([0x7fe00000, 0x7fe00100, 0x7fe01a00]);
    expect([0x7f000000, 0x7f000800, 0x7f00d000, 0x7f000801, 0x7f800000].map(floatMissingTag)).toEqual([
      1, 2, 27, 2, 1,
    ]);
    expect([0x7fe00000, 0x7fe00100, 0x7fe01a00, 0x7fe001ff, 0x7ff00000].map(doubleMissingTag)).toEqual([
      1, 2, 27, 2, 1,
    ]);
  });
});

describe("dates", () => {
  it("recognises %td, %d, %tc, %tC with or without left alignment", () => {
    expect(kindOfFormat("%td", "long")).toBe("date");
    expect(kindOfFormat("%tdCCYY-NN-DD", "double")).toBe("date");
    expect(kindOfFormat("%-td", "float")).toBe("date");
    expect(kindOfFormat("%d", "float")).toBe("date");
    expect(kindOfFormat("%tc", "double")).toBe("datetime");
    expect(kindOfFormat("%tCDDmonCCYY_HH:MM:SS", "double")).toBe("datetime");
    expect(kindOfFormat("%tm", "int")).toBe("number");
    expect(kindOfFormat("%9.0g", "double")).toBe("number");
    expect(kindOfFormat("%td", "str")).toBe("string");
  });

  it("converts days and milliseconds since 1960-01-01", () => {
    expect(stataDateToIso(0)).toBe("1960-01-01");
    expect(stataDateToIso(20394)).toBe("2015-11-02");
    expect(stataDateToIso(-1)).toBe("1959-12-31");
    expect(stataDateToIso(Number.NaN)).toBeNull();
    expect(stataDateToIso(1e300)).toBeNull();
    expect(stataDateTimeToIso(0)).toBe("1960-01-01T00:00:00.000");
    expect(stataDateTimeToIso(1764645255000)).toBe("2015-12-02T03:14:15.000");
    expect(stataDateTimeToIso(Number.NaN)).toBeNull();
    expect(stataDateToEpochMs(3653)).toBe(0);
    expect(stataDateTimeToEpochMs(315619200000)).toBe(0);
    expect(epochMsToStataDate(Date.UTC(2015, 10, 2, 13))).toBe(20394);
    expect(epochMsToStataDateTime(0)).toBe(315619200000);
  });
});

describe("categorical and Frame helpers", () => {
  it("codes strings by first appearance, '' as missing unless told otherwise", () => {
    const c = stringsToCategorical(["b", "a", "", "b"]);
    expect(Array.from(c.codes)).toEqual([0, 1, -1, 0]);
    expect(c.levels).toEqual(["b", "a"]);
    const keep = stringsToCategorical(["b", "", "a"], { emptyAsMissing: false, order: "sorted" });
    expect(keep.levels).toEqual(["", "a", "b"]);
    expect(Array.from(keep.codes)).toEqual([2, 0, 1]);
  });

  it("turns a read table into a Frame", () => {
    const frame = dtaToFrame(
      {
        meta: {
          format: 118,
          byteOrder: "LSF",
          nrows: 2,
          dataLabel: "",
          timestamp: "",
          variables: [
            { name: "x", type: "double", format: "%10.0g", label: "", valueLabel: null, kind: "number" },
            {
              name: "s",
              type: "str",
              strWidth: 1,
              format: "%1s",
              label: "",
              valueLabel: null,
              kind: "string",
            },
          ],
          valueLabels: {},
          encoding: "utf-8",
          warnings: [],
        },
        columns: [new Float64Array([1, Number.NaN]), ["a", ""]],
        missingTags: [null, null],
      },
      "t.dta",
    );
    expect(frame.names).toEqual(["x", "s"]);
    expect(frame.columns.x).toEqual({ type: "number", values: new Float64Array([1, Number.NaN]) });
    expect(frame.columns.s).toEqual({ type: "category", codes: new Int32Array([0, -1]), levels: ["a"] });
    expect(frame.source).toBe("t.dta");
  });
});
