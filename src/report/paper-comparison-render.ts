/** Render a paper comparison as CSV (machine-readable, one row per printed coefficient) and Markdown. */
import { csvField } from "./render-csv.js";
import type { Lang } from "./lang.js";
import {
  type ComparisonWord,
  comparisonWord as cw,
  labelledSentence,
  punctuation,
} from "./paper-comparison-text.js";
import type { PaperCoefficients } from "./paper-coefficients.js";
import type { ComparisonRow } from "./paper-comparison.js";
import { summarizeComparison, summaryLine } from "./paper-comparison-summary.js";
import { type DescriptiveRow, descriptivesSummary } from "./paper-descriptives.js";
import { type SampleRow, samplesSummary } from "./paper-samples.js";

const CSV_COLUMNS = [
  "table",
  "column",
  "term",
  "paper_coef",
  "paper_se",
  "paper_stars",
  "coef",
  "se",
  "stars",
  "diff_se",
  "sign_agree",
  "star_agree",
] as const;

const num = (x: number | null): string => (x === null ? "" : String(x));
const bool = (x: boolean | null): string => (x === null ? "" : x ? "1" : "0");

/**
 * The CSV text: header `table,column,term,paper_coef,…,star_agree`, full-precision numbers, empty cells
 * for what is missing, agreement as 1/0.
 * @example const csv = renderPaperComparisonCsv(rows);
 */
export function renderPaperComparisonCsv(rows: readonly ComparisonRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    const p = r.paper;
    lines.push(
      [
        p.table,
        p.column,
        p.term,
        num(p.coef),
        num(p.se),
        String(p.stars),
        num(r.coef),
        num(r.se),
        num(r.stars),
        num(r.diffSe),
        bool(r.signAgree),
        bool(r.starAgree),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

const show = (x: number | null, digits = 4): string =>
  x === null ? "–" : Math.abs(x) !== 0 && Math.abs(x) < 1e-3 ? x.toExponential(2) : x.toFixed(digits);
const starText = (k: number | null): string => (k === null ? "" : "*".repeat(k));

/**
 * The Markdown report: overall summary (and, where the paper's Table 1 is compared, one line on it:
 * the comparison itself is `paper-descriptives.md`; where its columns' N are, one line on them, the
 * comparison in `paper-samples.md`), one summary line per table, then every printed coefficient; in
 * English (default) or Chinese.
 * @example const md = renderPaperComparisonMarkdown(paper, rows);
 */
export function renderPaperComparisonMarkdown(
  paper: PaperCoefficients,
  rows: readonly ComparisonRow[],
  descriptives: readonly DescriptiveRow[] = [],
  samples: readonly SampleRow[] = [],
  lang: Lang = "en",
): string {
  const tables = [...new Set(rows.map((r) => r.paper.table))];
  const zh = lang === "zh";
  const { colon, stop, semi } = punctuation(lang);
  // One labelled line pointing to a side document (Table 1, samples), with a blank line after it.
  const pointer = (label: ComparisonWord, summary: string, file: string) => [
    labelledSentence(
      label,
      `${summary}${semi}${zh ? `原文与复现对照见 \`${file}\`` : `paper beside run in \`${file}\``}`,
      lang,
    ),
    "",
  ];
  const out = [
    `# ${cw("comparisonTitle", lang)}${colon}${paper.study}`,
    "",
    `${cw("paperLabel", lang)}${colon}${paper.paper}`,
    "",
    `${cw("sourceLabel", lang)}${colon}${paper.source}`,
    "",
    labelledSentence("overall", summaryLine(summarizeComparison(rows), lang), lang),
    "",
    cw("withinRule", lang),
    "",
    ...(descriptives.length > 0
      ? pointer("table1", descriptivesSummary(descriptives, lang), "paper-descriptives.md")
      : []),
    ...(samples.length > 0 ? pointer("samples", samplesSummary(samples, lang), "paper-samples.md") : []),
    `## ${cw("byTable", lang)}`,
    "",
    ...tables.map(
      (t) =>
        `- **${t}**${colon}${summaryLine(summarizeComparison(rows.filter((r) => r.paper.table === t)), lang)}${stop}`,
    ),
    "",
    `## ${cw("coefficients", lang)}`,
    "",
    cw("coefficientHeader", lang),
    "|:--|:-:|:--|--:|--:|--:|--:|--:|:-:|:-:|",
  ];
  for (const r of rows) {
    const p = r.paper;
    const mark = (b: boolean | null) => (b === null ? "–" : cw(b ? "yes" : "no", lang));
    out.push(
      `| ${p.table} | ${p.column} | ${p.term} | ${show(p.coef)}${starText(p.stars)} | ${show(p.se)} | ` +
        `${show(r.coef)}${starText(r.stars)} | ${show(r.se)} | ${r.diffSe === null ? "–" : r.diffSe.toFixed(2)} | ` +
        `${mark(r.signAgree)} | ${mark(r.starAgree)} |`,
    );
  }
  return `${out.join("\n")}\n`;
}
