/**
 * `robometrics run` and `robometrics synth`: the studies end to end, on generated source-shaped data
 * with known truth (default) or on the user's own files named in a YAML configuration.
 */
import type { Worker } from "node:worker_threads";
import { join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { loadStudyConfig } from "../studies/config.js";
import { ensureFolder, type OutputDir, openOutputDir } from "../io/output-dir.js";
import { listOutputFiles, type ManifestStudy, packageInfo, writeManifest } from "../studies/manifest.js";
import { loadStudy, STUDY_IDS } from "../studies/registry.js";
import type { Lang, Scale, StudyId } from "../studies/types.js";
import { runStudy, type StudyJob, type StudyOutcome } from "./run-study.js";
import type { StudyWorkerMessage } from "./run-study-worker.js";
import { canStartModuleWorkers, startModuleWorker } from "./start-worker.js";
import { progressMode, type StepProgress, stepProgress } from "./step-progress.js";

interface RunFlags {
  study: string;
  config?: string;
  out: string;
  seed: string;
  scale: string;
  lang?: string;
  pdf: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/**
 * Add the `run` and `synth` subcommands.
 * @example registerRun(program);
 */
export function registerRun(program: Command): void {
  program
    .command("run")
    .description("run the studies end to end and write every table and figure under OUT")
    .option("--study <id>", `${STUDY_IDS.join(", ")} or all`, "all")
    .option("--config <file>", "YAML configuration naming your own source files (see README)")
    .option("--out <dir>", "output folder", "out")
    .option("--seed <n>", "seed of the synthetic data", "1")
    .option("--scale <scale>", "tiny, default or paper (synthetic data sizes)", "default")
    .option("--lang <lang>", "labels in en or zh", undefined)
    .option("--no-pdf", "do not print report.pdf (it needs a system Chromium)")
    .option("--quiet", "no progress display and no summary lines (errors and warnings only)")
    .option("--verbose", "print every progress message as a line, also when output is piped")
    .action(async (flags: RunFlags) => {
      await runStudies(flags);
    });
  program
    .command("synth")
    .description("write source-shaped synthetic data with known truth (truth.json)")
    .requiredOption("--study <id>", STUDY_IDS.join(" or "))
    .requiredOption("--out <dir>", "output folder")
    .option("--seed <n>", "seed", "1")
    .option("--scale <scale>", "tiny, default or paper", "default")
    .option("--quiet", "no progress display")
    .option("--verbose", "print every progress message as a line, also when output is piped")
    .action(
      async (flags: {
        study: string;
        out: string;
        seed: string;
        scale: string;
        quiet?: boolean;
        verbose?: boolean;
      }) => {
        const steps = stepProgress(1, progressMode(flags));
        const study = await loadStudy(studyId(flags.study));
        await ensureFolder(flags.out);
        const res = await study.synth(resolve(flags.out), {
          seed: seedOf(flags.seed),
          scale: scaleOf(flags.scale),
          progress: steps.step(`${flags.study}: generating synthetic sources`),
        });
        steps.stop();
        process.stdout.write(
          `${Object.entries(res.files)
            .map(([t, f]) => `${t}: ${f}`)
            .join("\n")}\ntruth: ${res.truthPath}\n`,
        );
      },
    );
}

/** All or nothing: the run writes into a locked staging folder beside OUT, swapped in when complete. */
async function runStudies(flags: RunFlags): Promise<void> {
  const target = await openOutputDir(flags.out);
  try {
    await runInto(flags, target);
    await target.commit();
  } catch (err) {
    await target.abort();
    throw err;
  }
  if (!flags.quiet) process.stdout.write(`manifest: ${join(target.final, "manifest.json")}\n`);
}

async function runInto(flags: RunFlags, target: OutputDir): Promise<void> {
  const t0 = performance.now();
  const seed = seedOf(flags.seed);
  const scale = scaleOf(flags.scale);
  const out = resolve(flags.out);
  const config = flags.config ? loadStudyConfig(flags.config) : null;
  if (config && flags.study !== "all" && flags.study !== config.study) {
    throw new Error(`--study ${flags.study} does not match the study "${config.study}" of ${flags.config}`);
  }
  const lang = langOf(flags.lang ?? config?.lang ?? "en");
  const ids: StudyId[] = config
    ? [config.study]
    : flags.study === "all"
      ? [...STUDY_IDS]
      : [studyId(flags.study)];
  const studies: ManifestStudy[] = [];
  const info = (line: string) => {
    if (!flags.quiet) process.stdout.write(line);
  };
  // steps: per study generating its synthetic sources (default data) and running it; then the reports
  const steps = stepProgress(ids.length * (config ? 1 : 2) + 1, progressMode(flags));
  const jobs: StudyJob[] = ids.map((id) => ({
    id,
    dir: join(target.staging, id),
    seed,
    scale,
    lang,
    sources: config ? config.sources : null,
    options: config?.options,
  }));
  // Two or more studies run concurrently, each in its own thread (their outputs do not depend on
  // each other); one study, or where no thread can load the modules (a test runner), runs here.
  const outcomes =
    jobs.length > 1 && canStartModuleWorkers(new URL(import.meta.url))
      ? await runConcurrently(jobs, steps)
      : await runInSequence(jobs, steps);
  steps.stop();
  for (const o of outcomes) {
    studies.push({
      study: o.id,
      data: config ? "user" : "synthetic",
      config: config?.file ?? null,
      inputs: o.inputs.map((x) => ({ ...x, path: target.finalPath(x.path) })),
      tables: o.result.tables,
      figures: o.result.figures,
      timings: o.result.timings,
    });
    info(
      `${o.id}: ${o.result.tables.length} tables, ${o.result.figures.length} figures in ${join(out, o.id)}\n`,
    );
    if (o.comparison) info(`${o.id}: paper comparison: ${o.comparison}\n`);
  }
  const base = {
    package: packageInfo(),
    node: process.version,
    command: ["robometrics", ...process.argv.slice(2)].join(" "),
    seed,
    scale,
    lang,
    studies,
  };
  const { writeRunReports } = await import("../report/write-run-report.js");
  const notices: string[] = [];
  const reports = await writeRunReports(target.staging, base, {
    pdf: flags.pdf,
    progress: steps.step("reports (HTML, Word, LaTeX, PDF)"),
    notice: (m) => notices.push(m),
  });
  steps.stop();
  for (const m of notices) process.stderr.write(`${m}\n`);
  info(`reports: ${reports.map((p) => relative(target.staging, p)).join(", ")}\n`);
  // Written last, listing every file actually present in the output.
  await writeManifest(target.staging, {
    ...base,
    total_seconds: (performance.now() - t0) / 1000,
    files: await listOutputFiles(target.staging),
  });
}

/** Run the studies one after the other in this thread. */
async function runInSequence(jobs: readonly StudyJob[], steps: StepProgress): Promise<StudyOutcome[]> {
  const outcomes: StudyOutcome[] = [];
  for (const job of jobs) outcomes.push(await runStudy(job, steps.step));
  return outcomes;
}

/** Run the studies in worker threads at once; the first failure stops the others and is thrown. */
async function runConcurrently(jobs: readonly StudyJob[], steps: StepProgress): Promise<StudyOutcome[]> {
  const workers: Worker[] = [];
  try {
    return await Promise.all(jobs.map((job) => runStudyInWorker(job, steps, workers)));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Run one study in a worker thread (added to `workers`), relaying its progress steps to the display. */
function runStudyInWorker(job: StudyJob, steps: StepProgress, workers: Worker[]): Promise<StudyOutcome> {
  return new Promise((resolvePromise, reject) => {
    const worker = startModuleWorker(new URL(`./run-study-worker${extension()}`, import.meta.url));
    workers.push(worker);
    const says = new Map<string, (message: string) => void>();
    let settled = false;
    const settle = (err: Error | null, outcome?: StudyOutcome) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolvePromise(outcome as StudyOutcome);
    };
    worker.on("message", (m: StudyWorkerMessage) => {
      if (m.kind === "step") says.set(m.name, steps.step(m.name));
      else if (m.kind === "say") says.get(m.name)?.(m.message);
      else if (m.kind === "done") settle(null, m.outcome);
      else settle(new Error(m.message));
    });
    worker.on("error", (err) => settle(err));
    worker.on("exit", (code) =>
      settle(new Error(`${job.id}: the study's thread stopped (exit code ${code})`)),
    );
    worker.postMessage(job);
  });
}

/** ".ts" when running from the TypeScript sources (tsx, tests), else ".js". */
function extension(): string {
  return import.meta.url.endsWith(".ts") ? ".ts" : ".js";
}

function studyId(s: string): StudyId {
  if ((STUDY_IDS as readonly string[]).includes(s)) return s as StudyId;
  throw new Error(`--study "${s}" is not one of ${STUDY_IDS.join(", ")}`);
}

function scaleOf(s: string): Scale {
  if (s === "tiny" || s === "default" || s === "paper") return s;
  throw new Error(`--scale "${s}" is not one of tiny, default, paper`);
}

function langOf(s: string): Lang {
  if (s === "en" || s === "zh") return s;
  throw new Error(`--lang "${s}" is not one of en, zh`);
}

function seedOf(s: string): number {
  const v = Number(s);
  if (!Number.isInteger(v) || v < 0 || v > 2 ** 32 - 1)
    throw new Error(`--seed "${s}" must be a whole number from 0 to 4294967295`);
  return v;
}
