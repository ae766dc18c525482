import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../src/io/csv/read-csv.js";
import { DataSession } from "../../src/io/session.js";

/** GBK code units of a few characters (from the GB2312 table). */
const GBK: Record<string, [number, number]> = {
  中: [0xd6, 0xd0],
  文: [0xce, 0xc4],
  机: [0xbb, 0xfa],
  器: [0xc6, 0xf7],
  人: [0xc8, 0xcb],
};

/** Encode ASCII plus the characters above as GBK bytes. */
function gbk(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const pair = GBK[ch];
    if (pair) bytes.push(...pair);
    else if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else throw new Error(`no GBK code for ${ch} in the test table`);
  }
  return Buffer.from(bytes);
}

const dir = mkdtempSync(join(tmpdir(), "rm-enc-"));
const gbkFile = join(dir, "firms_gbk.csv");
let session: DataSession;
beforeAll(async () => {
  session = await DataSession.open();
  writeFileSync(gbkFile, gbk("id,name,x\n1,中文,0.5\n2,机器人,1.5\n3,,2\n"));
});
afterAll(async () => {
  await session.close();
});

describe("CSV encodings", () => {
  it("decodes a GBK file with encoding: gbk", async () => {
    // sanity check of the test's own encoder against Node's decoder
    expect(new TextDecoder("gbk").decode(gbk("中文机器人"))).toBe("中文机器人");
    const report = await readCsv(session, "t", gbkFile, { encoding: "gbk" });
    expect(report.warnings).toEqual([]);
    expect(await session.rows("SELECT * FROM t ORDER BY id")).toEqual([
      { id: 1, name: "中文", x: 0.5 },
      { id: 2, name: "机器人", x: 1.5 },
      { id: 3, name: null, x: 2 },
    ]);
  });

  it("accepts gb18030 and GBK spelled in capitals", async () => {
    await readCsv(session, "t", gbkFile, { encoding: "GB18030" });
    expect(await session.rows("SELECT name FROM t WHERE id = 2")).toEqual([{ name: "机器人" }]);
    await readCsv(session, "t", gbkFile, { encoding: "GBK" });
    expect(await session.rows("SELECT name FROM t WHERE id = 1")).toEqual([{ name: "中文" }]);
  });

  it("without --encoding, reads a GBK file as GB18030 with a notice (the cells and the header)", async () => {
    const report = await readCsv(session, "t", gbkFile);
    expect(report.warnings).toEqual([
      expect.stringMatching(
        /firms_gbk\.csv: the file is not UTF-8 but reads cleanly as Chinese GBK text, so it was read as GB18030/,
      ),
    ]);
    expect(await session.rows("SELECT * FROM t ORDER BY id")).toEqual([
      { id: 1, name: "中文", x: 0.5 },
      { id: 2, name: "机器人", x: 1.5 },
      { id: 3, name: null, x: 2 },
    ]);
    // one Chinese header and ASCII data: the header is decoded, never written out as ����
    const header = join(dir, "gbk_header.csv");
    writeFileSync(header, gbk("id,中文\n1,2\n"));
    const r = await readCsv(session, "t", header);
    expect(r.columns.map((c) => c.name)).toEqual(["id", "中文"]);
    expect(r.warnings[0]).toMatch(/read as GB18030/);
  });

  it("without --encoding, bytes that are neither UTF-8 nor confidently GBK fail naming the file, line and column, suggesting --encoding gbk", async () => {
    const f = join(dir, "latin1.csv");
    // "café" and "Müller" in windows-1252: not UTF-8, and not GBK text
    writeFileSync(f, Buffer.from("id,name\n1,caf\xe9\n2,M\xfcller\n", "latin1"));
    await expect(readCsv(session, "t", f)).rejects.toThrow(
      new RegExp(`${f.replaceAll("\\", "\\\\")}: line 2, column "name" .*is not valid UTF-8.*--encoding gbk`),
    );
    // a broken header is named by its line
    const h = join(dir, "latin1_header.csv");
    writeFileSync(h, Buffer.from("id,caf\xe9\n1,2\n", "latin1"));
    await expect(readCsv(session, "t", h)).rejects.toThrow(
      /latin1_header\.csv: line 1 is not valid UTF-8.*--encoding gbk/,
    );
  });

  it("a UTF-8 Chinese file with one corrupted byte is an error at that spot, not re-read as GBK", async () => {
    const f = join(dir, "utf8_corrupt.csv");
    const good = Buffer.from("城市,企业名称\n上海,上海机器人有限公司\n苏州,苏州精密制造厂\n", "utf8");
    const at = good.indexOf(Buffer.from("精", "utf8"));
    writeFileSync(f, Buffer.concat([good.subarray(0, at), good.subarray(at + 1)]));
    await expect(readCsv(session, "t", f)).rejects.toThrow(
      /utf8_corrupt\.csv: line 3, column "企业名称" .*is not valid UTF-8/,
    );
  });

  it("names a UTF-16 file's encoding, and reads it with --encoding utf-16le", async () => {
    const f = join(dir, "utf16.csv");
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,城市\n1,上海\n", "utf16le")]));
    await expect(readCsv(session, "t", f)).rejects.toThrow(
      /utf16\.csv: the file starts with a UTF-16LE byte-order mark; read it with --encoding utf-16le/,
    );
    await readCsv(session, "t", f, { encoding: "utf-16le" });
    expect(await session.rows("SELECT * FROM t")).toEqual([{ id: 1, 城市: "上海" }]);
  });

  it("with --encoding utf-8 given, GBK bytes are an error, not a guess", async () => {
    await expect(readCsv(session, "t", gbkFile, { encoding: "utf-8" })).rejects.toThrow(
      /firms_gbk\.csv: line 2, column "name" .*is not valid UTF-8.*--encoding gbk/,
    );
  });

  it("read as Latin-1, warns that the text looks mis-decoded, naming column and row", async () => {
    const report = await readCsv(session, "t", gbkFile, { encoding: "latin1" });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/column "name", data row 1 holds text that looks mis-decoded/);
    expect(report.warnings[0]).toMatch(/may not be windows-1252; try another --encoding/);
  });

  it("warns about U+FFFD replacement characters in a UTF-8 file", async () => {
    const f = join(dir, "replaced.csv");
    writeFileSync(f, "id,name\n1,ok\n2,bad \uFFFD text\n");
    const report = await readCsv(session, "t", f);
    expect(report.warnings[0]).toMatch(/column "name", data row 2 .*mis-decoded.*--encoding gbk/);
  });

  it("reports bytes that are not valid GBK with their line and column", async () => {
    const f = join(dir, "broken_gbk.csv");
    // 0xFF is never valid in GBK (Node's own "gbk" decoder would silently drop it)
    writeFileSync(f, Buffer.concat([gbk("id,name\n1,中文\n2,"), Buffer.from([0xff]), gbk("\n")]));
    await expect(readCsv(session, "t", f, { encoding: "gbk" })).rejects.toThrow(
      /line 3, column "name" .*is not valid gbk text/,
    );
    // a lead byte cut off by the line end
    writeFileSync(f, Buffer.concat([gbk("id,name\n1,"), Buffer.from([0x81]), gbk("\n")]));
    await expect(readCsv(session, "t", f, { encoding: "gbk" })).rejects.toThrow(
      /line 2, column "name" .*is not valid gbk text/,
    );
  });

  it("rejects an unknown encoding with a list of usable ones", async () => {
    await expect(readCsv(session, "t", gbkFile, { encoding: "klingon" })).rejects.toThrow(
      /unknown text encoding "klingon"; use e\.g\. utf-8, gbk/,
    );
  });

  it("reads UTF-8 Chinese text and a UTF-8 byte-order mark", async () => {
    const f = join(dir, "utf8.csv");
    writeFileSync(f, "\uFEFF城市,产值\n上海,1.5\n苏州,2\n");
    const report = await readCsv(session, "t", f);
    expect(report.columns.map((c) => c.name)).toEqual(["城市", "产值"]);
    expect(report.warnings).toEqual([]);
    expect(await session.rows("SELECT * FROM t")).toEqual([
      { 城市: "上海", 产值: 1.5 },
      { 城市: "苏州", 产值: 2 },
    ]);
  });
});
