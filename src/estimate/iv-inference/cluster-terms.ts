/** The inclusion–exclusion terms of multi-way clustering (Cameron, Gelbach & Miller 2011) as group codes. */
import { type ClusterDim, intersectClusters } from "../vcov/meat.js";

/**
 * For every non-empty subset of the dimensions: the codes of their intersection and the sign (−1)^(|subset|+1).
 * @example multiwayClusterCodes([city, year]); // city (+), year (+), city×year (−)
 */
export function multiwayClusterCodes(
  dims: readonly ClusterDim[],
): { codes: Int32Array; groups: number; sign: 1 | -1 }[] {
  const out: { codes: Int32Array; groups: number; sign: 1 | -1 }[] = [];
  for (let mask = 1; mask < 1 << dims.length; mask++) {
    const chosen = dims.filter((_, j) => mask & (1 << j));
    out.push({ ...intersectClusters(chosen), sign: chosen.length % 2 === 1 ? 1 : -1 });
  }
  return out;
}
