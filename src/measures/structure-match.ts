/**
 * Study B's industry-structure match, eq. (19):
 * Stru_i = Σ_j (rob_j / rob) · (emp_ij,2000 / emp_i,2000).
 */
import { groupRows, joinKey, type KeyColumn, keyText, keyValue, pickKeyRows } from "./keys.js";
import { keyArg, keyLen, numericArg, sameLength } from "./validate.js";

/** Inputs of {@link structureMatch}: global robots by industry and each economy's base employment. */
export interface StructureMatchInput {
  /**
   * Global robot installations by industry (units). Every row is added to its industry's total, so
   * pass the 2000–2014 rows (industry × year) or pre-summed totals; rob is the sum over all rows.
   */
  readonly robots: { readonly industry: KeyColumn; readonly robots: Float64Array };
  /** Base-year (2000) employment by economy × manufacturing industry (one row per pair). */
  readonly employment: {
    readonly unit: KeyColumn;
    readonly industry: KeyColumn;
    readonly employment: Float64Array;
  };
}

/** Stru for every economy. */
export interface StructureMatchResult {
  /** Economies, sorted by key (same key kind as `employment.unit`). */
  readonly unit: KeyColumn;
  readonly value: Float64Array;
}

/**
 * Eq. (19): the robot-share-weighted sum of each economy's base-year industry employment shares,
 * emp_i,2000 being the sum of the economy's rows. Industries are matched across the two tables by
 * key value. An industry with robots but no employment row for an economy counts as zero
 * employment. Errors: missing or negative robot values (global shares must be complete), an
 * employment industry that has no robot rows, duplicate (economy, industry) rows, negative
 * employment, missing keys. A missing employment value makes that economy's Stru NaN, as does a
 * zero employment total.
 * @example structureMatch({ robots: { industry, robots }, employment: { unit, industry: ind, employment } }).value;
 */
export function structureMatch(input: StructureMatchInput): StructureMatchResult {
  const fn = "structureMatch";
  if (typeof input !== "object" || input === null || !input.robots || !input.employment) {
    throw new Error(
      `${fn}: pass { robots: { industry, robots }, employment: { unit, industry, employment } }`,
    );
  }
  const rInd = keyArg(fn, "robots.industry", input.robots.industry);
  const rVal = numericArg(fn, "robots.robots", input.robots.robots);
  const nr = sameLength(fn, [["robots.robots", rVal.length], keyLen("robots.industry", rInd)]);
  const eUnit = keyArg(fn, "employment.unit", input.employment.unit);
  const eInd = keyArg(fn, "employment.industry", input.employment.industry);
  const eVal = numericArg(fn, "employment.employment", input.employment.employment);
  const ne = sameLength(fn, [
    ["employment.employment", eVal.length],
    keyLen("employment.unit", eUnit),
    keyLen("employment.industry", eInd),
  ]);

  const robOf = new Map<string, number>();
  let rob = 0;
  for (let i = 0; i < nr; i++) {
    const v = keyValue(rInd, i);
    if (v === undefined) throw new Error(`${fn}: robots.industry is missing at index ${i}`);
    const r = rVal[i];
    if (!(r >= 0)) {
      throw new Error(
        `${fn}: robots.robots is ${Number.isNaN(r) ? "missing" : r} at index ${i} (industry ${keyText(rInd, i)}); global robot shares need every value, ≥ 0`,
      );
    }
    const key = joinKey([v]);
    robOf.set(key, (robOf.get(key) ?? 0) + r);
    rob += r;
  }
  if (!(rob > 0))
    throw new Error(`${fn}: total robots is ${rob}; the robot shares rob_j / rob are undefined`);

  const units = groupRows([eUnit], ne);
  const total = new Float64Array(units.count);
  const weighted = new Float64Array(units.count);
  const pairs = new Set<string>();
  for (let i = 0; i < ne; i++) {
    const u = units.group[i];
    if (u < 0) throw new Error(`${fn}: employment.unit is missing at index ${i}`);
    const v = keyValue(eInd, i);
    if (v === undefined) throw new Error(`${fn}: employment.industry is missing at index ${i}`);
    const key = joinKey([v]);
    const pair = `${u}\u0001${key}`;
    if (pairs.has(pair)) {
      throw new Error(
        `${fn}: economy ${keyText(eUnit, i)} has two rows for industry ${keyText(eInd, i)} (again at index ${i})`,
      );
    }
    pairs.add(pair);
    const share = robOf.get(key);
    if (share === undefined) {
      throw new Error(
        `${fn}: industry ${keyText(eInd, i)} (employment index ${i}) has no robot rows; add it to robots or drop it`,
      );
    }
    const e = eVal[i];
    if (e < 0) throw new Error(`${fn}: employment is negative (${e}) at index ${i}`);
    total[u] += e;
    weighted[u] += (share / rob) * e;
  }
  const value = new Float64Array(units.count);
  for (let u = 0; u < units.count; u++) value[u] = total[u] > 0 ? weighted[u] / total[u] : Number.NaN;
  return Object.freeze({ unit: pickKeyRows(eUnit, units.firstRow), value });
}
