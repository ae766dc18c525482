/**
 * Structural factors: one random walk per group over the robot years. A factor moves the TL or TS
 * index of every economy of its group and, with a loading, their robot installations.
 */
import type { Rng } from "../../../synth/rng.js";

/**
 * `groups` random walks of length `years` (row-major, group × year) with N(0, sd²) steps, each
 * shifted to be 0 at index `anchor` (so the walks differ in their paths around the anchor year,
 * not in levels accumulated since the first year).
 * @example const f = randomWalks(rng, 20, 39, 0.12, 18); f[g * 39 + t];
 */
export function randomWalks(rng: Rng, groups: number, years: number, sd: number, anchor = 0): Float64Array {
  const out = new Float64Array(groups * years);
  for (let g = 0; g < groups; g++) {
    let x = 0;
    for (let t = 0; t < years; t++) {
      x += sd * rng.normal();
      out[g * years + t] = x;
    }
    const at = out[g * years + anchor];
    for (let t = 0; t < years; t++) out[g * years + t] -= at;
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
