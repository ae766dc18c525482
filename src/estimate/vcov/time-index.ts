/**
 * The time structure of the estimation sample, as Stata's `tsset`/`xtset` sees it: integer time
 * values, optionally within panels. A lag follows time values, so a gap in the data has no lag
 * (an observation at t whose panel has no row at t − τ contributes nothing at lag τ).
 */

export interface TimeIndex {
  /** Time value per row (integers). */
  readonly t: Int32Array;
  /** Panel code per row (0..panels−1), or null for a single time series. */
  readonly panel: Int32Array | null;
  readonly tmin: number;
  readonly tmax: number;
  /** Name of the time variable (and panel variable), for messages. */
  readonly timeName: string;
  readonly panelName: string | null;
}

/**
 * Build the index; throws naming the variables when a time value is not an integer, or when a
 * (panel, time) pair repeats (Stata: "repeated time values within panel").
 * @example const ti = timeIndex(Float64Array.of(1, 2, 4), null, "year", null);
 */
export function timeIndex(
  time: Float64Array,
  panel: Int32Array | null,
  timeName: string,
  panelName: string | null,
  unique = true,
): TimeIndex {
  const n = time.length;
  const t = new Int32Array(n);
  let tmin = Number.POSITIVE_INFINITY;
  let tmax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = time[i];
    if (!Number.isInteger(v))
      throw new Error(
        `time variable "${timeName}" has a non-integer value (${v}) in estimation row ${i + 1}; --time needs integer periods (e.g. years)`,
      );
    t[i] = v;
    if (v < tmin) tmin = v;
    if (v > tmax) tmax = v;
  }
  const ti: TimeIndex = { t, panel, tmin, tmax, timeName, panelName };
  if (unique) rowAt(ti);
  return ti;
}

const cache = new WeakMap<TimeIndex, Map<number, number>>();

/** Map (panel, time) → row; throws on a repeated pair. */
function rowAt(ti: TimeIndex): Map<number, number> {
  let m = cache.get(ti);
  if (m) return m;
  m = new Map();
  const span = ti.tmax - ti.tmin + 1;
  for (let i = 0; i < ti.t.length; i++) {
    const key = (ti.panel ? ti.panel[i] : 0) * span + (ti.t[i] - ti.tmin);
    if (m.has(key)) {
      const where = ti.panelName ? ` within a panel of "${ti.panelName}"` : "";
      throw new Error(
        `repeated time values${where}: "${ti.timeName}" = ${ti.t[i]} appears in estimation rows ${(m.get(key) ?? 0) + 1} and ${i + 1}; give --panel for panel data, or use --vcov dkraay / cluster-kernel, which allow several units per period`,
      );
    }
    m.set(key, i);
  }
  cache.set(ti, m);
  return m;
}

/**
 * For every row, the row of the same panel at time t − τ, or −1 when there is none (a gap or the
 * start of the panel).
 * @example const lag1 = lagRows(ti, 1);
 */
export function lagRows(ti: TimeIndex, tau: number): Int32Array {
  const m = rowAt(ti);
  const span = ti.tmax - ti.tmin + 1;
  const out = new Int32Array(ti.t.length).fill(-1);
  for (let i = 0; i < ti.t.length; i++) {
    const tl = ti.t[i] - tau;
    if (tl < ti.tmin) continue;
    const j = m.get((ti.panel ? ti.panel[i] : 0) * span + (tl - ti.tmin));
    if (j !== undefined) out[i] = j;
  }
  return out;
}

/** T = max(t) − min(t) + 1 (ivreg2's span for spectral windows). */
export function timeSpan(ti: TimeIndex): number {
  return ti.tmax - ti.tmin + 1;
}
