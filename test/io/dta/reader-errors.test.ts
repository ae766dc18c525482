/**
 * Bad input to the reader ends in a DtaError that names the file and says what was expected and
 * where: missing files, non-Stata files, unsupported releases, unknown type codes, truncation,
 * broken strL references, unknown encodings and bad options.
 */
import { describe, expect, it } from "vitest";
import { DtaError, openDta, readDta } from "../../../src/io/dta/index.js";
import { type BuildSpec, buildDta } from "./dta-builder.js";
import { useTmpDir } from "./tmp-dir.js";

const tmp = useTmpDir("dta-errors");

async function failure(path: string, opts = {}): Promise<DtaError> {
  const err = await readDta(path, opts).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DtaError);
  expect((err as Error).message.startsWith(path)).toBe(true);
  return err as DtaError;
}

const SMALL: BuildSpec = {
  release: 118,
  byteOrder: "LSF",
  vars: [
    { name: "x", type: "double" },
    { name: "s", type: "strL" },
  ],
  rows: [
    [1, "one"],
    [2, "two"],
  ],
};

describe("reader errors", () => {
  it("a missing file", async () => {
    const err = await failure(tmp.path("nope.dta"));
    expect(err.message).toMatch(/cannot open the file for reading: no such file/);
  });

  it("an empty file and a file that is not a .dta file (a CSV)", async () => {
    expect((await failure(tmp.write("empty.dta", new Uint8Array(0)))).message).toMatch(/the file is empty/);
    const csv = tmp.write("data.dta", Buffer.from("id,name\n1,a\n"));
    expect((await failure(csv)).message).toMatch(/not a Stata \.dta file: it starts with bytes 69 64 2c/);
  });

  it("unsupported releases: old format 104, tagged release 120", async () => {
    const old = new Uint8Array(200);
    old.set([104, 2, 1, 0]);
    expect((await failure(tmp.write("v104.dta", old))).message).toMatch(
      /unsupported old \.dta format 104.*Stata 8 or later/,
    );
    const v120 = Buffer.from(
      Buffer.from(buildDta(SMALL)).toString("latin1").replace("<release>118", "<release>120"),
      "latin1",
    );
    const err = await failure(tmp.write("v120.dta", v120));
    expect(err.message).toMatch(/unsupported \.dta release "120".*saveold/);
  });

  it("an unknown variable type code names the variable and the byte offset", async () => {
    const bytes = buildDta({ ...SMALL, typeCodeOverride: { 0: 65531 } });
    const err = await failure(tmp.write("badtype.dta", bytes));
    expect(err.message).toMatch(/unknown variable type code 65531.*variable "x".*byte offset \d+/);
    expect(err.variable).toBe("x");
    const old = buildDta({
      ...SMALL,
      release: 114,
      vars: [{ name: "x", type: "double" }],
      rows: [[1]],
      typeCodeOverride: { 0: 250 },
    });
    expect((await failure(tmp.write("badtype114.dta", old))).message).toMatch(
      /unknown variable type code 250/,
    );
  });

  it("a file truncated inside the data says so and names the sizes", async () => {
    const full = buildDta(SMALL);
    const cut = full.subarray(0, Buffer.from(full).indexOf("</data>") - 3);
    const err = await failure(tmp.write("cut.dta", cut));
    expect(err.message).toMatch(
      /file is truncated: the data \(2 rows × 16 bytes\) needs bytes up to \d+ but the file has only \d+ bytes/,
    );
  });

  it("a wrong section marker names what was expected and where", async () => {
    const bytes = Buffer.from(buildDta(SMALL));
    bytes.write("<xarnames>", bytes.indexOf("<varnames>"), "latin1");
    const err = await failure(tmp.write("marker.dta", bytes));
    expect(err.message).toMatch(/expected the marker "<varnames>" but found "<xarnames>".*byte offset \d+/);
  });

  it("a strL reference without a GSO names the variable and the row", async () => {
    const bytes = Buffer.from(buildDta(SMALL));
    const data = bytes.indexOf("<data>") + 6;
    bytes.writeUInt16LE(9, data + 16 + 8 + 2); // row 2's o: 2 → 9 (there is no row 9)
    const path = tmp.write("badref.dta", bytes);
    const err = await failure(path);
    expect(err.message).toMatch(
      /strL reference \(v,o\) = \(2,9\) has no matching entry.*variable "s", row 2/,
    );
    expect(err.row).toBe(1);
  });

  it("a GSO that refers to a non-strL variable", async () => {
    const bytes = Buffer.from(buildDta(SMALL));
    bytes.writeUInt32LE(1, bytes.indexOf("GSO") + 3);
    expect((await failure(tmp.write("badgso.dta", bytes))).message).toMatch(
      /GSO refers to variable 1, which is not a strL variable/,
    );
  });

  it("an unknown encoding and impossible batch sizes", async () => {
    const path = tmp.write("ok.dta", buildDta(SMALL));
    expect((await failure(path, { encoding: "klingon" })).message).toMatch(/unknown text encoding "klingon"/);
    const err = await openDta(path, { batchRows: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DtaError);
    expect((err as Error).message).toMatch(/batchRows must be an integer/);
  });

  it("a value label attached but not defined is a warning, not an error", async () => {
    const spec: BuildSpec = {
      release: 118,
      byteOrder: "LSF",
      vars: [{ name: "x", type: "byte", valueLabel: "gone" }],
      rows: [[1]],
    };
    const t = await readDta(tmp.write("nolabel.dta", buildDta(spec)));
    expect(t.meta.warnings).toEqual([
      expect.stringMatching(/variable "x" uses value label "gone", which the file does not define/),
    ]);
  });
});
