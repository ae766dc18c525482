/** Summaries of a paper comparison: sign agreement among the paper's significant coefficients, share within 2 SE. */
import type { Lang } from "./lang.js";
import type { ComparisonRow } from "./paper-comparison.js";
import { coefficientLine } from "./paper-comparison-text.js";

/** Agreement counts over a set of printed coefficients. */
export interface ComparisonSummary {
  /** Printed coefficients. */
  readonly printed: number;
  /** Of them, found in the run. */
  readonly found: number;
  /** Printed as significant (at least one star). */
  readonly significant: number;
  /** Significant ones whose sign the run reproduces. */
  readonly signAgree: number;
  /** Printed coefficients within two combined SEs (|diff_se| ≤ 2); a missing one counts as outside. */
  readonly within2Se: number;
  /** Printed coefficients with the same number of stars. */
  readonly starAgree: number;
}

/**
 * Stars of a p-value as a count (3: p < 0.01, 2: < 0.05, 1: < 0.1, else 0), the papers' convention.
 * @example starCount(0.03); // 2
 */
export function starCount(p: number): 0 | 1 | 2 | 3 {
  if (!Number.isFinite(p)) return 0;
  return p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.1 ? 1 : 0;
}

/**
 * Count agreement over comparison rows.
 * @example const s = summarizeComparison(rows); s.within2Se / s.printed;
 */
export function summarizeComparison(rows: readonly ComparisonRow[]): ComparisonSummary {
  const sig = rows.filter((r) => r.paper.stars > 0);
  return {
    printed: rows.length,
    found: rows.filter((r) => r.coef !== null).length,
    significant: sig.length,
    signAgree: sig.filter((r) => r.signAgree === true).length,
    within2Se: rows.filter((r) => r.diffSe !== null && Math.abs(r.diffSe) <= 2).length,
    starAgree: rows.filter((r) => r.starAgree === true).length,
  };
}

/**
 * One line of text for a summary, in English (default) or Chinese.
 * @example summaryLine(s); // "sign agrees for 10/12 significant (83%); 9/14 within 2 SE (64%); stars agree for 7/14"
 */
export function summaryLine(s: ComparisonSummary, lang: Lang = "en"): string {
  return coefficientLine({ ...s, missing: s.printed - s.found }, lang);
}
