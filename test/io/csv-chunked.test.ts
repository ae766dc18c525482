/**
 * The chunked CSV path (files over 4 GiB, read piece by piece) gives what the whole-file path gives:
 * the same columns, types, values, warnings, and the same errors naming the same lines and columns,
 * whatever the chunk size — chunks of a few bytes split records, quoted fields with line breaks,
 * `\r\n` pairs and multi-byte characters. The chunk size is lowered through the reader's internal
 * option, so no 4 GiB fixture is needed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ParsedCsv, parseCsvFile } from "../../src/io/csv/parse-csv.js";
import type { ReadOptions } from "../../src/io/read-options.js";

const dir = mkdtempSync(join(tmpdir(), "rm-csv-chunked-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

function file(content: string | Buffer): string {
  const path = join(dir, `f${++counter}.csv`);
  writeFileSync(path, content);
  return path;
}

/** Chunk sizes that cut everywhere: inside fields, quotes, `\r\n` and UTF-8 characters. */
const SIZES = [1, 2, 3, 7, 64, 1000];

/** A parse as plain data (typed arrays as arrays, NaN kept distinct from numbers). */
function plain(p: ParsedCsv): unknown {
  return {
    rows: p.rows,
    warnings: p.warnings,
    columns: p.columns.map((c) => ({
      ...c,
      values: "values" in c ? Array.from(c.values, (v) => (Number.isNaN(v) ? "NaN" : v)) : undefined,
      text: "text" in c && c.text ? { codes: Array.from(c.text.codes), levels: c.text.levels } : null,
    })),
  };
}

async function outcome(path: string, options: ReadOptions, chunkBytes?: number): Promise<unknown> {
  try {
    return plain(await parseCsvFile(path, options, path, chunkBytes === undefined ? {} : { chunkBytes }));
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Every chunk size gives the whole-file outcome; returns it. */
async function sameAsWhole(content: string | Buffer, options: ReadOptions = {}): Promise<unknown> {
  const path = file(content);
  const whole = await outcome(path, options);
  for (const size of SIZES)
    expect(await outcome(path, options, size), `chunks of ${size} bytes`).toEqual(whole);
  return whole;
}

/** A file of `n` rows with every kind of field. */
function mixed(n: number, eol: string): string {
  const lines = ["id,name,x,code,day,note"];
  for (let i = 0; i < n; i++) {
    const name = i % 4 === 0 ? "北京市" : i % 4 === 1 ? '"Smith, J."' : i % 4 === 2 ? '"say ""hi"""' : "";
    const x = i === n - 3 ? "oops" : i % 5 === 0 ? "NA" : i % 7 === 0 ? "NaN" : String(i * 0.5);
    const note = i % 9 === 0 ? `"line one${eol}line two"` : `n${i}`;
    lines.push(`${i},${name},${x},0${i % 13},2020-01-${1 + (i % 28)},${note}`);
  }
  return lines.join(eol) + eol;
}

describe("CSV read in chunks equals the whole-file read", () => {
  it("quoted fields with line breaks and quotes, Chinese text, a column that turns to text late, \\n and \\r\\n", async () => {
    for (const eol of ["\n", "\r\n"]) {
      const whole = (await sameAsWhole(mixed(300, eol))) as { rows: number; error?: string };
      expect(whole.error).toBeUndefined();
      expect(whole.rows).toBe(300);
    }
  });

  it("a byte-order mark, a last line without a line break, blank lines, and no header", async () => {
    await sameAsWhole(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a,b\n1,2\n\n3,4")]));
    await sameAsWhole("1,2\n3,4\n", { header: false });
    await sameAsWhole("a;b\n1;2\r\n\r\n3;4\r\n");
  });

  it("the same errors, naming the same line: wrong field counts, an unclosed quote, text after a quote", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `${i},"q${i}"`);
    const errs: string[] = [];
    for (const bad of [
      [...rows.slice(0, 150), "7", ...rows.slice(150)],
      [...rows.slice(0, 150), "7,8,9", ...rows.slice(150)],
      [...rows, '5,"never closed'],
      [...rows.slice(0, 120), '5,"a"b', ...rows.slice(120)],
    ]) {
      const whole = (await sameAsWhole(`a,b\n${bad.join("\n")}\n`)) as { error?: string };
      expect(whole.error).toBeDefined();
      errs.push(whole.error as string);
    }
    expect(errs[0]).toMatch(/line 152 \(data row 151\) has 1 field where the header has 2/);
    expect(errs[1]).toMatch(/line 152 \(data row 151\) has more than 2 fields/);
    expect(errs[2]).toMatch(/line 202 opens a quoted field that is never closed/);
    expect(errs[3]).toMatch(/line 122, column "b" has text after a closing quote/);
  });

  it("invalid UTF-8 late in the file is named by line and column; a GBK file is detected and read", async () => {
    const head = Buffer.from(`id,name\n${Array.from({ length: 100 }, (_, i) => `${i},n${i}`).join("\n")}\n`);
    const bad = (await sameAsWhole(Buffer.concat([head, Buffer.from([0x31, 0x2c, 0xff, 0x0a])]))) as {
      error?: string;
    };
    expect(bad.error).toMatch(/line 102, column "name" .*is not valid UTF-8 text/);

    const gbk = Buffer.concat([head, Buffer.from([0x31, 0x2c, 0xd6, 0xd0, 0xce, 0xc4, 0x0a])]); // 中文
    const read = (await sameAsWhole(gbk)) as {
      warnings: string[];
      columns: { text: { levels: string[] } }[];
    };
    expect(read.warnings[0]).toMatch(/reads cleanly as Chinese GBK text/);
    expect(read.columns[1].text.levels).toContain("中文");
    const given = (await sameAsWhole(gbk, { encoding: "gbk" })) as {
      columns: { text: { levels: string[] } }[];
    };
    expect(given.columns[1].text.levels).toContain("中文");
  });

  it("an empty file and a header-only file", async () => {
    expect(((await sameAsWhole("")) as { error: string }).error).toMatch(/the file is empty/);
    expect(((await sameAsWhole("a,b\n")) as { rows: number }).rows).toBe(0);
  });
});
