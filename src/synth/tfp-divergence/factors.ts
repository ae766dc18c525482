/**
 * Structural factors: one random walk per group over the robot years. A factor moves the TL or TS
 * index of every economy of its group and, with a loading, their robot installations.
 */
import type { Rng } from "../rng.js";

/**
 * `groups` random walks of length `years` (row-major, group × year) starting at 0 with N(0, sd²)
 * steps.
 * @example const f = randomWalks(rng, 20, 39, 0.12); f[g * 39 + t];
 */
export function randomWalks(rng: Rng, groups: number, years: number, sd: number): Float64Array {
  const out = new Float64Array(groups * years);
  for (let g = 0; g < groups; g++) {
    let x = 0;
    for (let t = 0; t < years; t++) {
      x += sd * rng.normal();
      out[g * years + t] = x;
    }
  }
  return out;
}

/**
 * Number of groups in a group-id array (max id + 1).
 * @example groupCount(Int32Array.of(0, 1, -1, 1)); // 2
 */
export function groupCount(group: Int32Array): number {
  let m = -1;
  for (const g of group) if (g > m) m = g;
  return m + 1;
}
