import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataSession } from "../../../../src/io/session.js";
import { quoteLiteral } from "../../../../src/io/sql.js";
import { study } from "../../../../src/studies/upstream-innovation/index.js";
import type { SynthResult, Truth } from "../../../../src/studies/types.js";

const TABLE_COLUMNS: Record<string, number> = {
  table2: 3,
  table3: 5,
  table4: 3,
  table5: 7,
  robustness_outcomes: 2,
  robustness_regressors: 2,
  robustness_instruments: 2,
  robustness_samples: 2,
  robustness_clusters: 3,
  robustness_processing: 3,
  robustness_winsor: 3,
};

let root: string;
let a: SynthResult;

async function digests(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort()) {
    out[f] = createHash("sha256")
      .update(await readFile(join(dir, f)))
      .digest("hex");
  }
  return out;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "synth-upstream-"));
  const opts = (seed: number) => ({ seed, scale: "tiny" as const, progress: () => {} });
  for (const d of ["a", "b", "c"]) await mkdir(join(root, d));
  a = await study.synth(join(root, "a"), opts(11));
  await study.synth(join(root, "b"), opts(11));
  await study.synth(join(root, "c"), opts(12));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("study A synthetic sources", () => {
  it("are byte-identical for the same seed and differ for another seed", async () => {
    const da = await digests(join(root, "a"));
    const db = await digests(join(root, "b"));
    const dc = await digests(join(root, "c"));
    expect(Object.keys(da)).toHaveLength(12); // 10 sources, truth.json, linkage-truth.parquet
    expect(db).toEqual(da);
    expect(dc["customs.parquet"]).not.toBe(da["customs.parquet"]);
    expect(dc["truth.json"]).not.toBe(da["truth.json"]);
  });

  it("write every source of the schema with its canonical columns", async () => {
    const session = await DataSession.open();
    try {
      for (const table of study.schema.tables) {
        const path = a.files[table.name];
        expect(path, table.name).toBeDefined();
        const cols = await session.columns(`SELECT * FROM ${quoteLiteral(path)}`, true);
        expect(cols.map((x) => x.name)).toEqual(table.columns.map((x) => x.name));
        const [{ n }] = await session.rows(`SELECT count(*) AS n FROM ${quoteLiteral(path)}`);
        expect(Number(n), table.name).toBeGreaterThan(0);
      }
      // Source-shaped details: the eight robot codes, processing-trade modes, Chinese legal forms,
      // the three patent types, and firms without a credit code.
      const codes = await session.rows(
        `SELECT count(DISTINCT hs8) AS n FROM ${quoteLiteral(a.files.customs)} WHERE hs8 IN ('84795090','84795010','84248920','84289040','84864031','85152120','85153120','85158010')`,
      );
      expect(Number(codes[0].n)).toBe(8);
      const modes = await session.rows(
        `SELECT DISTINCT trade_mode FROM ${quoteLiteral(a.files.customs)} ORDER BY 1`,
      );
      expect(modes.map((m) => m.trade_mode)).toEqual(
        expect.arrayContaining(["一般贸易", "进料加工贸易", "来料加工装配贸易", "来料加工装配进口的设备"]),
      );
      const forms = await session.rows(
        `SELECT count(*) FILTER (WHERE firm_name LIKE '%股份有限公司') AS s, count(*) FILTER (WHERE firm_name LIKE '%有限责任公司') AS l, count(*) FILTER (WHERE credit_code IS NULL) AS nocode FROM ${quoteLiteral(a.files.registry)}`,
      );
      expect(Number(forms[0].s)).toBeGreaterThan(0);
      expect(Number(forms[0].l)).toBeGreaterThan(0);
      expect(Number(forms[0].nocode)).toBeGreaterThan(0);
      const types = await session.rows(
        `SELECT DISTINCT patent_type FROM ${quoteLiteral(a.files.patents)} ORDER BY 1`,
      );
      expect(types.map((t) => t.patent_type)).toEqual(["发明", "外观设计", "实用新型"]);
    } finally {
      await session.close();
    }
  });

  it("write a truth.json whose keys name existing table columns", async () => {
    const truth = JSON.parse(await readFile(a.truthPath, "utf8")) as Truth;
    expect(truth.study).toBe("upstream-innovation");
    expect(truth.seed).toBe(11);
    expect(truth.scale).toBe("tiny");
    const keys = [
      ...Object.keys(truth.effects),
      ...Object.keys(truth.biased),
      ...Object.keys(truth.signs ?? {}),
    ];
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) {
      const [id, col, term] = key.split(".");
      expect(TABLE_COLUMNS[id], key).toBeDefined();
      expect(Number(col), key).toBeGreaterThanOrEqual(1);
      expect(Number(col), key).toBeLessThanOrEqual(TABLE_COLUMNS[id]);
      expect(term, key).toMatch(/^(robot|us_robot|robot_cap|net_robot|robot_np)$/);
    }
    for (const v of Object.values(truth.effects)) expect(Number.isFinite(v)).toBe(true);
    expect(truth.effects["robustness_samples.2.robot"]).toBe(0);
    expect(truth.biased["table2.1.robot"]).toMatch(/towards zero/);
    // The conditional estimand is close to the population average of the firm effects.
    const avg = (truth.parameters as { averagePatentEffect: number }).averagePatentEffect;
    expect(Math.abs(truth.effects["table2.3.robot"] - avg)).toBeLessThan(1.5);
  });
});
