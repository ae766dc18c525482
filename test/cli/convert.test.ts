import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerConvert } from "../../src/cli/convert.js";
import { loadFrame } from "../../src/io/load-frame.js";
import { runCommand } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "rm-cli-convert-"));

const run = (...args: string[]) => runCommand(registerConvert, ["convert", ...args]);

afterEach(() => vi.restoreAllMocks());

describe("robometrics convert", () => {
  it("converts CSV → Parquet → .dta → CSV end to end with the same data", async () => {
    const src = "test/fixtures/ivreg2/data/card.csv";
    const before = statSync(src).mtimeMs;
    const pq = join(dir, "card.parquet");
    const dta = join(dir, "card.dta");
    const csv = join(dir, "card.csv");
    expect((await run(src, pq)).out).toBe(`wrote ${pq} (parquet): 3010 rows × 34 columns\n`);
    expect((await run(pq, dta)).out).toBe(`wrote ${dta} (dta): 3010 rows × 34 columns\n`);
    expect((await run(dta, csv)).out).toBe(`wrote ${csv} (csv): 3010 rows × 34 columns\n`);
    expect(statSync(src).mtimeMs).toBe(before);
    const a = await loadFrame(src);
    const b = await loadFrame(csv);
    expect(b.names).toEqual(a.names);
    for (const name of a.names) expect(b.columns[name], name).toEqual(a.columns[name]);
    // nothing but the outputs in the folder: no temporary files left behind
    expect(readdirSync(dir).sort()).toEqual(["card.csv", "card.dta", "card.parquet"]);
  });

  it("honours --from, --to, --encoding and --sheet", async () => {
    const gbk = join(dir, "gbk.data");
    writeFileSync(gbk, Buffer.from([0x69, 0x64, 0x2c, 0x6e, 0x0a, 0x31, 0x2c, 0xd6, 0xd0, 0xce, 0xc4, 0x0a]));
    const out = join(dir, "gbk.out");
    await run(gbk, out, "--from", "csv", "--to", "csv", "--encoding", "gbk");
    expect(readFileSync(out, "utf8")).toBe("id,n\n1,中文\n");
  });

  it("prints warnings to stderr", async () => {
    const cut = join(dir, "cut.csv");
    writeFileSync(cut, "a,b\n1,2");
    const { err } = await run(cut, join(dir, "cut.parquet"));
    expect(err).toMatch(/robometrics: warning: .*cut\.csv: the file does not end with a line break/);
  });

  it("fails clearly on a bad input and leaves no output", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "a,b\n1,2\n3\n");
    const target = join(dir, "bad.parquet");
    await expect(run(bad, target)).rejects.toThrow(
      `${bad}: line 3 (data row 2) has 1 field where the header has 2`,
    );
    expect(existsSync(target)).toBe(false);
    await expect(run(bad, bad)).rejects.toThrow(/the output is the input file/);
    await expect(run(bad, join(dir, "x.xlsx"))).rejects.toThrow(/writing Excel files is not supported/);
    await expect(run(bad, join(dir, "nowhere", "x.csv"))).rejects.toThrow(/does not exist; create it first/);
    await expect(run(bad, join(dir, "x.csv"), "--from", "sas")).rejects.toThrow(/unknown format "sas"/);
  });
});
