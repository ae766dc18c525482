/**
 * Read back what a run wrote under its output root, for the reports: every table's layout (from
 * `<id>.json`), every figure's SVG, the paper comparison and the review summaries when present.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest } from "../../studies/manifest.js";
import type { TextTable } from "../text-table.js";
import { csvRows } from "./read-csv-text.js";
import { svgTitle } from "./svg-title.js";
import type { CsvDocument, PaperComparison, ReportStudy, ReviewSummary, RunReport } from "./types.js";

/** Folders of a study whose JSON files are review summaries and whose CSV files are linked. */
const REVIEW_DIRS = ["review", "diagnostics"] as const;

/**
 * Gather a run's outputs under `outDir` as listed in `manifest` (read-only).
 * @example const report = await collectRunReport("out", manifest);
 */
export async function collectRunReport(outDir: string, manifest: RunReport["manifest"]): Promise<RunReport> {
  const studies: ReportStudy[] = [];
  for (const s of manifest.studies) studies.push(await collectStudy(outDir, s));
  return { lang: manifest.lang === "zh" ? "zh" : "en", manifest, studies };
}

async function collectStudy(outDir: string, s: Manifest["studies"][number]): Promise<ReportStudy> {
  const tables = [];
  for (const id of s.tables) {
    const rel = `${s.study}/tables/${id}`;
    const path = join(outDir, `${rel}.json`);
    const json = JSON.parse(await readFile(path, "utf8")) as { title?: string; layout?: TextTable };
    if (!json.layout)
      throw new Error(
        `${path}: no "layout" (written by an older robometrics?); rerun to regenerate the tables`,
      );
    tables.push({
      id,
      title: json.layout.title,
      layout: json.layout,
      files: ["md", "tex", "csv", "json"].map((e) => `${rel}.${e}`),
    });
  }
  const figures = [];
  for (const id of s.figures) {
    const rel = `${s.study}/figures/${id}`;
    const svg = await readFile(join(outDir, `${rel}.svg`), "utf8");
    figures.push({ id, title: svgTitle(svg, id), svg, files: [`${rel}.svg`, `${rel}.csv`] });
  }
  const { reviews, csvs } = await collectReviews(outDir, s.study);
  return {
    id: s.study,
    tables,
    figures,
    comparison: await collectComparison(outDir, s.study),
    reviews,
    reviewCsvs: csvs,
  };
}

async function collectComparison(outDir: string, study: string): Promise<PaperComparison | null> {
  const md = join(outDir, study, "paper-comparison.md");
  const csv = join(outDir, study, "paper-comparison.csv");
  const desc = join(outDir, study, "paper-descriptives.md");
  const samples = join(outDir, study, "paper-samples.md");
  if (!existsSync(md) && !existsSync(csv)) return null;
  return {
    markdown: existsSync(md) ? await readFile(md, "utf8") : null,
    csv: existsSync(csv) ? await readCsvDocument(outDir, `${study}/paper-comparison.csv`) : null,
    descriptives: existsSync(desc) ? await readFile(desc, "utf8") : null,
    samples: existsSync(samples) ? await readFile(samples, "utf8") : null,
  };
}

async function collectReviews(
  outDir: string,
  study: string,
): Promise<{ reviews: ReviewSummary[]; csvs: string[] }> {
  const reviews: ReviewSummary[] = [];
  const csvs: string[] = [];
  for (const dir of REVIEW_DIRS) {
    const abs = join(outDir, study, dir);
    if (!existsSync(abs)) continue;
    const names = (await readdir(abs)).sort();
    for (const name of names) {
      const rel = `${study}/${dir}/${name}`;
      if (name.endsWith(".json"))
        reviews.push({ path: rel, data: JSON.parse(await readFile(join(outDir, rel), "utf8")) });
      else if (name.endsWith(".csv")) csvs.push(rel);
    }
  }
  return { reviews, csvs };
}

async function readCsvDocument(outDir: string, rel: string): Promise<CsvDocument> {
  const path = join(outDir, rel);
  return { path: rel, rows: csvRows(await readFile(path, "utf8"), path) };
}
