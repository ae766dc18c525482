import { copyFile, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataSession } from "../../../src/io/session.js";
import { quoteLiteral } from "../../../src/io/sql.js";
import type { SynthResult } from "../../../src/studies/types.js";
import { LINKAGE_TRUTH_FILE } from "../../../src/studies/upstream-innovation/steps/link-accuracy.js";
import { runInto, sourcesOf, synth, tempDir } from "./helpers.js";

/**
 * Study A links the registry, patents and customs to the ASIE with `robometrics link`; the twin
 * writes real-name noise into its sources (former names, typos, traditional characters, firms not
 * in the ASIE) and its truth, and review/linkage.json reports precision and recall against it.
 * Thresholds: precision ≥ 0.995 and recall ≥ 0.99 per step (the bar is P ≥ 0.995,
 * R ≥ 0.97; the twin's default run measures P 1.000, R ≥ 0.9999).
 */
interface Step {
  step: string;
  matched: number;
  accuracy?: { against: string; precision?: number; recall?: number; true_links?: number; linked?: number };
}

const NAME_STEPS = ["registry → ASIE", "patents → ASIE", "customs → ASIE"];
let root: string;
let src: SynthResult;
let steps: Step[];

async function linkageOf(dir: string): Promise<Step[]> {
  return JSON.parse(await readFile(join(dir, "review", "linkage.json"), "utf8")).linkage as Step[];
}

beforeAll(async () => {
  root = await tempDir("link-upstream-");
  src = await synth(root, 7, "tiny");
  await runInto(join(root, "a"), sourcesOf(src));
  steps = await linkageOf(join(root, "a"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("study A name linkage against the twin's truth", () => {
  it("reports precision ≥ 0.995 and recall ≥ 0.99 beside the match rate of every name step", () => {
    for (const name of NAME_STEPS) {
      const s = steps.find((x) => x.step === name);
      expect(s?.accuracy?.against, name).toMatch(/synthetic twin's truth/);
      expect(s?.accuracy?.true_links, name).toBeGreaterThan(0);
      expect(s?.accuracy?.precision, name).toBeGreaterThanOrEqual(0.995);
      expect(s?.accuracy?.recall, name).toBeGreaterThanOrEqual(0.99);
      expect(s?.accuracy?.linked, name).toBe(s?.matched);
    }
  });

  it("writes the noise of real names into the twin: former names, traditional characters, typos", async () => {
    const session = await DataSession.open();
    try {
      const [r] = await session.rows(
        `SELECT count(*) FILTER (WHERE former_names LIKE '%@%') AS renamed FROM ${quoteLiteral(src.files.registry)}`,
      );
      expect(Number(r.renamed)).toBeGreaterThan(0);
      // Applicants the old exact rule (normalised name = registered core) misses: traditional
      // characters and homophone typos, among patents of ASIE firms.
      const [p] = await session.rows(
        `SELECT count(*) FILTER (WHERE regexp_matches(applicant, '[銳華鑫達機電氣傳動技術鋼業興產業]')) AS trad
         FROM ${quoteLiteral(src.files.patents)}`,
      );
      expect(Number(p.trad)).toBeGreaterThan(0);
      const [t] = await session.rows(
        `SELECT count(*) FILTER (WHERE t.firm <> '') AS inside, count(*) FILTER (WHERE t.firm = '') AS outside
         FROM ${quoteLiteral(join(root, "sources", LINKAGE_TRUTH_FILE))} t WHERE t.source = 'patents'`,
      );
      expect(Number(t.inside)).toBeGreaterThan(0);
      expect(Number(t.outside)).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });

  it("says there is no truth when the sources carry none (a user's own data)", async () => {
    const bare = join(root, "bare");
    await mkdir(bare, { recursive: true });
    const files: Record<string, string> = {};
    for (const f of await readdir(join(root, "sources"))) {
      if (f === LINKAGE_TRUTH_FILE || f === "truth.json") continue;
      await copyFile(join(root, "sources", f), join(bare, f));
    }
    for (const [table, path] of Object.entries(src.files))
      files[table] = join(bare, path.split("/").pop() ?? "");
    await runInto(
      join(root, "b"),
      Object.fromEntries(Object.entries(files).map(([k, path]) => [k, { path }])),
    );
    const user = await linkageOf(join(root, "b"));
    for (const name of NAME_STEPS) {
      const s = user.find((x) => x.step === name);
      expect(s?.accuracy?.against, name).toMatch(/^none/);
      expect(s?.accuracy?.precision, name).toBeUndefined();
    }
  });
});
