/**
 * Issue 8 item 1: identifiers are exact. 18- and 19-digit codes are distinct FE and cluster levels
 * and join keys, leading zeros survive every reader and writer, and .dta output never rounds them.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerConvert } from "../../src/cli/convert.js";
import { registerEstimate } from "../../src/cli/estimate.js";
import { loadFrame } from "../../src/io/load-frame.js";
import { DataSession } from "../../src/io/session.js";
import { toFrame } from "../../src/io/to-frame.js";
import { readFile } from "../../src/io/read-file.js";
import { registerSources } from "../../src/studies/sources.js";
import type { StudySchema } from "../../src/studies/types.js";
import { runCommand } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "rm-ids-"));
afterEach(() => vi.restoreAllMocks());

/** 40 firms with 18/19-digit codes that collide as doubles, and 8-digit HS codes with a leading zero. */
function panelCsv(base: bigint): string {
  const lines = ["firm,hs8,y,x"];
  let s = 17;
  const r = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
  for (let f = 0; f < 40; f++) {
    const fe = 6 * r();
    for (let t = 0; t < 6; t++) {
      const x = 2 * r();
      lines.push(
        `${base + BigInt(f)},0${1012100 + (f % 5)},${(fe + 2 * x + 0.2 * r()).toFixed(6)},${x.toFixed(6)}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

describe("identifiers beyond 2^53 and codes with leading zeros", () => {
  for (const [digits, base] of [
    [18, 913200000000000000n],
    [19, 9132000000000000000n],
  ] as const) {
    it(`${digits}-digit firm codes are 40 distinct FE and cluster levels (estimate from CSV and from converted .dta and Parquet)`, async () => {
      const csv = join(dir, `ids${digits}.csv`);
      writeFileSync(csv, panelCsv(base));
      const files = [csv];
      for (const ext of ["dta", "parquet"]) {
        const out = join(dir, `ids${digits}.${ext}`);
        await runCommand(registerConvert, ["convert", csv, out, "--force"]);
        files.push(out);
      }
      const results = [];
      for (const f of files) {
        const { out } = await runCommand(registerEstimate, [
          "estimate",
          ...["--data", f, "--formula", "y ~ x | firm", "--vcov", "cluster: firm", "--json"],
        ]);
        const res = JSON.parse(out);
        expect(res.fixed_effects[0].levels, f).toBe(40);
        expect(res.vcov.n_clusters, f).toEqual([40]);
        results.push(res.coefficients[0]);
      }
      expect(results[0].estimate).toBeCloseTo(2, 1);
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    });
  }

  it("a .dta written from 18-digit codes stores them as text, digit for digit, with a warning", async () => {
    const csv = join(dir, "w.csv");
    writeFileSync(csv, "firm,v\n913200000000000001,1\n913200000000000002,2\n");
    const out = join(dir, "w.dta");
    const { err } = await runCommand(registerConvert, ["convert", csv, out]);
    expect(err).toMatch(/column "firm" holds integers beyond ±2\^53.*written as text/);
    const f = await loadFrame(out);
    const col = f.columns.firm;
    expect(col.type === "category" ? col.levels : []).toEqual(["913200000000000001", "913200000000000002"]);
  });

  it("leading zeros survive CSV → frame, and CSV → .dta / Parquet → CSV", async () => {
    const csv = join(dir, "hs.csv");
    writeFileSync(csv, "hs8,city_code,n\n01012100,0755,1\n84795010,0101,2\n");
    const f = await loadFrame(csv);
    for (const [name, want] of [
      ["hs8", ["01012100", "84795010"]],
      ["city_code", ["0101", "0755"]],
    ] as const) {
      const c = f.columns[name];
      expect(c.type === "category" ? c.levels : null, name).toEqual(want);
    }
    for (const ext of ["dta", "parquet"]) {
      const mid = join(dir, `hs.${ext}`);
      const back = join(dir, `hs-${ext}.csv`);
      await runCommand(registerConvert, ["convert", csv, mid]);
      await runCommand(registerConvert, ["convert", mid, back]);
      const g = await loadFrame(back);
      expect(g.columns.hs8).toEqual(f.columns.hs8);
      expect(g.columns.city_code).toEqual(f.columns.city_code);
    }
  });

  it("a code-named column (hs6) without any leading zero is still text, so joins match across files", async () => {
    const csv = join(dir, "hs6.csv");
    writeFileSync(csv, "hs6,v\n847950,1\n847989,2\n");
    const s = await DataSession.open(":memory:");
    try {
      await readFile(s, "t", csv);
      expect((await s.columns("t")).map((c) => c.type)).toEqual(["VARCHAR", "BIGINT"]);
      const frame = await toFrame(s, "t");
      expect(frame.columns.hs6.type).toBe("category");
    } finally {
      await s.close();
    }
  });

  it("columns a study schema declares as text are read as text whatever their values look like", async () => {
    const csv = join(dir, "declared.csv");
    writeFileSync(csv, "firm,v\n12,1\n13,2\n");
    const s = await DataSession.open(":memory:");
    try {
      await readFile(s, "t", csv, { textColumns: ["firm"] });
      expect((await s.columns("t")).map((c) => c.type)).toEqual(["VARCHAR", "BIGINT"]);
    } finally {
      await s.close();
    }
  });

  it("study join keys: 19-digit codes in CSV, Parquet BIGINT and .dta match exactly; float-stored codes print without .0 or are refused", async () => {
    const schema: StudySchema = {
      study: "upstream-innovation",
      tables: ["firms", "trade"].map((name) => ({
        name,
        description: name,
        columns: [
          { name: "code", type: "string" as const, description: "firm code" },
          { name: "v", type: "number" as const, description: "value" },
        ],
      })),
    };
    const codes = Array.from({ length: 30 }, (_, i) => `${9132000000000000000n + BigInt(i)}`);
    const firms = join(dir, "firms.csv");
    writeFileSync(firms, `code,v\n${codes.map((c, i) => `${c},${i}`).join("\n")}\n`);
    const s = await DataSession.open(":memory:");
    try {
      const trade = join(dir, "trade.parquet");
      await s.run(
        `COPY (SELECT CAST(code AS BIGINT) AS code, v * 10 AS v FROM read_csv('${firms}', types={'code': 'VARCHAR'})) TO '${trade}' (FORMAT parquet)`,
      );
      const tradeDta = join(dir, "trade.dta");
      await runCommand(registerConvert, ["convert", trade, tradeDta]);
      for (const t of [trade, tradeDta]) {
        await registerSources(s, schema, { firms: { path: firms }, trade: { path: t } });
        const [{ n, bad }] = await s.rows(
          "SELECT count(*) AS n, count(*) FILTER (WHERE t.v <> 10 * f.v) AS bad FROM firms f JOIN trade t USING (code)",
        );
        expect([n, bad], t).toEqual([30, 0]);
      }
      // Codes a Stata user stored as doubles: whole numbers below 2^53 join as text ("12345", not "12345.0").
      const small = join(dir, "small.parquet");
      await s.run(
        `COPY (SELECT (12345 + range)::DOUBLE AS code, range::DOUBLE AS v FROM range(3)) TO '${small}' (FORMAT parquet)`,
      );
      const smallCsv = join(dir, "small.csv");
      writeFileSync(smallCsv, "code,v\n12345,0\n12346,1\n12347,2\n");
      await registerSources(s, schema, { firms: { path: smallCsv }, trade: { path: small } });
      expect((await s.rows("SELECT code FROM trade ORDER BY code")).map((r) => r.code)).toEqual([
        "12345",
        "12346",
        "12347",
      ]);
      expect((await s.rows("SELECT count(*) AS n FROM firms JOIN trade USING (code)"))[0].n).toBe(3);
      // Beyond 2^53 as doubles the digits are already lost: refused, naming the column and row.
      const rounded = join(dir, "rounded.parquet");
      await s.run(
        `COPY (SELECT 913200000000000001::DOUBLE AS code, 1.0 AS v) TO '${rounded}' (FORMAT parquet)`,
      );
      await expect(
        registerSources(s, schema, { firms: { path: smallCsv }, trade: { path: rounded } }),
      ).rejects.toThrow(
        /rounded\.parquet: column "code" of trade holds codes \(text\) as floating-point numbers .*row 1 has .* not a whole number below 2\^53/,
      );
    } finally {
      await s.close();
    }
  });
});
