/**
 * Paper beside reproduction: every coefficient a study's paper prints (`data/papers/<study>.json`) next
 * to the run's estimate of the same `<table>.<column>.<term>` (read from `OUT/<study>/tables/<table>.json`),
 * with the difference in combined standard errors and sign and star agreement. Written as
 * `OUT/<study>/paper-comparison.csv` (one row per printed coefficient) and `.md` (one summary line per
 * table and an overall line, then the rows). Where the papers file gives the paper's Table 1, it is
 * compared too: `paper-descriptives.csv` and `.md` (paper-descriptives.ts), summarised in one line of
 * `paper-comparison.md`; where it gives the paper's N of each column, `paper-samples.csv`
 * and `.md` (paper-samples.ts), summarised in one line of `paper-comparison.md`.
 */
import { join } from "node:path";
import type { TableJson } from "./table-json.js";
import type { Lang } from "./lang.js";
import { writeFileAtomic } from "./atomic-write.js";
import {
  type PaperCoefficient,
  type PaperCoefficients,
  loadPaperCoefficients,
} from "./paper-coefficients.js";
import { renderPaperComparisonCsv, renderPaperComparisonMarkdown } from "./paper-comparison-render.js";
import { starCount } from "./paper-comparison-summary.js";
import type { DescriptiveJson } from "./descriptive-json.js";
import { compareDescriptives } from "./paper-descriptives.js";
import { renderDescriptivesCsv, renderDescriptivesMarkdown } from "./paper-descriptives-render.js";
import { compareSamples, renderSamplesCsv, renderSamplesMarkdown } from "./paper-samples.js";
import { tableFolder } from "./table-folder.js";

/** The run's estimate of one printed coefficient (null fields if the run has no such coefficient). */
export interface ComparisonRow {
  readonly paper: PaperCoefficient;
  readonly coef: number | null;
  readonly se: number | null;
  readonly stars: number | null;
  /** (coef − paper coef) / sqrt(se² + paper se²); a missing paper SE counts as 0. */
  readonly diffSe: number | null;
  readonly signAgree: boolean | null;
  readonly starAgree: boolean | null;
}

/** A run's estimate of one coefficient. */
export interface RunCoefficient {
  readonly estimate: number;
  readonly se: number;
  readonly p: number;
}

/** Finds the run's coefficient of a `<table>.<column>.<term>`, or null. */
export type CoefficientSource = (table: string, column: string, term: string) => RunCoefficient | null;

/**
 * Compare each printed coefficient with the run's.
 * @example const rows = comparePaper(paper, tableFolderSource("out/upstream-innovation/tables"));
 */
export function comparePaper(paper: PaperCoefficients, source: CoefficientSource): ComparisonRow[] {
  return paper.coefficients.map((p) => {
    const r = source(p.table, p.column, p.term);
    if (!r || !Number.isFinite(r.estimate))
      return { paper: p, coef: null, se: null, stars: null, diffSe: null, signAgree: null, starAgree: null };
    const se = Number.isFinite(r.se) ? r.se : null;
    const denom = se === null ? Number.NaN : Math.sqrt(se * se + (p.se ?? 0) ** 2);
    const stars = starCount(r.p);
    return {
      paper: p,
      coef: r.estimate,
      se,
      stars,
      diffSe: denom > 0 ? (r.estimate - p.coef) / denom : null,
      signAgree: Math.sign(r.estimate) === Math.sign(p.coef),
      starAgree: stars === p.stars,
    };
  });
}

/**
 * A coefficient source reading the run's regression tables `<dir>/<table>.json`: the cell of column
 * number `column` whose term (or row term) is `term`. Tables are read once each.
 * @example const source = tableFolderSource("out/upstream-innovation/tables");
 */
export function tableFolderSource(dir: string): CoefficientSource {
  return tableSource(tableFolder<TableJson>(dir));
}

/**
 * A coefficient source over a reader of the run's tables by id (shared with other comparisons, so
 * each table file is read once).
 * @example const source = tableSource(tableFolder<TableJson>("out/upstream-innovation/tables"));
 */
export function tableSource(table: (id: string) => TableJson | null): CoefficientSource {
  return (tableId, column, term) => {
    const t = table(tableId);
    const j = t?.columns.findIndex((c) => String(c.number) === column) ?? -1;
    if (!t || !Array.isArray(t.rows) || j < 0) return null;
    const cells = t.rows.map((r) => ({ row: r.term, cell: r.cells[j] }));
    const hit =
      cells.find((c) => c.cell?.term === term) ?? cells.find((c) => c.cell !== null && c.row === term);
    return hit?.cell ? { estimate: hit.cell.estimate, se: hit.cell.se, p: hit.cell.p } : null;
  };
}

/**
 * Write `paper-comparison.csv` and `.md` (and `paper-descriptives.csv` and `.md` where the papers file
 * has the paper's Table 1, `paper-samples.csv` and `.md` where it has the columns' N) into a study's
 * output folder if the study has a papers file; returns the coefficient rows compared (null when the
 * study has none). The Markdown files are in `lang` (English by default); the CSV files' headers are
 * English in every language.
 * @example await writePaperComparison("out/upstream-innovation", "upstream-innovation");
 */
export async function writePaperComparison(
  studyDir: string,
  study: string,
  paper: PaperCoefficients | null = loadPaperCoefficients(study),
  lang: Lang = "en",
): Promise<ComparisonRow[] | null> {
  if (!paper) return null;
  const tables = join(studyDir, "tables");
  // One reader for the regression tables: the coefficients and the samples read the same files.
  const regression = tableFolder<TableJson>(tables);
  const rows = comparePaper(paper, tableSource(regression));
  const descriptives = compareDescriptives(paper.descriptives ?? [], tableFolder<DescriptiveJson>(tables));
  await writeFileAtomic(join(studyDir, "paper-comparison.csv"), renderPaperComparisonCsv(rows));
  if (descriptives.length > 0) {
    await writeFileAtomic(join(studyDir, "paper-descriptives.csv"), renderDescriptivesCsv(descriptives));
    await writeFileAtomic(
      join(studyDir, "paper-descriptives.md"),
      renderDescriptivesMarkdown(descriptives, paper.study, lang),
    );
  }
  const samples = compareSamples(paper.samples ?? [], regression);
  if (samples.length > 0) {
    await writeFileAtomic(join(studyDir, "paper-samples.csv"), renderSamplesCsv(samples));
    await writeFileAtomic(
      join(studyDir, "paper-samples.md"),
      renderSamplesMarkdown(samples, paper.study, lang),
    );
  }
  await writeFileAtomic(
    join(studyDir, "paper-comparison.md"),
    renderPaperComparisonMarkdown(paper, rows, descriptives, samples, lang),
  );
  return rows;
}
