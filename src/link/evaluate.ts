/**
 * Precision and recall of a linkage against truth, overall and by kind of variant.
 */

/** Counts and rates for one group of records. */
export interface LinkAccuracy {
  readonly records: number;
  /** Records with a true firm. */
  readonly truePairs: number;
  /** Records linked to some firm. */
  readonly linked: number;
  /** Records linked to their true firm. */
  readonly correct: number;
  /** correct / linked (1 when nothing was linked). */
  readonly precision: number;
  /** correct / truePairs (1 when there is no true pair). */
  readonly recall: number;
}

/** One record's truth and prediction; empty firm = no match. */
export interface LinkOutcome {
  readonly kind: string;
  readonly truth: string;
  readonly predicted: string;
}

function accuracy(rows: readonly LinkOutcome[]): LinkAccuracy {
  let truePairs = 0;
  let linked = 0;
  let correct = 0;
  for (const r of rows) {
    if (r.truth) truePairs++;
    if (r.predicted) linked++;
    if (r.predicted && r.predicted === r.truth) correct++;
  }
  return {
    records: rows.length,
    truePairs,
    linked,
    correct,
    precision: linked ? correct / linked : 1,
    recall: truePairs ? correct / truePairs : 1,
  };
}

/**
 * Accuracy overall and by kind (kinds sorted).
 * @example evaluateLinks([{ kind: "exact", truth: "F1", predicted: "F1" }]).overall.recall // => 1
 */
export function evaluateLinks(rows: readonly LinkOutcome[]): {
  overall: LinkAccuracy;
  byKind: Readonly<Record<string, LinkAccuracy>>;
} {
  const groups = new Map<string, LinkOutcome[]>();
  for (const r of rows) {
    const g = groups.get(r.kind) ?? [];
    g.push(r);
    groups.set(r.kind, g);
  }
  const byKind: Record<string, LinkAccuracy> = {};
  for (const k of [...groups.keys()].sort()) byKind[k] = accuracy(groups.get(k) as LinkOutcome[]);
  return { overall: accuracy(rows), byKind };
}
