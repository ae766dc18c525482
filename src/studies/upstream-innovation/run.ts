/**
 * Study A end to end: register the sources, identify the upstream makers, link the databases, build
 * the robot measures, the instrument and the firm variables, estimate every table and write them
 * (Markdown, LaTeX, CSV, JSON) with the review files (identification list, linkage rates).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeAtomically } from "../../io/atomic-path.js";
import { DataSession } from "../../io/session.js";
import { quoteLiteral } from "../../io/sql.js";
import { toFrame } from "../../io/to-frame.js";
import { writeDescriptiveOutputs, writeTableOutputs } from "../../report/write-table.js";
import { registerSources } from "../sources.js";
import type { StudyRunOptions, StudyRunResult } from "../types.js";
import { resolveConfig, type UpstreamConfig } from "./config.js";
import type { PipelineContext } from "./context.js";
import { addNetRobot } from "./estimation/net-robot.js";
import { countMissing } from "./frame-utils.js";
import { SCHEMA } from "./schema.js";
import { prepareAsie } from "./steps/asie.js";
import { prepareCities } from "./steps/cities.js";
import { buildCityMeasures } from "./steps/city-measures.js";
import { addFirmMeasures } from "./steps/firm-measures.js";
import { buildFirmPanels } from "./steps/firm-panels.js";
import { buildHhi } from "./steps/hhi.js";
import { identifyUpstream } from "./steps/identify.js";
import { buildInstrument } from "./steps/instrument.js";
import { linkCustoms } from "./steps/link-customs.js";
import { linkPatents } from "./steps/link-patents.js";
import { linkRegistry } from "./steps/link-registry.js";
import { assembleTable, type TablePlan } from "./tables/assemble.js";
import { inferenceTable } from "./tables/inference.js";
import { table3, table4 } from "./tables/mechanisms.js";
import type { Panels } from "./tables/panels.js";
import {
  robustnessInstruments,
  robustnessOutcomes,
  robustnessRegressors,
  robustnessSamples,
} from "./tables/robustness-design.js";
import { robustnessClusters, robustnessProcessing, robustnessWinsor } from "./tables/robustness-inference.js";
import { table1 } from "./tables/table1.js";
import { table2 } from "./tables/table2.js";
import { table5 } from "./tables/table5.js";

/** Run options of study A: the common ones plus the study's settings (keywords, codes, …). */
export interface UpstreamRunOptions extends StudyRunOptions {
  readonly options?: Partial<UpstreamConfig>;
}

/** DuckDB's memory limit for a run (it spills to a temporary folder beyond it). */
const MEMORY_LIMIT = "5GB";

/** The table plans in output order (Table 1 is descriptive and written separately). */
const PLANS: readonly ((p: Panels) => TablePlan)[] = [
  table2,
  table3,
  table4,
  table5,
  robustnessOutcomes,
  robustnessRegressors,
  robustnessInstruments,
  robustnessSamples,
  robustnessClusters,
  robustnessProcessing,
  robustnessWinsor,
  inferenceTable,
];

/**
 * Run study A on the given sources and write everything under `opts.outDir`.
 * @example const res = await runUpstream({ outDir: "out/upstream-innovation", sources, lang: "en", progress: console.log });
 */
export async function runUpstream(opts: UpstreamRunOptions): Promise<StudyRunResult> {
  const cfg = resolveConfig(opts.options);
  const timings: { step: string; seconds: number }[] = [];
  let t0 = performance.now();
  const lap = (step: string) => {
    const t = performance.now();
    timings.push({ step, seconds: (t - t0) / 1000 });
    t0 = t;
  };
  const files = Object.fromEntries(Object.entries(opts.sources).map(([k, v]) => [k, v.path]));
  const session = await DataSession.open();
  try {
    // Paper-scale sources hold tens of millions of rows: let DuckDB spill to disk beyond a few GB.
    await session.run(`SET memory_limit = '${MEMORY_LIMIT}'`);
    await session.run(`SET temp_directory = ${quoteLiteral(await session.tempPath("-duckdb"))}`);
    await registerSources(session, SCHEMA, opts.sources, opts.progress);
    lap("read sources");
    const { lookup, places } = await prepareCities(session, files.city_stats, cfg.years);
    const ctx: PipelineContext = {
      session,
      cfg,
      outDir: opts.outDir,
      progress: opts.progress,
      places,
      cities: lookup,
      linkage: [],
    };
    opts.progress("cleaning the ASIE");
    await prepareAsie(ctx, files.asie);
    opts.progress("identifying upstream makers by business scope");
    const identified = await identifyUpstream(ctx);
    await linkRegistry(ctx);
    lap("identify upstream makers");
    opts.progress("linking patents and customs");
    await linkPatents(ctx);
    await linkCustoms(ctx, files.customs);
    lap("link patents and customs");
    opts.progress("robot imports, the instrument and the city measures");
    await buildInstrument(ctx, files);
    await buildHhi(ctx, files.asie);
    await buildCityMeasures(ctx);
    lap("city measures and instrument");
    opts.progress("firm variables");
    const raw = await buildFirmPanels(ctx);
    const { frame, cutoffs } = addFirmMeasures(raw.upstream, raw.production);
    const city = await toFrame(
      session,
      "SELECT city_code AS city, CAST(year AS DOUBLE) AS year, cap_ratio, robot, us_robot, lngdp, second_rate, lnedc_cost FROM city_panel ORDER BY city_code, year",
      { source: "city panel" },
    );
    const panels: Panels = { upstream: addNetRobot(frame), parts: raw.parts, exclusion: raw.exclusion, city };
    const noUsLp = countMissing(frame, "us_lnlp");
    if (noUsLp > 0)
      opts.progress(
        `note: ${noUsLp} of ${frame.nrows} upstream firm-years have no US productivity (no nber_ces row for their CIC industry and year): no technology gap, so they leave Table 3 (4)–(5)`,
      );
    lap("firm variables");

    const tableDir = join(opts.outDir, "tables");
    await mkdir(tableDir, { recursive: true });
    const tables: string[] = [];
    await writeDescriptiveOutputs(table1(panels), tableDir, opts.lang);
    tables.push("table1");
    const failures: string[] = [];
    for (const plan of PLANS) {
      const p = plan(panels);
      opts.progress(`estimating ${p.id} (${p.columns.length} columns)`);
      const { spec, failures: f } = assembleTable(p);
      for (const msg of f) opts.progress(`warning: ${msg}`);
      failures.push(...f);
      await writeTableOutputs(spec, tableDir, opts.lang);
      tables.push(spec.id);
    }
    lap("estimate and write tables");
    const review = {
      study: "upstream-innovation",
      identification: identified,
      linkage: ctx.linkage,
      samples: {
        upstream_firm_years: panels.upstream.nrows,
        upstream_firm_years_without_us_productivity: noUsLp,
        part_importer_firm_years: panels.parts.nrows,
        exclusion_firm_years: panels.exclusion.nrows,
        city_years: panels.city.nrows,
      },
      split_cutoffs: cutoffs,
      columns_not_estimated: failures,
    };
    const reviewPath = join(opts.outDir, "review", "linkage.json");
    await writeAtomically(reviewPath, (tmp) => writeFile(tmp, `${JSON.stringify(review, null, 2)}\n`));
    return { tables, figures: [], timings };
  } finally {
    await session.close();
  }
}
