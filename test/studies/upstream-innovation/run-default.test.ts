import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Truth } from "../../../src/studies/types.js";
import { estimateOf, readTable, readTruth, runInto, sourcesOf, synth, tempDir } from "./helpers.js";

let root: string;
let truth: Truth;
const out = () => join(root, "out");

beforeAll(async () => {
  root = await tempDir("run-upstream-default-");
  const src = await synth(root, 1, "default");
  truth = await readTruth(src);
  await runInto(out(), sourcesOf(src));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("study A at --scale default against the DGP's truth", () => {
  it("covers the true effect with the baseline 2SLS 95% interval (strong first stage)", async () => {
    const b = await estimateOf(out(), "table2.3.robot");
    const beta = truth.effects["table2.3.robot"];
    expect(beta).toBeLessThan(0);
    expect(Math.abs(b.estimate - beta)).toBeLessThanOrEqual(1.96 * b.se);
    expect(b.estimate / b.se).toBeLessThan(-2.58);
    const t2 = await readTable(out(), "table2");
    expect(t2.columns[2].result.iv?.weakid.kp_f).toBeGreaterThan(10);
  });

  it("finds OLS biased towards zero, as the DGP builds in", async () => {
    const ols = await estimateOf(out(), "table2.1.robot");
    const iv = await estimateOf(out(), "table2.3.robot");
    const beta = truth.effects["table2.3.robot"];
    expect(truth.biased["table2.1.robot"]).toMatch(/towards zero/);
    expect(ols.estimate).toBeGreaterThan(beta + 2 * ols.se);
    expect(ols.estimate).toBeGreaterThan(iv.estimate);
  });

  it("covers every listed estimand with its 95% interval", async () => {
    for (const [key, value] of Object.entries(truth.effects)) {
      const b = await estimateOf(out(), key);
      expect(Math.abs(b.estimate - value), `${key}: ${b.estimate} (${b.se}) vs ${value}`).toBeLessThanOrEqual(
        1.96 * b.se,
      );
    }
  });

  it("gives the heterogeneity, mechanism and robustness estimates the signs of the truth", async () => {
    const signs = truth.signs ?? {};
    expect(Object.keys(signs).length).toBeGreaterThan(15);
    for (const [key, sign] of Object.entries(signs)) {
      const b = await estimateOf(out(), key);
      expect(Math.sign(b.estimate), `${key}: ${b.estimate} (${b.se})`).toBe(sign === "positive" ? 1 : -1);
    }
    // The mechanisms whose effects are exact in the DGP: lock-in raises part imports and sales
    // expenses; crowd-out lowers profits and product lines — all significant at default scale.
    for (const key of ["table3.1.robot", "table3.3.robot", "table4.2.robot", "table4.3.robot"]) {
      const b = await estimateOf(out(), key);
      expect(Math.sign(b.estimate), key).toBe(Math.sign(truth.effects[key]));
      expect(Math.abs(b.estimate / b.se), key).toBeGreaterThan(2.58);
    }
    // The exclusion check: no effect where there are no upstream makers.
    const ex = await estimateOf(out(), "robustness_samples.2.robot");
    expect(Math.abs(ex.estimate / ex.se)).toBeLessThan(1.96);
  });
});
