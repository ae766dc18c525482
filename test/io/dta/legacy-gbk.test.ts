/**
 * Issue 8 item 4: a `.dta` file before format 118 stores text in the writer's code page. Chinese
 * Stata wrote GBK; such names, variable labels, value labels and strings are detected and decoded as
 * GB18030 with a notice (they used to be read as windows-1252 and written out as mojibake by
 * `convert`). Latin-1 text and an explicit --encoding are left alone.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerConvert } from "../../../src/cli/convert.js";
import { readDta } from "../../../src/io/dta/index.js";
import { runCommand } from "../../helpers/cli.js";
import { type BuildSpec, buildDta } from "./dta-builder.js";
import { useTmpDir } from "./tmp-dir.js";

const tmp = useTmpDir("dta-legacy-gbk");
afterEach(() => vi.restoreAllMocks());

/** GBK bytes of a string, from the inverse of the platform's GBK decoder (two-byte codes). */
const GBK = (() => {
  const dec = new TextDecoder("gbk", { fatal: true });
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (!map.has(ch)) map.set(ch, [lead, trail]);
      } catch {
        // not a GBK code
      }
    }
  return map;
})();

function gbkBytes(text: string): number[] {
  return [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : GBK.get(ch)!));
}

/**
 * Build a file whose texts are ASCII placeholders of the same byte length, then patch the GBK bytes
 * in (the builder writes text as Latin-1 or UTF-8 only).
 */
function buildGbk(release: BuildSpec["release"], byteOrder: "LSF" | "MSF", texts: readonly string[]) {
  const holders = texts.map((t, i) => `#${i}`.padEnd(gbkBytes(t).length, "#"));
  const [name, label, firm1, firm2, yes, no] = holders;
  const bytes = buildDta({
    release,
    byteOrder,
    vars: [
      { name, type: "str", strWidth: 24, label },
      { name: "own", type: "byte", valueLabel: "own" },
    ],
    rows: [
      [firm1, 1],
      [firm2, 0],
    ],
    valueLabels: {
      own: [
        { value: 0, label: no },
        { value: 1, label: yes },
      ],
    },
  });
  const buf = Buffer.from(bytes);
  holders.forEach((h, i) => {
    const at = buf.indexOf(h, 0, "latin1");
    expect(at, h).toBeGreaterThanOrEqual(0);
    Buffer.from(gbkBytes(texts[i])).copy(buf, at);
  });
  return new Uint8Array(buf);
}

const TEXTS = ["企业名称", "企业的中文名称", "上海机器人有限公司", "苏州伺服系统科技", "国有", "非国有"];

describe("GBK text in .dta files before format 118", () => {
  for (const release of [113, 114, 115, 117] as const) {
    for (const order of ["LSF", "MSF"] as const) {
      it(`format ${release} ${order}: names, labels, value labels and strings decode as GB18030 with a notice`, async () => {
        const file = tmp.write(`gbk-${release}-${order}.dta`, buildGbk(release, order, TEXTS));
        const t = await readDta(file);
        expect(t.meta.encoding).toBe("gb18030");
        expect(t.meta.variables.map((v) => v.name)).toEqual(["企业名称", "own"]);
        expect(t.meta.variables[0].label).toBe("企业的中文名称");
        expect(t.columns[0]).toEqual(["上海机器人有限公司", "苏州伺服系统科技"]);
        expect(t.meta.valueLabels.own).toEqual([
          { value: 0, label: "非国有" },
          { value: 1, label: "国有" },
        ]);
        expect(t.meta.warnings).toEqual([
          `${file}: format ${release} stores text in the writer's code page; its names, labels and strings read as Chinese GBK, so they were decoded as GB18030 (pass --encoding windows-1252 or another code page to override)`,
        ]);
      });
    }
  }

  it("an explicit --encoding is obeyed (no detection), and Latin-1 text stays windows-1252 without a notice", async () => {
    const file = tmp.write("gbk-explicit.dta", buildGbk(114, "LSF", TEXTS));
    const forced = await readDta(file, { encoding: "windows-1252" });
    expect(forced.meta.encoding).toBe("windows-1252");
    expect(forced.meta.warnings.join(" ")).toMatch(/look like GBK.*--encoding gbk/);
    const bytes = buildDta({
      release: 114,
      byteOrder: "LSF",
      vars: [{ name: "firm", type: "str", strWidth: 24, label: "Société" }],
      rows: [["Müller GmbH"], ["Café crème"]],
    });
    const l = await readDta(tmp.write("latin1.dta", bytes));
    expect(l.meta.encoding).toBe("windows-1252");
    expect(l.columns[0]).toEqual(["Müller GmbH", "Café crème"]);
    expect(l.meta.variables[0].label).toBe("Société");
    expect(l.meta.warnings).toEqual([]);
  });

  it("convert writes the Chinese text as UTF-8 (no mojibake) and prints the notice", async () => {
    const file = tmp.write("gbk-convert.dta", buildGbk(115, "LSF", TEXTS));
    const out = tmp.path("gbk-convert.csv");
    const { err } = await runCommand(registerConvert, ["convert", file, out]);
    expect(err).toMatch(/robometrics: warning: .*decoded as GB18030/);
    const csv = readFileSync(out, "utf8");
    expect(csv.split("\n")[0]).toBe("企业名称,own");
    expect(csv).toContain("上海机器人有限公司");
    expect(csv).toContain("苏州伺服系统科技");
  });
});
