import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaperCoefficients } from "../../../src/report/paper-coefficients.js";
import { compareSamples } from "../../../src/report/paper-samples.js";
import { tableFolder } from "../../../src/report/table-folder.js";
import type { TableJson } from "../../../src/report/table-json.js";
import { cleanup, estimateFor, runStudy, type SynthFixture, synthesize, tableJson } from "./fixture.js";

// One world at the paper's sizes (60 economies 1994–2019; 41 economies × 14 industries × 2000–2014).
const SEED = 2024;
let fx: SynthFixture;
let out: Awaited<ReturnType<typeof runStudy>>;

beforeAll(async () => {
  fx = await synthesize(SEED, "default");
  out = await runStudy(fx.sources, "zh");
});
afterAll(cleanup);

/** Split a truth key `<table>.<column>.<term>` (terms may contain dots? they do not here). */
function parseKey(key: string): { table: string; column: number; term: string } {
  const [table, column, ...term] = key.split(".");
  return { table, column: Number(column), term: term.join(".") };
}

describe("study B at default scale", () => {
  it("estimates on the paper's sample sizes: 1560 economy-years and 8610 economy-industry-years", async () => {
    const t2 = await tableJson(out.outDir, "table2");
    expect(t2.columns.map((c) => c.result.nobs)).toEqual([1560, 1560, 1560, 8610, 8610, 8610]);
    const t6 = await tableJson(out.outDir, "table6");
    expect(t6.columns[0].result.nobs).toBe(8036);
    // Every column's N is the one the paper prints (Tables 2–9, data/papers/tfp-divergence.json).
    const paper = loadPaperCoefficients("tfp-divergence");
    const rows = compareSamples(paper?.samples ?? [], tableFolder<TableJson>(join(out.outDir, "tables")));
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r.runN !== r.paper.n).map((r) => `${r.paper.table}.${r.paper.column}`)).toEqual(
      [],
    );
  });

  it("covers the true effect with the 95% intervals of both baseline 2SLS columns of Table 3", async () => {
    for (const key of ["table3.2.Exposure", "table3.5.Exposure"]) {
      const k = parseKey(key);
      const c = estimateFor(await tableJson(out.outDir, k.table), k.column, k.term);
      expect(Math.abs(c.estimate - fx.truth.effects[key]), key).toBeLessThan(1.96 * c.se);
    }
  });

  it("covers the targets of most consistent coefficients of Tables 2–9 (all columns, splits, interactions)", async () => {
    const keys = Object.keys(fx.truth.effects).filter((k) => !(k in fx.truth.biased));
    expect(keys.length).toBeGreaterThanOrEqual(20);
    let covered = 0;
    for (const key of keys) {
      const k = parseKey(key);
      const c = estimateFor(await tableJson(out.outDir, k.table), k.column, k.term);
      if (Math.abs(c.estimate - fx.truth.effects[key]) <= 1.96 * c.se) covered += 1;
    }
    // Nominal 95%; the effects of one world are correlated, so one world may miss a few together.
    expect(covered / keys.length).toBeGreaterThanOrEqual(0.8);
  });

  it("finds the stock-based OLS estimates of TFP biased downward, as the DGP builds in (robot stocks fall with the TFP shock)", async () => {
    const t2 = await tableJson(out.outDir, "table2");
    for (const key of ["table2.2.Exposure", "table2.5.Exposure"]) {
      const k = parseKey(key);
      expect(fx.truth.biased[key]).toMatch(/^downward/);
      const ols = estimateFor(t2, k.column, k.term);
      expect(fx.truth.effects[key] - ols.estimate, key).toBeGreaterThan(2 * ols.se);
    }
  });

  it("reproduces the signs the DGP builds into the first stages", async () => {
    const signs = fx.truth.signs ?? {};
    expect(Object.keys(signs).length).toBe(3);
    for (const [key, sign] of Object.entries(signs)) {
      const k = parseKey(key);
      const c = estimateFor(await tableJson(out.outDir, k.table), k.column, k.term);
      expect(Math.sign(c.estimate), key).toBe(sign === "positive" ? 1 : -1);
    }
  });

  it("has strong instruments, with Kleibergen-Paap statistics and the Stock–Yogo critical value", async () => {
    const t3 = await tableJson(out.outDir, "table3");
    for (const col of [2, 5]) {
      const iv = t3.columns[col - 1].result.iv;
      expect(iv?.underid?.p).toBeLessThan(0.001);
      expect(iv?.weakid.kp_f).toBeGreaterThan(iv?.weakid.stock_yogo.tsls_size_10 ?? Number.POSITIVE_INFINITY);
    }
  });

  it("labels the tables in Chinese when asked", async () => {
    const md = await readFile(join(out.outDir, "tables", "table3.md"), "utf8");
    expect(md).toContain("2SLS 估计结果");
    expect(md).toContain("经济体-行业-年份维度");
    expect(md).toContain("样本量");
  });
});
