/** Render a paper comparison as CSV (machine-readable, one row per printed coefficient) and Markdown. */
import { csvField } from "./render-csv.js";
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
 * comparison in `paper-samples.md`), one summary line per table, then every printed coefficient.
 * @example const md = renderPaperComparisonMarkdown(paper, rows);
 */
export function renderPaperComparisonMarkdown(
  paper: PaperCoefficients,
  rows: readonly ComparisonRow[],
  descriptives: readonly DescriptiveRow[] = [],
  samples: readonly SampleRow[] = [],
): string {
  const tables = [...new Set(rows.map((r) => r.paper.table))];
  const out = [
    `# Paper beside reproduction: ${paper.study}`,
    "",
    `Paper: ${paper.paper}`,
    "",
    `Printed coefficients from: ${paper.source}`,
    "",
    `**Overall:** ${summaryLine(summarizeComparison(rows))}.`,
    "",
    "Sign agreement counts the paper's significant coefficients (at least one star); 'within 2 SE' means",
    "|reproduction − paper| ≤ 2·sqrt(se² + paper se²).",
    "",
    ...(descriptives.length > 0
      ? [
          `**Table 1:** ${descriptivesSummary(descriptives)}; paper beside run in \`paper-descriptives.md\`.`,
          "",
        ]
      : []),
    ...(samples.length > 0
      ? [`**Samples:** ${samplesSummary(samples)}; paper beside run in \`paper-samples.md\`.`, ""]
      : []),
    "## By table",
    "",
    ...tables.map(
      (t) => `- **${t}**: ${summaryLine(summarizeComparison(rows.filter((r) => r.paper.table === t)))}.`,
    ),
    "",
    "## Coefficients",
    "",
    "| table | column | term | paper | paper SE | run | run SE | diff (SE) | sign | stars |",
    "|:--|:-:|:--|--:|--:|--:|--:|--:|:-:|:-:|",
  ];
  for (const r of rows) {
    const p = r.paper;
    const mark = (b: boolean | null) => (b === null ? "–" : b ? "yes" : "no");
    out.push(
      `| ${p.table} | ${p.column} | ${p.term} | ${show(p.coef)}${starText(p.stars)} | ${show(p.se)} | ` +
        `${show(r.coef)}${starText(r.stars)} | ${show(r.se)} | ${r.diffSe === null ? "–" : r.diffSe.toFixed(2)} | ` +
        `${mark(r.signAgree)} | ${mark(r.starAgree)} |`,
    );
  }
  return `${out.join("\n")}\n`;
}
