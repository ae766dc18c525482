/**
 * Helpers of study A's end-to-end tests: generate sources and run the study into temporary folders,
 * and read estimates back from the tables' JSON.
 */
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { study } from "../../../src/studies/upstream-innovation/index.js";
import type { Lang, Scale, SourceFile, SynthResult, Truth } from "../../../src/studies/types.js";

/** Every table id of study A. */
export const TABLE_IDS = [
  "table1",
  "table2",
  "table3",
  "table4",
  "table5",
  "robustness_outcomes",
  "robustness_regressors",
  "robustness_instruments",
  "robustness_samples",
  "robustness_clusters",
  "robustness_processing",
  "robustness_winsor",
  "inference",
] as const;

/** A fresh temporary folder. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Generate the synthetic sources of a seed and scale into `dir/sources`. */
export async function synth(dir: string, seed: number, scale: Scale): Promise<SynthResult> {
  const src = join(dir, "sources");
  await mkdir(src, { recursive: true });
  return study.synth(src, { seed, scale, progress: () => {} });
}

/** The sources of a synth result as run options expect them. */
export function sourcesOf(res: SynthResult): Record<string, SourceFile> {
  return Object.fromEntries(Object.entries(res.files).map(([k, path]) => [k, { path }]));
}

/** Run the study on `sources` into `outDir`. */
export async function runInto(outDir: string, sources: Record<string, SourceFile>, lang: Lang = "en") {
  return study.run({ outDir, sources, lang, progress: () => {} });
}

/** One table's JSON output. */
export interface TableJson {
  readonly id: string;
  readonly columns: readonly {
    readonly number: number;
    readonly label: string;
    readonly first_stage_of: string | null;
    readonly result: {
      readonly method: string;
      readonly nobs: number;
      readonly coefficients: readonly { term: string; estimate: number; se: number; p: number }[];
      readonly iv: {
        readonly first_stage: readonly {
          endogenous: string;
          coefficients: readonly { term: string; estimate: number; se: number }[];
        }[];
        readonly underid: { stat: number } | null;
        readonly weakid: { cd_f: number | null; kp_f: number | null };
      } | null;
      readonly dof: { resid: number | null };
    };
  }[];
}

/** Read `tables/<id>.json`. */
export async function readTable(outDir: string, id: string): Promise<TableJson> {
  return JSON.parse(await readFile(join(outDir, "tables", `${id}.json`), "utf8")) as TableJson;
}

/** The estimate and SE a truth key `<table>.<column>.<term>` refers to. */
export async function estimateOf(outDir: string, key: string): Promise<{ estimate: number; se: number }> {
  const [id, col, term] = key.split(".");
  const t = await readTable(outDir, id);
  const c = t.columns.find((x) => x.number === Number(col));
  if (!c) throw new Error(`${key}: no column ${col} in ${id}`);
  const firstStage = (endogenous: string | null) =>
    c.result.iv?.first_stage.find((f) => endogenous === null || f.endogenous === endogenous)?.coefficients ??
    [];
  // A first-stage column shows its first stage; a 2SLS column shows the excluded instrument's
  // first-stage coefficient in its first-stage row (Tables 3–5).
  const coefs = c.first_stage_of ? firstStage(c.first_stage_of) : c.result.coefficients;
  const k =
    coefs.find((x) => x.term === term) ??
    (c.first_stage_of ? undefined : firstStage(null).find((x) => x.term === term));
  if (!k) throw new Error(`${key}: no term ${term} in column ${col} of ${id}`);
  return { estimate: k.estimate, se: k.se };
}

/** truth.json of a synth result. */
export async function readTruth(res: SynthResult): Promise<Truth> {
  return JSON.parse(await readFile(res.truthPath, "utf8")) as Truth;
}

/** One consistent truth target of a world: its key, table group and whether the 95% interval covers it. */
export interface CoverageCell {
  readonly key: string;
  readonly group: "second stage" | "first stage" | "robustness";
  readonly covered: boolean;
}

/**
 * Table group of a truth key: the paper's second stages, their first stages, the robustness tables
 * (with the inference table's LIML and Fuller columns, which share the baseline's estimand).
 */
function groupOf(key: string): CoverageCell["group"] {
  if (key.startsWith("robustness_") || key.startsWith("inference.")) return "robustness";
  return key.endsWith(".us_robot") ? "first stage" : "second stage";
}

/**
 * Generate a world, run the study on it and check each target not listed as biased against its run's
 * 95% interval (the folder is removed afterwards).
 * @example const cells = await seedCoverage(101, "tiny");
 */
export async function seedCoverage(seed: number, scale: Scale): Promise<CoverageCell[]> {
  const root = await tempDir(`cover-upstream-${seed}-`);
  try {
    const src = await synth(root, seed, scale);
    const truth = await readTruth(src);
    await runInto(join(root, "out"), sourcesOf(src));
    const cells: CoverageCell[] = [];
    for (const [key, value] of Object.entries(truth.effects)) {
      if (key in truth.biased) continue;
      const b = await estimateOf(join(root, "out"), key);
      cells.push({ key, group: groupOf(key), covered: Math.abs(b.estimate - value) <= 1.96 * b.se });
    }
    return cells;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
