/** A model sample restricted to some of its rows (the Poisson sample after pruning). */
import { subsetFactor } from "../../fe/factor.js";
import type { ModelData, NamedColumns } from "../model-data.js";

/**
 * The rows of `md` where `keep` is 1 (`kept` of them); `singletons` replaces the count of removed singletons.
 * @example const sub = subsetSample(md, keep, kept, 0);
 */
export function subsetSample(md: ModelData, keep: Uint8Array, kept: number, singletons: number): ModelData {
  const removed = { missing: md.removed.missing, singletons };
  if (kept === md.n) return { ...md, removed };
  const rows = new Int32Array(kept);
  for (let i = 0, r = 0; i < md.n; i++) if (keep[i]) rows[r++] = i;
  const sub = (c: Float64Array) => Float64Array.from(rows, (r) => c[r]);
  const named = (c: NamedColumns): NamedColumns => ({ names: c.names, cols: c.cols.map(sub) });
  const codes = (c: Int32Array, levels: number, name: string) =>
    subsetFactor({ name, codes: c, levels }, keep, kept);
  const w = md.weights ? sub(md.weights) : null;
  let nobs = kept;
  if (w && md.weightType === "fweight") nobs = w.reduce((s, v) => s + v, 0);
  return {
    ...md,
    n: kept,
    nobs,
    y: sub(md.y),
    exog: named(md.exog),
    endog: named(md.endog),
    instruments: named(md.instruments),
    factors: md.factors.map((f) => subsetFactor(f, keep, kept)),
    clusters: md.clusters.map((c) => {
      const s = codes(c.codes, c.groups, c.name);
      if (s.levels < 2)
        throw new Error(
          `cluster variable "${c.name}" has ${s.levels} group left in the Poisson sample; clustering needs at least two`,
        );
      return { name: c.name, codes: s.codes, groups: s.levels };
    }),
    weights: w,
    removed,
    rows: Int32Array.from(rows, (r) => md.rows[r]),
    time: md.time ? { name: md.time.name, values: sub(md.time.values) } : null,
    panel: md.panel
      ? { name: md.panel.name, codes: codes(md.panel.codes, maxCode(md.panel.codes), md.panel.name).codes }
      : null,
  };
}

function maxCode(c: Int32Array): number {
  let m = -1;
  for (let i = 0; i < c.length; i++) if (c[i] > m) m = c[i];
  return m + 1;
}
