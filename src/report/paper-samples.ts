/**
 * The paper's sample sizes beside the run's: the N each regression column of the paper prints
 * (`samples` of `data/papers/<study>.json`) against the `nobs` of the same column in the run's
 * `tables/<table>.json`. Written as `paper-samples.csv` and `.md`, summarised in one line of
 * `paper-comparison.md`.
 */
import { csvField } from "./render-csv.js";
import type { Lang } from "./lang.js";
import { comparisonWord as cw, labelledSentence, samplesLine } from "./paper-comparison-text.js";
import type { PaperSample } from "./paper-coefficients.js";
import type { TableJson } from "./table-json.js";

/** One column's sample: the paper's N and the run's (null if the run has no such column). */
export interface SampleRow {
  readonly paper: PaperSample;
  readonly runN: number | null;
  /** runN / paper N − 1. */
  readonly gap: number | null;
}

/**
 * Pair each printed N with the run's N of the same column.
 * @example const rows = compareSamples(paper.samples ?? [], tableFolder<TableJson>("out/x/tables"));
 */
export function compareSamples(
  samples: readonly PaperSample[],
  table: (id: string) => TableJson | null,
): SampleRow[] {
  return samples.map((s) => {
    const col = table(s.table)?.columns.find((c) => String(c.number) === s.column);
    const runN = col?.result?.nobs ?? null;
    return { paper: s, runN, gap: runN === null ? null : runN / s.n - 1 };
  });
}

/** Largest |runN / paper N − 1| that counts as "about the paper's sample" in the summary. */
export const CLOSE_SAMPLE = 0.1;

/**
 * One line: how many columns have the paper's N exactly and within 10%.
 * @example samplesSummary(rows); // "N equal for 60/62 columns, within 10% for 62/62"
 */
export function samplesSummary(rows: readonly SampleRow[], lang: Lang = "en"): string {
  const have = rows.filter((r) => r.gap !== null);
  return samplesLine(
    {
      equal: have.filter((r) => r.runN === r.paper.n).length,
      close: have.filter((r) => Math.abs(r.gap ?? 0) <= CLOSE_SAMPLE).length,
      total: rows.length,
      missing: rows.length - have.length,
      closeShare: CLOSE_SAMPLE,
    },
    lang,
  );
}

/**
 * The CSV text: `table,column,paper_n,n,gap`, one row per printed column (empty cells where the run has
 * no such column).
 * @example const csv = renderSamplesCsv(rows);
 */
export function renderSamplesCsv(rows: readonly SampleRow[]): string {
  const lines = ["table,column,paper_n,n,gap"];
  for (const r of rows)
    lines.push(
      [r.paper.table, r.paper.column, String(r.paper.n), r.runN === null ? "" : String(r.runN), r.gap ?? ""]
        .map((x) => csvField(String(x)))
        .join(","),
    );
  return `${lines.join("\n")}\n`;
}

/**
 * The Markdown file `paper-samples.md`: the summary, then every printed column with the paper's N and
 * the run's, the columns more than 10% off marked.
 * @example const md = renderSamplesMarkdown(rows, "upstream-innovation");
 */
export function renderSamplesMarkdown(rows: readonly SampleRow[], study: string, lang: Lang = "en"): string {
  const zh = lang === "zh";
  const out = [
    zh ? `# ${cw("samplesTitle", lang)}（${study}）` : `# ${cw("samplesTitle", lang)}: ${study}`,
    "",
    labelledSentence("summary", samplesSummary(rows, lang), lang),
    "",
    cw("samplesRule", lang),
    "",
    cw("samplesHeader", lang),
    "|:--|:-:|--:|--:|--:|",
  ];
  const off = zh ? `（${cw("off", lang)}）` : ` (${cw("off", lang)})`;
  for (const r of rows) {
    const gap = r.gap === null ? "–" : `${(r.gap * 100).toFixed(1)}%`;
    const mark = r.gap === null || Math.abs(r.gap) > CLOSE_SAMPLE ? off : "";
    out.push(`| ${r.paper.table} | ${r.paper.column} | ${r.paper.n} | ${r.runN ?? "–"} | ${gap}${mark} |`);
  }
  return `${out.join("\n")}\n`;
}
