/**
 * Structural twins: economies are grouped in pairs (a triple when the count is odd) that share a
 * structural factor. Each economy's best structural match is then its twin, whose robots carry the
 * shared factor (instrument relevance) but not the economy's own TFP shocks (exclusion).
 */
import { shuffle } from "../../../synth/distributions.js";
import type { Rng } from "../../../synth/rng.js";

/**
 * Group ids (0, 1, …) for `members` (indices into a list of `n` economies) in random pairs, the
 * last group a triple when the count is odd; economies not in `members` get −1.
 * @example pairGroups(rng, [0, 1, 2, 3, 4], 5); // e.g. [1, 0, 1, 0, 0]
 */
export function pairGroups(rng: Rng, members: readonly number[], n: number): Int32Array {
  const group = new Int32Array(n).fill(-1);
  const order = shuffle(rng, [...members]);
  const pairs = Math.floor(order.length / 2);
  order.forEach((e, k) => {
    group[e] = Math.min(Math.floor(k / 2), Math.max(pairs - 1, 0));
  });
  return group;
}

/**
 * Number of economies whose group under `a` has exactly the same members as under `b`.
 * @example sharedGroups(Int32Array.of(0, 0), Int32Array.of(0, 0)); // 2
 */
export function sharedGroups(a: Int32Array, b: Int32Array): number {
  let same = 0;
  for (let e = 0; e < a.length; e++) {
    if (a[e] < 0 || b[e] < 0) continue;
    let equal = true;
    for (let f = 0; f < a.length && equal; f++) {
      if (f !== e && (a[f] === a[e]) !== (b[f] === b[e])) equal = false;
    }
    if (equal) same++;
  }
  return same;
}

/**
 * A second pairing of `members` that shares as few groups with `first` as possible (best of a
 * fixed number of draws), so the TL and TS instruments of an economy come from different twins.
 * @example const tl = distinctPairGroups(rng, members, n, ts);
 */
export function distinctPairGroups(
  rng: Rng,
  members: readonly number[],
  n: number,
  first: Int32Array,
): Int32Array {
  let best = pairGroups(rng, members, n);
  let bestShared = sharedGroups(best, first);
  for (let draw = 0; draw < 40 && bestShared > 0; draw++) {
    const next = pairGroups(rng, members, n);
    const shared = sharedGroups(next, first);
    if (shared < bestShared) {
      best = next;
      bestShared = shared;
    }
  }
  return best;
}
