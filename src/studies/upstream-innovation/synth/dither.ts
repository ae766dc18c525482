/**
 * Counts whose logarithm is unbiased for a target: a count of exp(L) rounded down or up at random
 * with the probabilities that make E[ln count] = L exactly. Outcome equations in logs of counts
 * (patents, products) stay linear in expectation, so their regressions have a known estimand.
 */
import type { Rng } from "../../../synth/rng.js";

/**
 * ⌊exp(L)⌋ or ⌊exp(L)⌋ + 1 with E[ln count] = L; L = logCount must be ≥ 0 (a count of at least 1).
 * @example ditherCount(rng, Math.log(2.5)); // 2 or 3, with E[ln] = ln 2.5
 */
export function ditherCount(rng: Rng, logCount: number): number {
  // Rounding in the caller's sums may leave −1e-16 where 0 was meant.
  const L = logCount < 0 && logCount > -1e-9 ? 0 : logCount;
  if (!(L >= 0) || !Number.isFinite(L))
    throw new Error(`ditherCount: the log count must be finite and ≥ 0, got ${L}`);
  const c = Math.exp(L);
  const lo = Math.floor(c);
  const lnLo = Math.log(lo);
  const p = (L - lnLo) / (Math.log(lo + 1) - lnLo);
  return rng.next() < p ? lo + 1 : lo;
}
