/**
 * The validated input turned into what every statistic needs: ivreg2's weight convention, the
 * number of clusters it uses, and the degrees-of-freedom constants.
 */
import type { ClusterDim } from "../meat.js";
import type { WeightType } from "../options.js";
import type { IVDiagnosticsInput } from "./types.js";

export interface Setup {
  /** Rows. */
  readonly n: number;
  /** e(N). */
  readonly N: number;
  readonly K: number;
  readonly L: number;
  readonly K1: number;
  readonly L1: number;
  readonly y: Float64Array;
  readonly x: readonly Float64Array[];
  readonly z: readonly Float64Array[];
  readonly included: readonly Float64Array[] | null;
  /** Cross-product weights: aweights/pweights scaled to sum to n (ivreg2's wf·w), fweights as given. */
  readonly w: Float64Array | null;
  readonly weightType: WeightType | null;
  /** Weights entering the heteroskedastic meat as Σ(v·e)²zz': w, or √w for frequency weights (Σ w·e²·zz'). */
  readonly wHetero: Float64Array | null;
  readonly vce: "iid" | "robust" | "cluster";
  readonly clusters: readonly ClusterDim[];
  /** Clusters in the sample (the smaller count under two-way clustering), as ivreg2's N_clust; null unless clustered. */
  readonly nClust: number | null;
  readonly dofminus: number;
  readonly sdofminus: number;
}

/**
 * Normalise weights and count clusters.
 * @example const s = prepare(input);
 */
export function prepare(inp: IVDiagnosticsInput): Setup {
  const n = inp.y.length;
  const weightType = inp.weights ? (inp.weightType ?? "aweight") : null;
  let w: Float64Array | null = null;
  if (inp.weights) {
    if (weightType === "fweight") w = inp.weights;
    else {
      let s = 0;
      for (let i = 0; i < n; i++) s += inp.weights[i];
      const wf = n / s;
      w = inp.weights.map((v) => v * wf);
    }
  }
  const clusters = inp.vce === "cluster" ? inp.clusters : [];
  const nClust = clusters.length ? Math.min(...clusters.map(countGroups)) : null;
  return {
    n,
    N: inp.N,
    K: inp.K,
    L: inp.L,
    K1: inp.endog.length,
    L1: inp.excluded.length,
    y: inp.y,
    x: inp.endog,
    z: inp.excluded,
    included: inp.included?.length ? inp.included : null,
    w,
    weightType,
    wHetero: w && weightType === "fweight" ? w.map(Math.sqrt) : w,
    // Stata: probability weights imply a robust VCE.
    vce: weightType === "pweight" && inp.vce === "iid" ? "robust" : inp.vce,
    clusters,
    nClust,
    dofminus: inp.dofminus,
    sdofminus: inp.sdofminus,
  };
}

function countGroups(d: ClusterDim): number {
  const seen = new Uint8Array(d.groups);
  let k = 0;
  for (let i = 0; i < d.codes.length; i++) {
    if (!seen[d.codes[i]]) {
      seen[d.codes[i]] = 1;
      k++;
    }
  }
  return k;
}
