/** Descriptive statistics of a numeric column, as the papers' Table 1 reports them. */

/**
 * N, mean (with a compensating second pass), s.d. (n − 1), min and max of the non-missing values;
 * null where undefined (no values; s.d. with fewer than two).
 * @example summarizeColumn(Float64Array.of(1, NaN, 3)); // { n: 2, mean: 2, sd: 1.414…, min: 1, max: 3 }
 */
export function summarizeColumn(x: Float64Array): {
  n: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
} {
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return { n: 0, mean: null, sd: null, min: null, max: null };
  let mean = sum / n;
  let corr = 0;
  for (const v of x) if (!Number.isNaN(v)) corr += v - mean;
  mean += corr / n;
  let ss = 0;
  for (const v of x) if (!Number.isNaN(v)) ss += (v - mean) ** 2;
  return { n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : null, min, max };
}
