/**
 * The validated input turned into what every statistic needs: ivreg2's weight convention, the
 * number of clusters it uses, and the degrees-of-freedom constants.
 */
import type { ClusterDim } from "../vcov/meat.js";
import type { WeightType } from "../options.js";
import { type MeatContext, type VcovKind, vcovKind } from "../vcov/registry.js";
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
  readonly vce: "iid" | "robust" | "cluster";
  readonly clusters: readonly ClusterDim[];
  /** Clusters in the sample (the smaller count under two-way clustering), as ivreg2's N_clust; null unless clustered. */
  readonly nClust: number | null;
  readonly dofminus: number;
  readonly sdofminus: number;
  /** The VCOV registry row and context behind S. */
  readonly kind: VcovKind;
  readonly meat: MeatContext;
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
  // Stata: probability weights imply a robust VCE.
  const vce = weightType === "pweight" && inp.vce === "iid" ? "robust" : inp.vce;
  const kind = inp.vcovKind ?? vcovKind(vce === "robust" ? "hetero" : vce);
  const meat: MeatContext = {
    weights: w,
    fweights: weightType === "fweight",
    clusters,
    time: inp.meatContext?.time ?? null,
    lagIndex: inp.meatContext?.lagIndex ?? null,
    kernel: inp.meatContext?.kernel ?? null,
    bw: inp.meatContext?.bw ?? null,
    N: inp.N,
  };
  const nClust = clusters.length
    ? Math.min(...clusters.map(countGroups))
    : kind.family === "cluster"
      ? kind.groups(meat)
      : null;
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
    vce,
    clusters,
    nClust,
    dofminus: inp.dofminus,
    sdofminus: inp.sdofminus,
    kind,
    meat,
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

/**
 * The setup ivreg2 4.1 hands to `ranktest` for the Kleibergen–Paap statistics: Kiefer is passed on
 * as iid, AC keeps its kernel (Stata's idstat and widstat under AC change with kernel and bandwidth),
 * and a robust kernel VCE (HAC,
 * cluster-kernel, Driscoll–Kraay) is passed on with the Bartlett kernel at the same bandwidth,
 * whatever kernel the model uses (Stata's idstat and widstat are identical under truncated, qs and
 * Bartlett kernels of equal bandwidth).
 * @example const sId = rankTestSetup(setup);
 */
export function rankTestSetup(s: Setup): Setup {
  const t = s.kind.type;
  if (t === "kiefer") return { ...s, vce: "iid", kind: vcovKind("iid"), meat: { ...s.meat, kernel: null } };
  if (s.kind.needs.kernel || t === "dkraay") return { ...s, meat: { ...s.meat, kernel: "bartlett" } };
  return s;
}
