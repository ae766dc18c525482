/**
 * Value added and employment summed to the three broad sectors (primary, secondary, tertiary) of
 * each economy-year, the sectors j of the Theil index TL in eq. (15): "y_ijt 为 j 产业增加值 … l_ijt 为 j
 * 产业从业人员数量" with 产业 the three broad sectors (第一、二、三产业), as in eq. (16)'s TS.
 */

/** One row per economy × broad sector × year. */
export interface ThreeSectorRows {
  readonly unit: Int32Array;
  readonly time: Float64Array;
  readonly va: Float64Array;
  readonly emp: Float64Array;
}

/**
 * Sum `va` and `emp` over the rows of each (unit, time, class); a missing value in any row makes the
 * class's sum missing (dropping a sector would change the totals). Rows with class < 0 are skipped.
 * @example threeSectors(Int32Array.of(0, 0), Float64Array.of(2000, 2000), Int32Array.of(2, 2), Float64Array.of(1, 2), Float64Array.of(3, 4)).va; // [3]
 */
export function threeSectors(
  unit: Int32Array,
  time: Float64Array,
  cls: Int32Array,
  va: Float64Array,
  emp: Float64Array,
): ThreeSectorRows {
  const index = new Map<string, number>();
  const u: number[] = [];
  const t: number[] = [];
  const y: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < unit.length; i++) {
    if (cls[i] < 0 || unit[i] < 0 || Number.isNaN(time[i])) continue;
    const key = `${unit[i]}|${time[i]}|${cls[i]}`;
    let r = index.get(key);
    if (r === undefined) {
      r = u.length;
      index.set(key, r);
      u.push(unit[i]);
      t.push(time[i]);
      y.push(0);
      l.push(0);
    }
    y[r] += va[i];
    l[r] += emp[i];
  }
  return {
    unit: Int32Array.from(u),
    time: Float64Array.from(t),
    va: Float64Array.from(y),
    emp: Float64Array.from(l),
  };
}
