/**
 * Per-economy values (a base-year TFP flag, a class, Stru) looked up by level text and spread over
 * a panel's rows.
 */
import type { CategoricalColumn } from "../../frame/frame.js";

/**
 * For each row, the value of its economy in `byEconomy` (NaN when absent).
 * @example spread(iso3, new Map([["DEU", 1]]));
 */
export function spread(economy: CategoricalColumn, byEconomy: ReadonlyMap<string, number>): Float64Array {
  const perLevel = economy.levels.map((lv) => byEconomy.get(lv) ?? Number.NaN);
  return Float64Array.from(economy.codes, (c) => (c < 0 ? Number.NaN : perLevel[c]));
}

/**
 * 1 where a unit's base-year value is above the mean over the units of its group, else 0 (NaN
 * when the base value is missing). `unit` and `group` are per row; `isBase` marks base-year rows.
 * @example aboveMean(tfp, unitId, groupId, isBase);
 */
export function aboveMean(
  value: Float64Array,
  unit: Int32Array,
  group: Int32Array,
  isBase: (row: number) => boolean,
): Float64Array {
  const n = value.length;
  let units = 0;
  let groups = 0;
  for (let i = 0; i < n; i++) {
    units = Math.max(units, unit[i] + 1);
    groups = Math.max(groups, group[i] + 1);
  }
  const base = new Float64Array(units).fill(Number.NaN);
  const unitGroup = new Int32Array(units).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!isBase(i) || unit[i] < 0 || Number.isNaN(value[i])) continue;
    base[unit[i]] = value[i];
    unitGroup[unit[i]] = group[i];
  }
  const sum = new Float64Array(groups);
  const count = new Float64Array(groups);
  for (let u = 0; u < units; u++) {
    if (Number.isNaN(base[u]) || unitGroup[u] < 0) continue;
    sum[unitGroup[u]] += base[u];
    count[unitGroup[u]]++;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = unit[i];
    const g = u < 0 ? -1 : unitGroup[u];
    out[i] = g < 0 || Number.isNaN(base[u]) ? Number.NaN : base[u] > sum[g] / count[g] ? 1 : 0;
  }
  return out;
}
