/**
 * Study B end to end: read and check the sources, build the panels and measures, estimate and
 * write every table, draw every figure, and record the intermediate steps for review.
 */
import { join } from "node:path";
import { DataSession } from "../../io/session.js";
import { registerSources } from "../sources.js";
import type { StudyRunOptions, StudyRunResult } from "../types.js";
import { writeDiagnostics } from "./diagnostics.js";
import { buildPanels } from "./panels.js";
import { schema } from "./schema.js";
import { validateSources } from "./validate-sources.js";
import { writeFigures } from "./write-figures.js";
import { writeTables } from "./write-tables.js";

/**
 * Run study B into `opts.outDir` (`tables/`, `figures/`, `diagnostics/`).
 * @example await runTfpDivergence({ outDir: "out/tfp-divergence", sources, lang: "en", progress: console.log });
 */
export async function runTfpDivergence(opts: StudyRunOptions): Promise<StudyRunResult> {
  const timings: { step: string; seconds: number }[] = [];
  let clock = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    timings.push({ step, seconds: (now - clock) / 1000 });
    clock = now;
  };
  const session = await DataSession.open();
  try {
    opts.progress("tfp-divergence: reading the sources");
    await registerSources(session, schema, opts.sources, opts.progress);
    await validateSources(session, opts.sources);
    lap("read and check sources");
    const panels = await buildPanels(session, opts.progress);
    lap("panels and measures");
    opts.progress("tfp-divergence: estimating and writing tables 1–9");
    const tables = await writeTables(panels, join(opts.outDir, "tables"), opts.lang, opts.progress);
    lap("regressions and tables");
    opts.progress("tfp-divergence: drawing figures 1–5");
    const figures = await writeFigures(session, panels, join(opts.outDir, "figures"), opts.lang, {
      shipped: opts.synthetic === true,
    });
    lap("figures");
    await writeDiagnostics(session, panels, join(opts.outDir, "diagnostics"));
    lap("diagnostics");
    return { tables, figures, timings };
  } finally {
    await session.close();
  }
}
