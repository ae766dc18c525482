import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { runNumericJob } from "../../src/io/csv/numeric-job.js";
import type { NumericHelper } from "../../src/io/csv/numeric-helper.js";
import { type CsvInternals, type ParsedCsv, parseCsvFile } from "../../src/io/csv/parse-csv.js";
import type { ReadOptions } from "../../src/io/read-options.js";

const dir = mkdtempSync(join(tmpdir(), "csv-two-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads its half at once, before the reading thread starts (the helper always wins the claim). */
const eager: NumericHelper = { run: (job) => Promise.resolve(runNumericJob(job)) };
/** Never starts (the reading thread takes the job back). */
const idle: NumericHelper = { run: () => new Promise(() => undefined) };

/** A parse as plain data: values by their bits, so -0 and NaN compare exactly; or the error. */
function plain(p: ParsedCsv) {
  return {
    rows: p.rows,
    warnings: p.warnings,
    columns: p.columns.map((c) => ({
      type: c.type,
      name: c.name,
      bits:
        "values" in c
          ? Array.from(new Uint32Array(c.values.buffer, c.values.byteOffset, c.values.length * 2))
          : null,
      text: "text" in c && c.text ? { codes: Array.from(c.text.codes), levels: c.text.levels } : null,
    })),
  };
}

let count = 0;
async function parse(text: string, internals: CsvInternals, options: ReadOptions = {}) {
  const path = join(dir, `f${count++}.csv`);
  writeFileSync(path, text);
  try {
    return plain(await parseCsvFile(path, options, "f.csv", internals));
  } catch (err) {
    return { error: (err as Error).message };
  } finally {
    rmSync(path);
  }
}

const cell = fc.oneof(
  { arbitrary: fc.double({ noDefaultInfinity: true, noNaN: true }).map(String), weight: 6 },
  { arbitrary: fc.integer({ min: -50, max: 50 }).map(String), weight: 6 },
  {
    arbitrary: fc.constantFrom("", "NA", "-0", "007", "1e309", "x", "12345678901234567890", " 1", '"q"'),
    weight: 1,
  },
);
const line = fc.oneof(
  { arbitrary: fc.array(cell, { minLength: 3, maxLength: 3 }).map((c) => c.join(",")), weight: 30 },
  { arbitrary: fc.array(cell, { minLength: 2, maxLength: 4 }).map((c) => c.join(",")), weight: 1 },
);
const eol = fc.constantFrom("\n", "\n", "\n", "\r\n", "\n\n");

describe("reading a whole file on two threads (collect-whole-file.ts)", () => {
  it("gives exactly the one-thread result, errors included, whether the helper reads its half or not", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 40 }), async (lines) => {
        const text = `a,b,c\n${lines.map(([l, e]) => l + e).join("")}`;
        const one = await parse(text, { helper: null });
        expect(await parse(text, { helper: eager, parallelMinBytes: 0 })).toEqual(one);
        expect(await parse(text, { helper: idle, parallelMinBytes: 0 })).toEqual(one);
      }),
      { numRuns: 400 },
    );
  });

  it("credits the helper's half: rows, counts and values of a numeric file", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `${i},${i / 8},${i % 7 === 0 ? "" : -i}`);
    const text = `a,b,c\n${rows.join("\n")}\n`;
    const one = await parse(text, { helper: null });
    let used = false;
    const spy: NumericHelper = {
      run: (job) => {
        const part = runNumericJob(job);
        used = (part?.row ?? 0) > 400;
        return Promise.resolve(part);
      },
    };
    const two = await parse(text, { helper: spy, parallelMinBytes: 0 });
    expect(used).toBe(true);
    expect(two).toEqual(one);
    expect(two).toMatchObject({
      rows: 1000,
      columns: [{ type: "BIGINT" }, { type: "DOUBLE" }, { type: "BIGINT" }],
    });
  });

  it("names the same line and row for a bad record in the helper's half", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => (i === 900 ? "1,2" : `${i},1,2`));
    const text = `a,b,c\n${rows.join("\n")}\n`;
    const two = await parse(text, { helper: eager, parallelMinBytes: 0 });
    expect(two).toEqual(await parse(text, { helper: null }));
    expect((two as { error: string }).error).toMatch(/line 902 \(data row 901\)/);
  });

  it("reads a column's text when it first shows in either half, and a one-column file with blank lines", async () => {
    for (const at of [100, 900]) {
      const rows = Array.from({ length: 1000 }, (_, i) => (i === at ? "5,x,1" : `${i},${i},1`));
      const text = `a,b,c\n${rows.join("\n")}\n`;
      const two = await parse(text, { helper: eager, parallelMinBytes: 0 });
      expect(two).toEqual(await parse(text, { helper: null }));
      expect(two).toMatchObject({ columns: [{ type: "BIGINT" }, { type: "VARCHAR" }, { type: "BIGINT" }] });
    }
    const single = `a\n${Array.from({ length: 600 }, (_, i) => (i % 50 === 0 ? "" : String(i))).join("\n")}\n`;
    const two = await parse(single, { helper: eager, parallelMinBytes: 0 });
    expect(two).toEqual(await parse(single, { helper: null }));
    expect(two).toMatchObject({ rows: 588 });
  });
});
