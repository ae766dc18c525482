/** Shared setup of study B's pipeline tests: synthesize a world and run the study into temp folders. */
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { study } from "../../../src/studies/tfp-divergence/index.js";
import type {
  Lang,
  Scale,
  SourceFile,
  StudyRunResult,
  SynthResult,
  Truth,
} from "../../../src/studies/types.js";

/** A synthesized world and the folder it lives in. */
export interface SynthFixture {
  readonly dir: string;
  readonly synth: SynthResult;
  readonly sources: Record<string, SourceFile>;
  readonly truth: Truth;
}

/** Temporary folders to remove after the file's tests. */
export const tempDirs: string[] = [];

/** Remove the temporary folders. */
export async function cleanup(): Promise<void> {
  for (const d of tempDirs.splice(0)) await rm(d, { recursive: true, force: true });
}

/** A new temporary folder. */
export async function tempDir(prefix: string): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.push(d);
  return d;
}

/** Synthesize study B's sources. */
export async function synthesize(seed: number, scale: Scale): Promise<SynthFixture> {
  const dir = await tempDir("rm-b-src-");
  const synth = await study.synth(dir, { seed, scale, progress: () => {} });
  const sources = Object.fromEntries(Object.entries(synth.files).map(([name, path]) => [name, { path }]));
  const truth = JSON.parse(await readFile(synth.truthPath, "utf8")) as Truth;
  return { dir, synth, sources, truth };
}

/** Run the study on sources into a new folder. */
export async function runStudy(
  sources: Record<string, SourceFile>,
  lang: Lang = "en",
): Promise<{ outDir: string; result: StudyRunResult }> {
  const outDir = await tempDir("rm-b-out-");
  const result = await study.run({ outDir, sources, lang, progress: () => {}, synthetic: true });
  return { outDir, result };
}

/** SHA-256 of every file under `dir/sub`, by file name. */
export async function digests(dir: string, sub: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(join(dir, sub))).sort()) {
    out[f] = createHash("sha256")
      .update(await readFile(join(dir, sub, f)))
      .digest("hex");
  }
  return out;
}

/** A parsed table JSON. */
export interface TableJsonFile {
  readonly id: string;
  readonly columns: readonly {
    readonly number: number;
    readonly first_stage_of?: string | null;
    readonly result: {
      readonly method: string;
      readonly nobs: number;
      readonly coefficients: readonly { term: string; estimate: number; se: number; p: number }[];
      readonly iv: {
        readonly first_stage: readonly {
          endogenous: string;
          coefficients: readonly { term: string; estimate: number; se: number; p: number }[];
        }[];
        readonly underid: { stat: number; p: number } | null;
        readonly weakid: { kp_f: number | null; stock_yogo: Record<string, number> };
      } | null;
    };
  }[];
  readonly footer: readonly { key: string; cells: readonly string[] }[];
}

/** Read `tables/<id>.json` of a run. */
export async function tableJson(outDir: string, id: string): Promise<TableJsonFile> {
  return JSON.parse(await readFile(join(outDir, "tables", `${id}.json`), "utf8")) as TableJsonFile;
}

/**
 * The estimate and SE behind a truth key `<table>.<column>.<term>` (first-stage columns read the
 * first stage).
 */
export function estimateFor(
  t: TableJsonFile,
  column: number,
  term: string,
): { estimate: number; se: number } {
  const col = t.columns[column - 1];
  const coefs = col.first_stage_of
    ? (col.result.iv?.first_stage.find((f) => f.endogenous === col.first_stage_of)?.coefficients ?? [])
    : col.result.coefficients;
  const c = coefs.find((x) => x.term === term);
  if (!c) throw new Error(`${t.id} column ${column} has no term ${term}`);
  return c;
}
