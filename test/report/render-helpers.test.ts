import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/report/atomic-write.js";
import { escapeLatex } from "../../src/report/latex-escape.js";
import { csvField, spreadsheetCell } from "../../src/report/render-csv.js";

describe("escapeLatex", () => {
  it("escapes LaTeX's special characters so labels print literally", () => {
    expect(escapeLatex("lnfm_patent & 5% #1 $x$")).toBe("lnfm\\_patent \\& 5\\% \\#1 \\$x\\$");
    expect(escapeLatex("a{b}~c^d\\e")).toBe(
      "a\\{b\\}\\textasciitilde{}c\\textasciicircum{}d\\textbackslash{}e",
    );
  });

  it("maps ², × and the minus sign to commands and leaves Chinese text as UTF-8", () => {
    expect(escapeLatex("R² Exposure × High −1")).toBe("R\\textsuperscript{2} Exposure $\\times$ High $-$1");
    expect(escapeLatex("企业固定效应")).toBe("企业固定效应");
  });
});

describe("CSV cells", () => {
  it("quotes fields with commas, quotes, line breaks or edge spaces (RFC 4180)", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(" x")).toBe('" x"');
    expect(csvField("plain")).toBe("plain");
  });

  it('wraps what a spreadsheet would convert as ="…", and keeps labels and notes as text', () => {
    expect(spreadsheetCell("(0.7600)")).toBe('="(0.7600)"');
    expect(spreadsheetCell("-1.6400**")).toBe('="-1.6400**"');
    expect(spreadsheetCell("0.7600")).toBe('="0.7600"');
    expect(spreadsheetCell("=cmd()")).toBe('="=cmd()"');
    expect(spreadsheetCell("Yes")).toBe("Yes");
    expect(spreadsheetCell("* p<0.1")).toBe("* p<0.1");
    expect(spreadsheetCell("")).toBe("");
    expect(spreadsheetCell(`1${"x".repeat(300)}`)).toBe(` 1${"x".repeat(300)}`);
  });
});

describe("writeFileAtomic", () => {
  it("creates missing folders, replaces an existing file and leaves no temporary file", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "atomic-")), "a", "b");
    const path = join(dir, "t.md");
    await writeFileAtomic(path, "one");
    await writeFileAtomic(path, "two");
    expect(await readFile(path, "utf8")).toBe("two");
    expect(await readdir(dir)).toEqual(["t.md"]);
  });

  it("on failure names the path, removes its temporary file and keeps what was there", async () => {
    const dir = await mkdtemp(join(tmpdir(), "atomic-"));
    const target = join(dir, "t.md");
    await mkdir(target);
    await writeFile(join(target, "keep"), "x");
    await expect(writeFileAtomic(target, "new")).rejects.toThrow(`cannot write ${target}`);
    expect(await readdir(dir)).toEqual(["t.md"]);
    expect(await readFile(join(target, "keep"), "utf8")).toBe("x");
  });
});
