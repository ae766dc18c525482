import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../../../src/package-root.js";
import { schema } from "../../../../src/studies/tfp-divergence/schema.js";
import type { Truth } from "../../../../src/studies/types.js";
import { synthTfpDivergence } from "../../../../src/studies/tfp-divergence/synth/synth.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function synth(seed: number) {
  const dir = await mkdtemp(join(tmpdir(), "rm-b-synth-"));
  dirs.push(dir);
  return synthTfpDivergence(dir, { seed, scale: "tiny", progress: () => {} });
}

const digest = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");

describe("synth tfp-divergence", () => {
  it("writes one file per source of the schema and byte-identical files and truth for the same seed", async () => {
    const a = await synth(4);
    const b = await synth(4);
    expect(Object.keys(a.files).sort()).toEqual(schema.tables.map((t) => t.name).sort());
    for (const name of Object.keys(a.files))
      expect(await digest(a.files[name])).toBe(await digest(b.files[name]));
    expect(await digest(a.truthPath)).toBe(await digest(b.truthPath));
  });

  it("writes truth.json with a target for every printed coefficient, the biased OLS columns and a reason for the rest", async () => {
    const res = await synth(9);
    const truth = JSON.parse(await readFile(res.truthPath, "utf8")) as Truth;
    expect(truth.study).toBe("tfp-divergence");
    expect(truth.seed).toBe(9);
    const paper = JSON.parse(
      await readFile(join(packageRoot(), "data", "papers", "tfp-divergence.json"), "utf8"),
    ) as { coefficients: { key: string }[] };
    const untargeted = truth.untargeted ?? {};
    const printed = paper.coefficients.map((c) => c.key);
    // Every printed coefficient has a target or a one-line reason (tiny scale keeps all 14
    // industries and 4 classes, so the split tables number their columns as the paper does).
    for (const key of printed) expect(key in truth.effects || key in untargeted, key).toBe(true);
    const targeted = printed.filter((k) => k in truth.effects).length;
    expect(targeted / printed.length).toBeGreaterThanOrEqual(0.9);
    // The first stages (projections), the RE regressions (RE's own noise moves the controls) and the
    // inference table's over-identified LIML and Fuller(1) columns (heterogeneous effects).
    expect(Object.keys(untargeted).sort()).toEqual([
      "inference.6.Exposure",
      "inference.7.Exposure",
      "table3.1.IV_TS",
      "table3.4.IV_TL",
      "table3.4.IV_TS",
      "table6.1.Exposure_Install",
      "table6.1.Exposure_Install:High",
      "table6.4.Exposure_Install",
      "table6.4.Exposure_Install:High",
    ]);
    for (const [key, why] of Object.entries(truth.biased)) {
      expect(key in truth.effects, key).toBe(true);
      expect(why.length).toBeGreaterThan(10);
    }
    // The OLS columns are biased (stocks respond to the TFP shock; industry installations follow the
    // cell's own adoption level, which lowers its TFP); the 2SLS columns are not.
    expect(truth.biased["table2.2.Exposure"]).toMatch(/^downward: robot stocks fall/);
    expect(truth.biased["table3.2.Exposure"]).toBeUndefined();
    expect(truth.biased["table6.2.Exposure_Install"]).toMatch(/^downward: robots are adopted where/);
    expect(truth.biased["table6.5.Exposure_Install"]).toBeUndefined();
    expect(truth.signs?.["table3.1.IV_TS"]).toBe("positive");
  });

  it("refuses a seed that is not a whole number", async () => {
    await expect(
      synthTfpDivergence(join(tmpdir(), "never"), { seed: 1.5, scale: "tiny", progress: () => {} }),
    ).rejects.toThrow(/seed must be a whole number/);
  });
});
