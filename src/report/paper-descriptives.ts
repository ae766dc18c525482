/**
 * The paper's descriptive statistics (Table 1) beside the run's: for each variable the paper describes,
 * its N, mean, s.d., min and max and the run's (read from `OUT/<study>/tables/<table>.json`), and the
 * gap of the means on the paper's scale — its s.d., or, where it prints none, a quarter of its range
 * (max − min, about its s.d. for a variable spread over ± 2 s.d.). A user sees whether the data (a
 * synthetic twin, or their own licensed data) look like the paper's before reading any coefficient.
 */
import type { DescriptiveJson } from "./descriptive-json.js";
import type { PaperDescriptive } from "./paper-coefficients.js";
import type { Lang } from "./lang.js";
import { descriptivesLine } from "./paper-comparison-text.js";

/** The run's statistics of one variable (null where the run's table has no such statistic or variable). */
export interface RunDescriptive {
  readonly n: number | null;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** One variable of the paper's Table 1 beside the run's. */
export interface DescriptiveRow {
  readonly paper: PaperDescriptive;
  /** Null when the run's table lacks the variable. */
  readonly run: RunDescriptive | null;
  /** The run's label of the variable's panel (in the run's language), null without one. */
  readonly panelLabel: string | null;
  /** (run mean − paper mean) / the paper's scale (its s.d., else a quarter of its range). */
  readonly meanGap: number | null;
}

/** Means within this many of the paper's scale units count as close. */
export const CLOSE_MEAN_GAP = 0.5;

/**
 * The scale of a paper's variable: its s.d., or a quarter of its range where it prints no s.d.
 * @example paperScale({ ...d, sd: null, min: -5, max: 5 }); // 2.5
 */
export function paperScale(d: PaperDescriptive): number {
  return d.sd ?? (d.max - d.min) / 4;
}

/** The label of panel `panel` (0-based, panels in order of appearance) of a table, null if none. */
function panelLabel(table: DescriptiveJson, panel: number | null): string | null {
  if (panel === null) return null;
  return [...new Set(table.rows.map((r) => r.panel))].filter((p) => p !== null)[panel] ?? null;
}

/**
 * The run's statistics of `variable` in panel `panel` of a table, whose label is `label` (null panel: a
 * table without panels).
 */
function runStats(
  table: DescriptiveJson,
  panel: number | null,
  label: string | null,
  variable: string,
): RunDescriptive | null {
  if (panel !== null && label === null) return null;
  const row = table.rows.find((r) => r.variable === variable && r.panel === label);
  if (!row) return null;
  const v = (k: string) => {
    const x = row.values[k];
    return typeof x === "number" && Number.isFinite(x) ? x : null;
  };
  return { n: v("n"), mean: v("mean"), sd: v("sd"), min: v("min"), max: v("max") };
}

/**
 * Compare each variable of the paper's Table 1 with the run's table (`tables` reads the run's tables by id).
 * @example const rows = compareDescriptives(paper.descriptives ?? [], tableFolder<DescriptiveJson>("out/a/tables"));
 */
export function compareDescriptives(
  printed: readonly PaperDescriptive[],
  tables: (id: string) => DescriptiveJson | null,
): DescriptiveRow[] {
  return printed.map((d) => {
    const t = tables(d.table);
    const ok = t !== null && Array.isArray(t.rows);
    const label = ok ? panelLabel(t, d.panel) : null;
    const run = ok ? runStats(t, d.panel, label, d.variable) : null;
    const scale = paperScale(d);
    const meanGap = run?.mean != null && scale > 0 ? (run.mean - d.mean) / scale : null;
    return { paper: d, run, panelLabel: label, meanGap };
  });
}

/**
 * One line of text: how many of the paper's variables the run has, and how many means are close.
 * @example descriptivesSummary(rows); // "means close for 13/14 (|gap| ≤ 0.5 of the paper's scale); N equal for 14/14"
 */
export function descriptivesSummary(rows: readonly DescriptiveRow[], lang: Lang = "en"): string {
  return descriptivesLine(
    {
      close: rows.filter((r) => r.meanGap !== null && Math.abs(r.meanGap) <= CLOSE_MEAN_GAP).length,
      sameN: rows.filter((r) => r.run?.n === r.paper.n).length,
      total: rows.length,
      missing: rows.length - rows.filter((r) => r.run !== null).length,
      closeGap: CLOSE_MEAN_GAP,
    },
    lang,
  );
}
