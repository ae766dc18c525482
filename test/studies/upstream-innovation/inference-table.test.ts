/**
 * Study A's `inference` table (issue 9 item 7) at --scale tiny: Table 2's headline 2SLS beside LIML
 * (equal: exactly identified) and Fuller(1), the ln(1 + patents) 2SLS, the PPML reduced form and
 * control function on the counts; the Anderson–Rubin set and WCR bootstrap under the 2SLS column;
 * truths in truth.json that match the table's columns.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SynthResult } from "../../../src/studies/types.js";
import { readTable, readTruth, runInto, sourcesOf, synth, tempDir } from "./helpers.js";

let root: string;
let src: SynthResult;

beforeAll(async () => {
  root = await tempDir("inference-upstream-");
  src = await synth(root, 7, "tiny");
  await runInto(join(root, "out"), sourcesOf(src));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const coef = (
  c: { result: { coefficients: readonly { term: string; estimate: number; se: number }[] } },
  t: string,
) => c.result.coefficients.find((x) => x.term === t);

describe("study A inference table", () => {
  it("has the six columns: 2SLS, LIML = 2SLS, Fuller(1) ≈ 2SLS, ln(1+y) 2SLS, PPML reduced form and control function", async () => {
    const t = await readTable(join(root, "out"), "inference");
    expect(t.columns).toHaveLength(6);
    const [tsls, liml, fuller, ln1p, rf, cf] = t.columns;
    const table2 = await readTable(join(root, "out"), "table2");
    // Column (1) is Table 2's column (3).
    expect(coef(tsls, "robot")).toEqual(coef(table2.columns[2], "robot"));
    expect(coef(liml, "robot")?.estimate).toBeCloseTo(coef(tsls, "robot")?.estimate ?? 0, 9);
    expect(coef(liml, "robot")?.se).toBeCloseTo(coef(tsls, "robot")?.se ?? 0, 9);
    const b = coef(tsls, "robot")?.estimate ?? 0;
    const bf = coef(fuller, "robot")?.estimate ?? 0;
    expect(Math.abs(bf - b)).toBeLessThan(0.01 * Math.abs(b));
    expect(bf).not.toBe(b);
    expect(ln1p.result.nobs).toBeGreaterThan(tsls.result.nobs);
    for (const c of [rf, cf]) expect((c.result as { estimator?: string }).estimator).toBe("poisson");
    expect(coef(rf, "us_robot")).toBeDefined();
    expect(coef(rf, "robot")).toBeUndefined();
    expect(coef(cf, "robot")).toBeDefined();
    expect(coef(cf, "v_hat")).toBeDefined();
  });

  it("reports the Anderson–Rubin set and the WCR bootstrap of the 2SLS column, reproducibly", async () => {
    const md = await readFile(join(root, "out", "tables", "inference.md"), "utf8");
    expect(md).toMatch(/Anderson–Rubin 95% confidence set for robot[^:]*: \[-?[0-9.]+|∞/);
    const m = md.match(
      /\((\d+) Rademacher draws, seed \d+, (\d+) city × year clusters\): p = ([0-9.]+) for robot = 0; 95% interval \[([^\]]+)\]/,
    );
    expect(m).not.toBeNull();
    const [, reps, clusters, p] = m as RegExpMatchArray;
    expect(Number(reps)).toBe(999);
    expect(Number(clusters)).toBeGreaterThan(50);
    expect(Number(p)).toBeGreaterThanOrEqual(0);
    expect(Number(p)).toBeLessThanOrEqual(1);
  });

  it("lists truths for columns (1)–(3) (Table 2's estimand) and, with a stated reason, none for (4)–(6)", async () => {
    const truth = await readTruth(src);
    for (const c of [1, 2, 3])
      expect(truth.effects[`inference.${c}.robot`]).toBe(truth.effects["table2.3.robot"]);
    // Random filing dilutes ln(1 + patents); the count models weight firms by their patent counts.
    for (const key of ["inference.4.robot", "inference.5.us_robot", "inference.6.robot"]) {
      expect(truth.signs?.[key], key).toBeUndefined();
      expect(truth.effects[key], key).toBeUndefined();
      expect(truth.untargeted?.[key], key).toMatch(/neither a value nor a sign/);
    }
  });
});
