/**
 * Stata dates and datetimes: `%td` values are days and `%tc`/`%tC` values milliseconds since
 * 1960-01-01 00:00:00 (`%tC` counts leap seconds; like haven we treat it as `%tc`).
 */
import type { DtaKind, DtaStorageType } from "./types.js";

/** Milliseconds from 1960-01-01 to the JS epoch 1970-01-01 (3653 days). */
export const STATA_EPOCH_OFFSET_MS = 315_619_200_000;
const DAY_MS = 86_400_000;

/**
 * What a variable holds, from its storage type and display format: `%td`/`%d` → date,
 * `%tc`/`%tC` → datetime (a leading `-` for left alignment is allowed), strings → string.
 * @example kindOfFormat("%tdCCYY-NN-DD", "long") // "date"
 */
export function kindOfFormat(format: string, type: DtaStorageType): DtaKind {
  if (type === "str" || type === "strL") return "string";
  const f = format.startsWith("%-") ? `%${format.slice(2)}` : format;
  if (f.startsWith("%td") || (f.startsWith("%d") && !/^%d\d/.test(f))) return "date";
  if (f.startsWith("%tc") || f.startsWith("%tC")) return "datetime";
  return "number";
}

/**
 * JS epoch milliseconds of a Stata `%td` day count (NaN stays NaN).
 * @example stataDateToEpochMs(0) // -315619200000 (1960-01-01)
 */
export function stataDateToEpochMs(days: number): number {
  return days * DAY_MS - STATA_EPOCH_OFFSET_MS;
}

/**
 * JS epoch milliseconds of a Stata `%tc` millisecond count.
 * @example stataDateTimeToEpochMs(0) // -315619200000
 */
export function stataDateTimeToEpochMs(ms: number): number {
  return ms - STATA_EPOCH_OFFSET_MS;
}

/**
 * Stata `%td` day count of JS epoch milliseconds (whole days, floored).
 * @example epochMsToStataDate(Date.UTC(2015, 10, 2)) // 20394
 */
export function epochMsToStataDate(ms: number): number {
  return Math.floor((ms + STATA_EPOCH_OFFSET_MS) / DAY_MS);
}

/**
 * Stata `%tc` millisecond count of JS epoch milliseconds.
 * @example epochMsToStataDateTime(0) // 315619200000
 */
export function epochMsToStataDateTime(ms: number): number {
  return ms + STATA_EPOCH_OFFSET_MS;
}

/** Largest |epoch ms| a JS Date can hold. */
const MAX_DATE_MS = 8.64e15;

/**
 * ISO date "YYYY-MM-DD" of a Stata `%td` value (fractions are floored, years beyond 9999 use the
 * extended "+YYYYYY" form); null for missing (NaN) values and for days no JS Date can represent.
 * @example stataDateToIso(20394) // "2015-11-02"
 */
export function stataDateToIso(days: number): string | null {
  const ms = stataDateToEpochMs(Math.floor(days));
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return null;
  const iso = new Date(ms).toISOString();
  return iso.slice(0, iso.indexOf("T"));
}

/**
 * ISO datetime "YYYY-MM-DDTHH:MM:SS.sss" (UTC, no zone suffix) of a Stata `%tc` value (rounded to
 * whole milliseconds); null for missing values and for values no JS Date can represent.
 * @example stataDateTimeToIso(1764645255000) // "2015-12-01T03:14:15.000"
 */
export function stataDateTimeToIso(ms: number): string | null {
  const epoch = stataDateTimeToEpochMs(Math.round(ms));
  if (!Number.isFinite(epoch) || Math.abs(epoch) > MAX_DATE_MS) return null;
  return new Date(epoch).toISOString().slice(0, -1);
}
