/**
 * Study A's instrument, eq. (2): the penetration of US industry robot adoption in Chinese cities,
 * `us_robot_jt = Σ_i (Employ_{i,j,2000} / MedEmploy_{i,2000}) × (MR^US_{i,t} / L^US_{i,2000})`.
 */
import { groupRows, joinKey, type KeyColumn, keyText, keyValue, pickKeyRows } from "./keys.js";
import { sortedPctile } from "./percentile.js";
import { keyArg, keyLen, numericArg, optionsArg, sameLength } from "./validate.js";

/** Inputs of {@link shiftShareInstrument}: three tables, joined on the industry key by value. */
export interface ShiftShareInput {
  /** Base-year (2000) employment by city × industry (persons; one row per pair). */
  readonly base: {
    readonly city: KeyColumn;
    readonly industry: KeyColumn;
    readonly employment: Float64Array;
  };
  /** US robots (IFR operational stock, units) by industry × year (one row per pair). */
  readonly usRobots: {
    readonly industry: KeyColumn;
    readonly year: KeyColumn;
    readonly robots: Float64Array;
  };
  /** US base-year (2000) employment by industry (persons, or thousands — it only rescales the instrument). */
  readonly usEmployment: { readonly industry: KeyColumn; readonly employment: Float64Array };
}

/** Options of {@link shiftShareInstrument}. */
export interface ShiftShareOptions {
  /**
   * `"median"` (default, eq. 2 as written): weight Employ_ij / median over cities of Employ_ij.
   * `"share"` (plain Bartik): weight Employ_ij / Σ_i Employ_ij, city j's employment share of industry i.
   */
  readonly normalization?: "median" | "share";
}

/** The instrument for every city × US year. */
export interface ShiftShareResult {
  /** City of each row (same key kind as `base.city`), sorted by city then year. */
  readonly city: KeyColumn;
  /** Year of each row (same key kind as `usRobots.year`). */
  readonly year: KeyColumn;
  readonly value: Float64Array;
}

/**
 * Eq. (2) of study A for every city of `base` and every year of `usRobots`.
 *
 * - MedEmploy_i is the median (Stata `_pctile` p50) of industry i's base employment over the
 *   `base` rows of that industry with non-missing employment, zeros included; cities without a row
 *   for i are not counted — pass explicit zeros for a full city × industry grid if you want them in
 *   the median.
 * - Terms with zero weight are skipped; a missing weight or a missing US robot figure for a term
 *   with non-zero weight makes that city-year NaN.
 * - Errors: duplicate key pairs in any table, missing keys, negative employment or robots, an
 *   industry of `base` with no US employment (or one ≤ 0) or no US robot rows at all, and a zero
 *   median with the median normalisation.
 * @example shiftShareInstrument({ base, usRobots, usEmployment }).value;
 */
export function shiftShareInstrument(input: ShiftShareInput, opts?: ShiftShareOptions): ShiftShareResult {
  const fn = "shiftShareInstrument";
  const o = optionsArg(fn, opts);
  const norm = o.normalization ?? "median";
  if (norm !== "median" && norm !== "share") {
    throw new Error(`${fn}: option "normalization" must be "median" or "share", got ${JSON.stringify(norm)}`);
  }
  if (typeof input !== "object" || input === null || !input.base || !input.usRobots || !input.usEmployment) {
    throw new Error(`${fn}: pass { base, usRobots, usEmployment } (see ShiftShareInput)`);
  }
  const { base, usRobots, usEmployment } = input;
  const bCity = keyArg(fn, "base.city", base.city);
  const bInd = keyArg(fn, "base.industry", base.industry);
  const bEmp = numericArg(fn, "base.employment", base.employment);
  const nb = sameLength(fn, [
    ["base.employment", bEmp.length],
    keyLen("base.city", bCity),
    keyLen("base.industry", bInd),
  ]);
  const rInd = keyArg(fn, "usRobots.industry", usRobots.industry);
  const rYear = keyArg(fn, "usRobots.year", usRobots.year);
  const rVal = numericArg(fn, "usRobots.robots", usRobots.robots);
  const nr = sameLength(fn, [
    ["usRobots.robots", rVal.length],
    keyLen("usRobots.industry", rInd),
    keyLen("usRobots.year", rYear),
  ]);
  const lInd = keyArg(fn, "usEmployment.industry", usEmployment.industry);
  const lVal = numericArg(fn, "usEmployment.employment", usEmployment.employment);
  const nl = sameLength(fn, [
    ["usEmployment.employment", lVal.length],
    keyLen("usEmployment.industry", lInd),
  ]);

  // US base employment per industry.
  const usL = new Map<string, number>();
  for (let i = 0; i < nl; i++) {
    const key = requireKey(fn, "usEmployment.industry", lInd, i);
    if (usL.has(key)) throw dup(fn, "usEmployment", `industry ${keyText(lInd, i)}`, i);
    usL.set(key, lVal[i]);
  }
  // US robots per industry-year; years in sorted order.
  const years = groupRows([rYear], nr);
  const robotsOf = new Map<string, Float64Array>();
  const seenPairs = new Set<string>();
  for (let i = 0; i < nr; i++) {
    const key = requireKey(fn, "usRobots.industry", rInd, i);
    if (years.group[i] < 0) throw missingKey(fn, "usRobots.year", i);
    if (rVal[i] < 0) throw new Error(`${fn}: usRobots.robots is negative (${rVal[i]}) at index ${i}`);
    let row = robotsOf.get(key);
    if (!row) {
      row = new Float64Array(years.count).fill(Number.NaN);
      robotsOf.set(key, row);
    }
    const y = years.group[i];
    const pair = `${key}\u0001${y}`;
    if (seenPairs.has(pair))
      throw dup(fn, "usRobots", `industry ${keyText(rInd, i)}, year ${keyText(rYear, i)}`, i);
    seenPairs.add(pair);
    row[y] = rVal[i];
  }
  // Base table: cities, industries, weights.
  const cities = groupRows([bCity], nb);
  const pairs = new Set<string>();
  const empByInd = new Map<string, number[]>();
  const cityTotal = new Float64Array(cities.count);
  for (let i = 0; i < nb; i++) {
    if (cities.group[i] < 0) throw missingKey(fn, "base.city", i);
    const ind = requireKey(fn, "base.industry", bInd, i);
    const pair = `${cities.group[i]}\u0001${ind}`;
    if (pairs.has(pair)) throw dup(fn, "base", `city ${keyText(bCity, i)}, industry ${keyText(bInd, i)}`, i);
    pairs.add(pair);
    const e = bEmp[i];
    if (e < 0) throw new Error(`${fn}: base.employment is negative (${e}) at index ${i}`);
    cityTotal[cities.group[i]] += e; // NaN propagates: a city with a missing cell has no share
    if (!Number.isNaN(e)) {
      const list = empByInd.get(ind) ?? [];
      list.push(e);
      empByInd.set(ind, list);
    }
    const L = usL.get(ind);
    if (L === undefined) {
      throw new Error(
        `${fn}: industry ${keyText(bInd, i)} of base (index ${i}) has no row in usEmployment; add it or drop the industry`,
      );
    }
    if (!(L > 0))
      throw new Error(`${fn}: US base employment of industry ${keyText(bInd, i)} is ${L}; it must be > 0`);
    if (!robotsOf.has(ind)) {
      throw new Error(
        `${fn}: industry ${keyText(bInd, i)} of base (index ${i}) has no rows in usRobots; add it or drop the industry`,
      );
    }
  }
  const median = new Map<string, number>();
  for (const [ind, list] of empByInd) median.set(ind, sortedPctile(Float64Array.from(list).sort(), 50));

  const value = new Float64Array(cities.count * years.count);
  for (let i = 0; i < nb; i++) {
    const ind = joinKey([keyValue(bInd, i)]);
    const e = bEmp[i];
    const c = cities.group[i];
    let w: number;
    if (norm === "median") {
      const med = median.get(ind) ?? Number.NaN;
      if (med === 0) {
        throw new Error(
          `${fn}: the median base employment of industry ${keyText(bInd, i)} across cities is 0, so eq. (2)'s ` +
            `weight is undefined; use { normalization: "share" } or drop the industry`,
        );
      }
      w = e / med;
    } else {
      w = e / cityTotal[c];
    }
    if (w === 0) continue;
    const L = usL.get(ind) as number;
    const mr = robotsOf.get(ind) as Float64Array;
    for (let y = 0; y < years.count; y++) value[c * years.count + y] += (w * mr[y]) / L;
  }
  const cityRows = new Int32Array(cities.count * years.count);
  const yearRows = new Int32Array(cities.count * years.count);
  for (let c = 0; c < cities.count; c++) {
    for (let y = 0; y < years.count; y++) {
      cityRows[c * years.count + y] = cities.firstRow[c];
      yearRows[c * years.count + y] = years.firstRow[y];
    }
  }
  return Object.freeze({ city: pickKeyRows(bCity, cityRows), year: pickKeyRows(rYear, yearRows), value });
}

function requireKey(fn: string, name: string, k: KeyColumn, i: number): string {
  const v = keyValue(k, i);
  if (v === undefined) throw missingKey(fn, name, i);
  return joinKey([v]);
}

function missingKey(fn: string, name: string, i: number): Error {
  return new Error(`${fn}: ${name} is missing at index ${i}; every row of this table needs its key`);
}

function dup(fn: string, table: string, what: string, i: number): Error {
  return new Error(
    `${fn}: ${table} has more than one row for ${what} (again at index ${i}); aggregate it to one row first`,
  );
}
