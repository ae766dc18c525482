import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Frame } from "../../src/frame/frame.js";
import { convertFile } from "../../src/io/convert-file.js";
import { loadFrame } from "../../src/io/load-frame.js";

const dir = mkdtempSync(join(tmpdir(), "rm-rt-"));
const source = join(dir, "firms.csv");
writeFileSync(
  source,
  [
    "firm,year,output,share,city,note",
    "1,2000,0.1,-2.5,上海,robot arm",
    "2,2001,1e-300,.,苏州,",
    '3,,123456789.123456,0.333333333333333315,,"quoted, with comma"',
    "40000,2003,-0,8.98e307,北京,中文 text",
    "",
  ].join("\n"),
);

/** Column values as plain data: numbers (NaN kept) or strings/null. */
function plain(frame: Frame): Record<string, { type: string; values: (number | string | null)[] }> {
  const out: Record<string, { type: string; values: (number | string | null)[] }> = {};
  for (const name of frame.names) {
    const c = frame.columns[name];
    out[name] =
      c.type === "number"
        ? { type: "number", values: [...c.values] }
        : { type: "category", values: [...c.codes].map((k) => (k < 0 ? null : c.levels[k])) };
  }
  return out;
}

describe("format round trips", () => {
  const chains = [
    ["csv", "parquet", "dta", "csv"],
    ["csv", "dta", "parquet", "csv"],
    ["csv", "parquet", "csv"],
    ["csv", "dta", "csv"],
  ];
  for (const chain of chains) {
    it(`${chain.join(" → ")} keeps names, types, numbers (exactly), Chinese text and missing values`, async () => {
      const original = plain(await loadFrame(source));
      expect(original.output.values).toEqual([0.1, 1e-300, 123456789.123456, -0]);
      expect(original.city.values).toEqual(["上海", "苏州", null, "北京"]);
      let current = source;
      for (let k = 1; k < chain.length; k++) {
        const next = join(dir, `step-${chain.join("-")}-${k}.${chain[k]}`);
        const result = await convertFile(current, next);
        expect(result.rows).toBe(4);
        expect(result.columns).toBe(6);
        const frame = plain(await loadFrame(next));
        expect(Object.keys(frame)).toEqual(Object.keys(original));
        for (const name of Object.keys(original)) {
          expect(frame[name].type, `${name} after ${chain.slice(0, k + 1).join("→")}`).toBe(
            original[name].type,
          );
          // -0 may come back as 0 from integer storage; all else must be identical
          const norm = (v: number | string | null) => (typeof v === "number" && v === 0 ? 0 : v);
          expect(frame[name].values.map(norm), `${name} after ${chain.slice(0, k + 1).join("→")}`).toEqual(
            original[name].values.map(norm),
          );
        }
        current = next;
      }
    });
  }

  it("writes CSV as UTF-8 with a header, empty fields for missing, quoting where needed", async () => {
    const out = join(dir, "plain.csv");
    await convertFile(source, out);
    const text = readFileSync(out, "utf8");
    expect(text.split("\n")[0]).toBe("firm,year,output,share,city,note");
    expect(text).toContain('"quoted, with comma"');
    expect(text).toContain("上海");
    expect(text.split("\n")[2]).toBe("2,2001,1e-300,,苏州,");
  });

  it("refuses to write a number Stata cannot hold, naming file, variable and row", async () => {
    const big = join(dir, "big.csv");
    writeFileSync(big, "x\n1\n1.7976931348623157e308\n");
    await expect(convertFile(big, join(dir, "big.dta"))).rejects.toThrow(
      /big\.dta: cannot store 1\.7976931348623157e\+308 .*variable "x", row 2/,
    );
  });

  it("gives byte-identical outputs for the same input", async () => {
    for (const ext of ["csv", "parquet", "dta"]) {
      const a = join(dir, `same-a.${ext}`);
      const b = join(dir, `same-b.${ext}`);
      await convertFile(source, a);
      await convertFile(source, b);
      expect(readFileSync(a).equals(readFileSync(b)), ext).toBe(true);
    }
  });
});
