/**
 * Study B's structural-similarity matching: for each economy, the other economy whose TL (or TS)
 * series is most correlated with its own over the sample years.
 */
import { groupRows, type KeyColumn, keyText, pickKeyRows } from "./keys.js";
import { keyArg, keyLen, numberArg, numericArg, optionsArg, sameLength } from "./validate.js";

/** Options of {@link similarityMatch}. */
export interface SimilarityMatchOptions {
  /** Fewest common periods (both series non-missing) for a pair to be considered; default 3. */
  readonly minCommon?: number;
}

/** The best match of every unit. */
export interface SimilarityMatch {
  /** Every unit with at least one row, sorted by key (same kind of key column as the input). */
  readonly unit: KeyColumn;
  /** Its match (missing key when no other unit qualifies). */
  readonly match: KeyColumn;
  /** Pearson correlation with the match over their common periods (NaN when no match). */
  readonly correlation: Float64Array;
  /** Number of common periods behind that correlation (0 when no match). */
  readonly common: Int32Array;
}

/**
 * For each unit, the other unit whose `series` has the highest Pearson correlation with its own,
 * computed over the periods where both are non-missing (means and sums over those periods only).
 * Pairs with fewer than `minCommon` common periods, or with a constant series over them (correlation
 * undefined), are not candidates. The highest signed correlation wins; exact ties go to the unit
 * with the smallest key (numbers ascending, text by code units). Duplicate (unit, time) rows are an
 * error; rows with a missing unit or time are ignored.
 * @example similarityMatch(tl, economy, year).match;
 */
export function similarityMatch(
  series: Float64Array,
  unit: KeyColumn,
  time: KeyColumn,
  opts?: SimilarityMatchOptions,
): SimilarityMatch {
  const fn = "similarityMatch";
  numericArg(fn, "series", series);
  keyArg(fn, "unit", unit);
  keyArg(fn, "time", time);
  const o = optionsArg(fn, opts);
  const minCommon =
    o.minCommon === undefined ? 3 : numberArg(fn, "minCommon", o.minCommon, { min: 2, integer: true });
  const n = sameLength(fn, [["series", series.length], keyLen("unit", unit), keyLen("time", time)]);
  const units = groupRows([unit], n);
  const times = groupRows([time], n);
  const U = units.count;
  const T = times.count;
  const grid = new Float64Array(U * T).fill(Number.NaN);
  const filled = new Int32Array(U * T).fill(-1);
  for (let i = 0; i < n; i++) {
    const u = units.group[i];
    const t = times.group[i];
    if (u < 0 || t < 0) continue;
    const cell = u * T + t;
    if (filled[cell] >= 0) {
      throw new Error(
        `${fn}: unit ${keyText(unit, i)} has two rows for time ${keyText(time, i)} (indices ${filled[cell]} and ${i}); ` +
          `give one value per unit and period`,
      );
    }
    filled[cell] = i;
    grid[cell] = series[i];
  }
  const matchRow = new Int32Array(U).fill(-1);
  const correlation = new Float64Array(U).fill(Number.NaN);
  const common = new Int32Array(U);
  for (let a = 0; a < U; a++) {
    let best = Number.NEGATIVE_INFINITY;
    for (let b = 0; b < U; b++) {
      if (b === a) continue;
      const { r, m } = pearson(grid, a * T, b * T, T);
      if (m < minCommon || Number.isNaN(r)) continue;
      if (r > best) {
        best = r;
        matchRow[a] = units.firstRow[b];
        correlation[a] = r;
        common[a] = m;
      }
    }
  }
  return Object.freeze({
    unit: pickKeyRows(unit, units.firstRow),
    match: pickKeyRows(unit, matchRow),
    correlation,
    common,
  });
}

function pearson(grid: Float64Array, oa: number, ob: number, T: number): { r: number; m: number } {
  let m = 0;
  let sa = 0;
  let sb = 0;
  for (let t = 0; t < T; t++) {
    const x = grid[oa + t];
    const y = grid[ob + t];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    m++;
    sa += x;
    sb += y;
  }
  if (m < 2) return { r: Number.NaN, m };
  const ma = sa / m;
  const mb = sb / m;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let t = 0; t < T; t++) {
    const x = grid[oa + t];
    const y = grid[ob + t];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    const dx = x - ma;
    const dy = y - mb;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const den = Math.sqrt(sxx * syy);
  return { r: den > 0 ? sxy / den : Number.NaN, m };
}
