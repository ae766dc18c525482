import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerDescribe } from "../../src/cli/describe.js";
import { runCommand } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "rm-cli-describe-"));

const run = (...args: string[]) => runCommand(registerDescribe, ["describe", ...args]);

afterEach(() => vi.restoreAllMocks());

describe("robometrics describe", () => {
  it("prints the summary table with hand-checked numbers", async () => {
    const f = join(dir, "small.csv");
    writeFileSync(f, "x,g\n1,a\n2,b\n3,\n.,c\n6,a\n");
    const { out } = await run(f);
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toBe(`${f}: 5 rows, 2 columns`);
    // x = 1, 2, 3, 6: mean 3, s.d. sqrt(14/3) = 2.16025
    expect(lines[3].split(/\s+/)).toEqual(["x", "bigint", "4", "1", "3", "2.16025", "1", "6"]);
    expect(lines[4].split(/\s+/)).toEqual(["g", "varchar", "4", "1", ".", ".", "a", "c"]);
  });

  it("--json gives full-precision numbers", async () => {
    const f = join(dir, "small.csv");
    const { out } = await run(f, "--json");
    const parsed = JSON.parse(out);
    expect(parsed.rows).toBe(5);
    expect(parsed.columns[0]).toEqual({
      name: "x",
      type: "BIGINT",
      label: "",
      n: 4,
      missing: 1,
      mean: 3,
      sd: Math.sqrt(14 / 3),
      min: 1,
      max: 6,
    });
  });

  it("reads an Excel sheet given by --sheet and a .dta file with labels", async () => {
    const book = join(dir, "b.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("one").addRow(["a"]);
    const two = wb.addWorksheet("two");
    two.addRow(["y"]);
    two.addRow([10]);
    two.addRow([20]);
    await wb.xlsx.writeFile(book);
    const { out } = await run(book, "--sheet", "two", "--json");
    expect(JSON.parse(out).columns[0]).toMatchObject({
      name: "y",
      n: 2,
      mean: 15,
      sd: Math.sqrt(50),
      min: 10,
      max: 20,
    });
    const dta = await run("test/fixtures/dta/synthetic_v14.dta");
    expect(dta.out).toContain("output: Gross output (thousand yuan)");
  });

  it("fails with the reader's message on a bad file", async () => {
    const f = join(dir, "bad.csv");
    writeFileSync(f, "a,b\n1,2,3\n");
    await expect(run(f)).rejects.toThrow(`${f}: line 2 (data row 1) has more than 2 fields`);
  });
});
