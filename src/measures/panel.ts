/**
 * The panel structure (unit × integer time) behind lags, differences and the Levinsohn–Petrin
 * second stage: rows sorted by unit then time, with (unit, time) required to be unique.
 */
import { groupRows, type KeyColumn, keyText } from "./keys.js";

/** Rows of a panel sorted by (unit, time). */
export interface PanelIndex {
  /** Rows with non-missing unit and time, sorted by unit then time. */
  readonly order: Int32Array;
  /** Unit group of each row (−1 when unit or time is missing). */
  readonly unit: Int32Array;
  /** Time of each row as a number (NaN when missing). */
  readonly time: Float64Array;
}

/**
 * Build the panel index; time must be numeric and integer-valued, and (unit, time) unique.
 * @example const p = panelIndex("lag", id, year);
 */
export function panelIndex(
  fn: string,
  unit: KeyColumn,
  time: KeyColumn,
  names: readonly [string, string] = ["id", "time"],
): PanelIndex {
  if (!(time instanceof Float64Array) && !(time instanceof Int32Array)) {
    throw new Error(
      `${fn}: argument "${names[1]}" must be numeric (Float64Array or Int32Array of integer periods such as years), ` +
        `got a categorical column; convert its levels to numbers first`,
    );
  }
  const n = time.length;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = time instanceof Int32Array ? (time[i] === -1 ? Number.NaN : time[i]) : time[i];
    if (!Number.isNaN(v) && !Number.isInteger(v)) {
      throw new Error(
        `${fn}: argument "${names[1]}" must hold integer periods (e.g. years), found ${v} at index ${i}; ` +
          `round it or recode the periods as consecutive integers`,
      );
    }
    t[i] = v;
  }
  const { group } = groupRows([unit], n);
  const u = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    u[i] = Number.isNaN(t[i]) ? -1 : group[i];
    if (u[i] >= 0) m++;
  }
  const order = new Int32Array(m);
  m = 0;
  for (let i = 0; i < n; i++) if (u[i] >= 0) order[m++] = i;
  order.sort((a, b) => u[a] - u[b] || t[a] - t[b] || a - b);
  for (let r = 1; r < m; r++) {
    const a = order[r - 1];
    const b = order[r];
    if (u[a] === u[b] && t[a] === t[b]) {
      throw new Error(
        `${fn}: ${names[0]} ${keyText(unit, a)} has two rows for ${names[1]} ${t[a]} (indices ${a} and ${b}); ` +
          `each (${names[0]}, ${names[1]}) pair must appear once — aggregate or drop the duplicates first`,
      );
    }
  }
  return { order, unit: u, time: t };
}

/**
 * For every row, the row of the same unit whose time is k periods earlier (k < 0: later), or −1.
 * @example const prev = lagRows(panelIndex("lag", id, year), 1);
 */
export function lagRows(p: PanelIndex, k: number): Int32Array {
  const n = p.unit.length;
  const out = new Int32Array(n).fill(-1);
  const { order, unit, time } = p;
  const m = order.length;
  for (let s = 0; s < m; ) {
    const g = unit[order[s]];
    let e = s;
    while (e < m && unit[order[e]] === g) e++;
    let q = s;
    for (let j = s; j < e; j++) {
      const target = time[order[j]] - k;
      while (q < e && time[order[q]] < target) q++;
      if (q < e && time[order[q]] === target) out[order[j]] = order[q];
    }
    s = e;
  }
  return out;
}
