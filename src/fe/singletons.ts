/**
 * Iterative removal of singleton groups (reghdfe's default, Correia 2015): drop every row that is the
 * only row of its level in some fixed effect, and repeat until no singleton is left.
 */
import type { Factor } from "./factor.js";

/**
 * Clear `keep` for singleton rows; returns how many rows were dropped.
 * @example const dropped = dropSingletons([firm, year], keep);
 */
export function dropSingletons(factors: readonly Factor[], keep: Uint8Array): number {
  let dropped = 0;
  if (!factors.length) return 0;
  const counts = factors.map((f) => new Int32Array(f.levels));
  for (let j = 0; j < factors.length; j++) {
    const c = factors[j].codes;
    const cnt = counts[j];
    for (let i = 0; i < c.length; i++) if (keep[i]) cnt[c[i]]++;
  }
  // No level with a single row: nothing to drop (and no pass over the rows).
  if (!counts.some((cnt) => cnt.includes(1))) return 0;
  for (;;) {
    let changed = 0;
    for (let j = 0; j < factors.length; j++) {
      const c = factors[j].codes;
      const cnt = counts[j];
      for (let i = 0; i < c.length; i++) {
        if (!keep[i] || cnt[c[i]] !== 1) continue;
        keep[i] = 0;
        changed++;
        for (let m = 0; m < factors.length; m++) counts[m][factors[m].codes[i]]--;
      }
    }
    if (!changed) break;
    dropped += changed;
  }
  return dropped;
}
