/**
 * One study of `robometrics run`, from its sources (generated, or the user's files) to its tables,
 * figures and paper comparison, inside OUT's staging folder. The same function runs in the main
 * thread or in a worker thread (run-study-worker.ts), so that two studies can run concurrently: its
 * job and outcome are plain, structured-cloneable data.
 */
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { writePaperComparison } from "../report/paper-comparison.js";
import { summarizeComparison, summaryLine } from "../report/paper-comparison-summary.js";
import { loadStudy } from "../studies/registry.js";
import { sha256 } from "../studies/sources.js";
import type { Lang, Scale, SourceFile, StudyId, StudyRunResult } from "../studies/types.js";

/** What one study run needs. */
export interface StudyJob {
  readonly id: StudyId;
  /** The study's folder in the staging output (`STAGING/<study>`). */
  readonly dir: string;
  readonly seed: number;
  readonly scale: Scale;
  readonly lang: Lang;
  /** The user's source files (a YAML configuration), or null to generate synthetic sources. */
  readonly sources: Readonly<Record<string, SourceFile>> | null;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** What one study run produced (input paths as read, i.e. still in the staging folder). */
export interface StudyOutcome {
  readonly id: StudyId;
  readonly inputs: readonly { readonly table: string; readonly path: string; readonly sha256: string }[];
  readonly result: StudyRunResult;
  /** The paper comparison's summary line, or null when the study has none. */
  readonly comparison: string | null;
}

/**
 * Run one study; `step(name)` opens a progress step and returns where its messages go.
 * @example const o = await runStudy(job, (name) => (m) => console.log(name, m));
 */
export async function runStudy(
  job: StudyJob,
  step: (name: string) => (message: string) => void,
): Promise<StudyOutcome> {
  const study = await loadStudy(job.id);
  await mkdir(job.dir, { recursive: true });
  let sources: Record<string, SourceFile>;
  if (job.sources) {
    sources = { ...job.sources };
  } else {
    const say = step(`${job.id}: generating synthetic sources (seed ${job.seed}, scale ${job.scale})`);
    const synthDir = join(job.dir, "sources");
    await mkdir(synthDir, { recursive: true });
    const synth = await study.synth(synthDir, { seed: job.seed, scale: job.scale, progress: say });
    sources = Object.fromEntries(Object.entries(synth.files).map(([t, path]) => [t, { path }]));
    await copyFile(synth.truthPath, join(job.dir, "truth.json"));
  }
  const result = await study.run({
    outDir: job.dir,
    sources,
    lang: job.lang,
    progress: step(`${job.id}: running the study`),
    options: job.options,
    synthetic: !job.sources,
  });
  const compared = await writePaperComparison(job.dir, job.id, undefined, job.lang);
  const inputs = [];
  for (const [table, src] of Object.entries(sources).sort(([a], [b]) => a.localeCompare(b)))
    inputs.push({ table, path: src.path, sha256: await sha256(src.path) });
  return {
    id: job.id,
    inputs,
    result: { tables: [...result.tables], figures: [...result.figures], timings: [...result.timings] },
    comparison: compared ? summaryLine(summarizeComparison(compared)) : null,
  };
}
