/**
 * Study B's instruments IV_TL and IV_TS, eq. (17): ln((Robot of the structurally most similar
 * economy + 1) / own base employment).
 */
import { joinKey, type KeyColumn, type KeyValue, keyLength, keyText, keyValue } from "./keys.js";
import { keyArg, keyLen, numericArg, sameLength } from "./validate.js";

/** Inputs of {@link matchedInstrument}: one panel (rows aligned) and a unit → matched unit map. */
export interface MatchedInstrumentInput {
  /** Robot stock of the row's own (unit, cell, time), in units. */
  readonly robots: Float64Array;
  /** The row's own base-year employment (same units as in `robotExposure`). */
  readonly baseEmployment: Float64Array;
  /** Economy of each row. */
  readonly unit: KeyColumn;
  /** Year of each row. */
  readonly time: KeyColumn;
  /** Industry of each row for the economy × industry panel; omit for the economy panel. */
  readonly cell?: KeyColumn;
  /** Unit → matched unit, e.g. the result of `similarityMatch` (keys compared by value). */
  readonly match: { readonly unit: KeyColumn; readonly match: KeyColumn };
}

/**
 * For each row (economy i, industry j, year t): ln((R + 1) / baseEmployment_row), where R is the
 * `robots` value of the row of the matched economy with the same industry and year, looked up in
 * the same panel. NaN when the unit has no match, the matched economy has no row for that
 * industry-year, R is missing, or the own base employment is missing or 0. Negative robots or
 * employment and duplicate (unit, cell, time) rows or duplicate units in `match` are errors.
 * @example matchedInstrument({ robots, baseEmployment, unit: economy, time: year, cell: industry, match: similarityMatch(tl, ecoY, yearY) });
 */
export function matchedInstrument(input: MatchedInstrumentInput): Float64Array {
  const fn = "matchedInstrument";
  if (typeof input !== "object" || input === null) {
    throw new Error(`${fn}: pass { robots, baseEmployment, unit, time, cell?, match }`);
  }
  const robots = numericArg(fn, "robots", input.robots);
  const base = numericArg(fn, "baseEmployment", input.baseEmployment);
  const unit = keyArg(fn, "unit", input.unit);
  const time = keyArg(fn, "time", input.time);
  const cell = input.cell === undefined ? undefined : keyArg(fn, "cell", input.cell);
  if (typeof input.match !== "object" || input.match === null) {
    throw new Error(
      `${fn}: argument "match" must be { unit, match } key columns, e.g. the result of similarityMatch`,
    );
  }
  const mUnit = keyArg(fn, "match.unit", input.match.unit);
  const mMatch = keyArg(fn, "match.match", input.match.match);
  sameLength(fn, [keyLen("match.unit", mUnit), keyLen("match.match", mMatch)]);
  const n = sameLength(fn, [
    ["robots", robots.length],
    ["baseEmployment", base.length],
    keyLen("unit", unit),
    keyLen("time", time),
    ...(cell ? [keyLen("cell", cell)] : []),
  ]);

  const partner = new Map<string, KeyValue>();
  for (let r = 0; r < keyLength(mUnit); r++) {
    const u = keyValue(mUnit, r);
    if (u === undefined) continue;
    const key = joinKey([u]);
    if (partner.has(key))
      throw new Error(
        `${fn}: match lists unit ${keyText(mUnit, r)} twice (index ${r}); give one match per unit`,
      );
    partner.set(key, keyValue(mMatch, r));
  }
  const rowOf = new Map<string, number>();
  const tuple = (u: KeyValue, i: number) =>
    cell ? joinKey([u, keyValue(cell, i), keyValue(time, i)]) : joinKey([u, keyValue(time, i)]);
  const complete = (u: KeyValue, i: number) =>
    u !== undefined && keyValue(time, i) !== undefined && (!cell || keyValue(cell, i) !== undefined);
  for (let i = 0; i < n; i++) {
    if (robots[i] < 0) throw new Error(`${fn}: robots is negative (${robots[i]}) at index ${i}`);
    if (base[i] < 0) throw new Error(`${fn}: baseEmployment is negative (${base[i]}) at index ${i}`);
    const u = keyValue(unit, i);
    if (!complete(u, i)) continue;
    const key = tuple(u, i);
    const prev = rowOf.get(key);
    if (prev !== undefined) {
      throw new Error(
        `${fn}: unit ${keyText(unit, i)}${cell ? `, cell ${keyText(cell, i)}` : ""}, time ${keyText(time, i)} ` +
          `appears twice (indices ${prev} and ${i}); the panel must have one row per key`,
      );
    }
    rowOf.set(key, i);
  }
  const out = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const u = keyValue(unit, i);
    if (!complete(u, i) || !(base[i] > 0)) continue;
    const m = partner.get(joinKey([u]));
    if (m === undefined) continue;
    const j = rowOf.get(tuple(m, i));
    if (j === undefined) continue;
    out[i] = Math.log((robots[j] + 1) / base[i]);
  }
  return out;
}
