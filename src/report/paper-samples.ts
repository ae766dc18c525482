/**
 * The paper's sample sizes beside the run's: the N each regression column of the paper prints
 * (`samples` of `data/papers/<study>.json`) against the `nobs` of the same column in the run's
 * `tables/<table>.json`. Written as `paper-samples.csv` and summarised in `paper-comparison.md`.
 */
import { csvField } from "./render-csv.js";
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
export function samplesSummary(rows: readonly SampleRow[]): string {
  const have = rows.filter((r) => r.gap !== null);
  const equal = have.filter((r) => r.runN === r.paper.n).length;
  const close = have.filter((r) => Math.abs(r.gap ?? 0) <= CLOSE_SAMPLE).length;
  const missing = rows.length - have.length;
  return (
    `N equal for ${equal}/${rows.length} columns, within ${CLOSE_SAMPLE * 100}% for ${close}/${rows.length}` +
    (missing > 0 ? ` (${missing} not in the run)` : "")
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
 * Markdown lines: the columns whose N differs from the paper's by more than 10%, with their Ns.
 * @example renderSamplesMarkdown(rows).join("\n");
 */
export function renderSamplesMarkdown(rows: readonly SampleRow[]): string[] {
  const off = rows.filter((r) => r.gap === null || Math.abs(r.gap) > CLOSE_SAMPLE);
  const out = ["## Samples", "", `${samplesSummary(rows)}; every column in \`paper-samples.csv\`.`, ""];
  if (off.length === 0) return out;
  out.push(
    "Columns more than 10% off the paper's N:",
    "",
    "| table | column | paper N | run N | gap |",
    "|:--|:-:|--:|--:|--:|",
  );
  for (const r of off)
    out.push(
      `| ${r.paper.table} | ${r.paper.column} | ${r.paper.n} | ${r.runN ?? "–"} | ${r.gap === null ? "–" : `${(r.gap * 100).toFixed(0)}%`} |`,
    );
  out.push("");
  return out;
}
