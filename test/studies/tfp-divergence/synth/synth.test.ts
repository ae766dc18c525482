import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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

  it("writes truth.json with the baseline 2SLS estimands, the OLS bias directions and the designed signs", async () => {
    const res = await synth(9);
    const truth = JSON.parse(await readFile(res.truthPath, "utf8")) as Truth;
    expect(truth.study).toBe("tfp-divergence");
    expect(truth.seed).toBe(9);
    expect(Object.keys(truth.effects).sort()).toEqual([
      "inference.1.Exposure",
      "inference.2.Exposure",
      "inference.3.Exposure",
      "inference.4.Exposure",
      "inference.5.Exposure",
      "table3.2.Exposure",
      "table3.5.Exposure",
    ]);
    const params = truth.parameters as {
      country: { betaLow: number; betaHigh: number };
      industry: { betaLow: number; betaHigh: number };
      estimands: { w_country: number; w_industry: number };
    };
    // The pooled estimand is a weighted average of the low and high effects (0 ≤ w ≤ 1 here).
    for (const [key, p, w] of [
      ["table3.2.Exposure", params.country, params.estimands.w_country],
      ["table3.5.Exposure", params.industry, params.estimands.w_industry],
    ] as const) {
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThan(1);
      expect(truth.effects[key]).toBeCloseTo(p.betaLow + p.betaHigh * w, 12);
    }
    expect(truth.biased["table2.2.Exposure"]).toBe("upward");
    expect(truth.signs?.["table3.1.IV_TS"]).toBe("positive");
  });

  it("refuses a seed that is not a whole number", async () => {
    await expect(
      synthTfpDivergence(join(tmpdir(), "never"), { seed: 1.5, scale: "tiny", progress: () => {} }),
    ).rejects.toThrow(/seed must be a whole number/);
  });
});
