/** Render the paper's Table 1 beside the run's as CSV (one row per printed variable) and Markdown. */
import { csvField } from "./render-csv.js";
import type { Lang } from "./lang.js";
import { comparisonWord as cw, labelledSentence } from "./paper-comparison-text.js";
import { type DescriptiveRow, descriptivesSummary } from "./paper-descriptives.js";

const CSV_COLUMNS = [
  "table",
  "panel",
  "variable",
  "paper_name",
  "paper_n",
  "n",
  "paper_mean",
  "mean",
  "paper_sd",
  "sd",
  "paper_min",
  "min",
  "paper_max",
  "max",
  "mean_gap",
] as const;

const num = (x: number | null | undefined): string => (x === null || x === undefined ? "" : String(x));

/**
 * The CSV text: header `table,panel,variable,paper_name,paper_n,n,…,mean_gap`, full precision, empty
 * cells for what is missing (a panel-less table has an empty panel).
 * @example const csv = renderDescriptivesCsv(rows);
 */
export function renderDescriptivesCsv(rows: readonly DescriptiveRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const { paper: p, run: r, meanGap } of rows)
    lines.push(
      [
        p.table,
        num(p.panel),
        p.variable,
        p.name,
        num(p.n),
        num(r?.n),
        num(p.mean),
        num(r?.mean),
        num(p.sd),
        num(r?.sd),
        num(p.min),
        num(r?.min),
        num(p.max),
        num(r?.max),
        num(meanGap),
      ]
        .map(csvField)
        .join(","),
    );
  return `${lines.join("\n")}\n`;
}

const show = (x: number | null | undefined): string => {
  if (x === null || x === undefined) return "–";
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return x.toExponential(2);
  return Number.isInteger(x) ? String(x) : x.toFixed(a >= 100 ? 1 : a >= 10 ? 2 : 4);
};
const pair = (paper: number | null, run: number | null | undefined) => `${show(paper)} / ${show(run)}`;

/**
 * The Markdown document `paper-descriptives.md`: a summary line, then one row per printed variable with
 * paper / run for each statistic and the gap of the means (a panel column where the table has panels,
 * an s.d. column where either side has one).
 * @example const md = renderDescriptivesMarkdown(rows, "tfp-divergence");
 */
export function renderDescriptivesMarkdown(
  rows: readonly DescriptiveRow[],
  study: string,
  lang: Lang = "en",
): string {
  const tables = [...new Set(rows.map((r) => r.paper.table))].join(", ");
  const multi = rows.some((r) => r.paper.panel !== null);
  const withSd = rows.some((r) => r.paper.sd !== null || (r.run?.sd ?? null) !== null);
  const panelText = (r: DescriptiveRow) =>
    r.panelLabel ?? (r.paper.panel === null ? "–" : `#${r.paper.panel}`);
  const zh = lang === "zh";
  const head = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const lines = [
    zh
      ? `# ${cw("descriptivesTitle", lang)}（${tables}；${study}）`
      : `# ${cw("descriptivesTitle", lang)} (${tables}): ${study}`,
    "",
    labelledSentence("summary", descriptivesSummary(rows, lang), lang),
    "",
    cw("descriptivesRule", lang),
    "",
    head([
      ...(multi ? [cw("panel", lang)] : []),
      cw("variable", lang),
      "N",
      cw("mean", lang),
      ...(withSd ? [cw("sd", lang)] : []),
      cw("min", lang),
      cw("max", lang),
      cw("gap", lang),
    ]),
    `|${multi ? ":--|" : ""}:--|--:|--:|${withSd ? "--:|" : ""}--:|--:|--:|`,
    ...rows.map((row) => {
      const { paper: p, run: r, meanGap } = row;
      const cells = [
        ...(multi ? [panelText(row)] : []),
        `${p.name} (${p.variable})`,
        pair(p.n, r?.n),
        pair(p.mean, r?.mean),
        ...(withSd ? [pair(p.sd, r?.sd)] : []),
        pair(p.min, r?.min),
        pair(p.max, r?.max),
        meanGap === null ? "–" : meanGap.toFixed(2),
      ];
      return `| ${cells.join(" | ")} |`;
    }),
  ];
  return `${lines.join("\n")}\n`;
}
