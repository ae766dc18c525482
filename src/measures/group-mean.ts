/**
 * Group means of a column over its non-missing values, refined by a second pass so that a group
 * of equal values has exactly that value as its mean.
 */

/**
 * Mean of the non-missing x in each group (group −1 rows skipped), with the correction
 * m ← m + Σ(x − m)/n; NaN for groups without data. Also returns the counts.
 * @example groupMeans(Float64Array.of(1, 3, 5), Int32Array.of(0, 0, 1), 2).mean; // [2, 5]
 */
export function groupMeans(
  x: Float64Array,
  group: Int32Array,
  count: number,
): { mean: Float64Array; n: Float64Array } {
  const n = new Float64Array(count);
  const mean = new Float64Array(count);
  for (let i = 0; i < x.length; i++) {
    const g = group[i];
    if (g < 0 || Number.isNaN(x[i])) continue;
    n[g]++;
    mean[g] += x[i];
  }
  for (let g = 0; g < count; g++) mean[g] = n[g] > 0 ? mean[g] / n[g] : Number.NaN;
  const corr = new Float64Array(count);
  for (let i = 0; i < x.length; i++) {
    const g = group[i];
    if (g < 0 || Number.isNaN(x[i])) continue;
    corr[g] += x[i] - mean[g];
  }
  for (let g = 0; g < count; g++) if (n[g] > 0) mean[g] += corr[g] / n[g];
  return { mean, n };
}
