/**
 * The last guard before a result leaves the engine: a coefficient or standard error that is NaN or
 * infinite is an error naming the term, and a standard error of exactly 0 (so that t and p are
 * undefined and printed as null) gets a note saying why. No null reaches a table silently.
 */
import type { CoefficientRow } from "../result.js";

/**
 * Throw on a non-finite estimate or SE; return the notes for zero standard errors.
 * @example const notes = checkFiniteResult(rows, 12.5);
 */
export function checkFiniteResult(rows: readonly CoefficientRow[], rss: number): string[] {
  if (!Number.isFinite(rss)) {
    throw new Error(
      `the residual sum of squares is ${rss}: the data overflow double precision (values or their squares beyond about 1e308); rescale the outcome and regressors`,
    );
  }
  for (const r of rows) {
    if (!Number.isFinite(r.estimate) || !Number.isFinite(r.se)) {
      throw new Error(
        `the ${Number.isFinite(r.estimate) ? "standard error" : "estimate"} of ${r.term} is ${Number.isFinite(r.estimate) ? r.se : r.estimate}: the computation lost all precision (extreme magnitudes or a near-singular design); rescale the variables or drop ${r.term}`,
      );
    }
  }
  const zero = rows.filter((r) => r.se === 0).map((r) => r.term);
  if (!zero.length) return [];
  if (rss > 0) {
    throw new Error(
      `the standard error of ${zero.join(", ")} is 0 although the residuals are not: its variance underflowed double precision (extreme magnitudes); rescale the outcome or ${zero.join(", ")}`,
    );
  }
  return [
    `${zero.join(", ")}: standard error 0 because the model fits the outcome exactly (residual sum of squares 0); t statistics and p-values are undefined and shown as null`,
  ];
}
