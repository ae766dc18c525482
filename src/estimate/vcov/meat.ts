import { combineCodes } from "../../frame/combine-codes.js";

/**
 * The "meat" of sandwich covariance estimators: S = Σ_g u_g u_g', u_g = Σ_{i∈g} w_i e_i z_i, for
 * heteroskedasticity-robust (each observation its own group) and cluster-robust VCOVs; for multi-way
 * clustering the Cameron–Gelbach–Miller inclusion–exclusion over every intersection of the dimensions.
 */

/** One clustering dimension: group codes 0..G−1 per observation. */
export interface ClusterDim {
  readonly name: string;
  readonly codes: Int32Array;
  readonly groups: number;
}

/** One term of the inclusion–exclusion sum: sign · S computed on `groups` groups. */
export interface MeatTerm {
  readonly sign: 1 | -1;
  readonly groups: number;
  /** Names of the intersected dimensions. */
  readonly dims: readonly string[];
  /** Row-major k×k. */
  readonly s: Float64Array;
}

/**
 * S for heteroskedasticity (one group per row): Σ_i (w_i e_i)² z_i z_i'.
 * @example const s = heteroMeat([x1, x2], resid, null);
 */
export function heteroMeat(
  z: readonly Float64Array[],
  e: Float64Array,
  w: Float64Array | null,
): Float64Array {
  const k = z.length;
  const n = e.length;
  const s = new Float64Array(k * k);
  const u = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const we = w ? w[i] * e[i] : e[i];
    if (we === 0) continue;
    for (let a = 0; a < k; a++) u[a] = z[a][i] * we;
    for (let a = 0; a < k; a++) for (let b = a; b < k; b++) s[a * k + b] += u[a] * u[b];
  }
  symmetrise(s, k);
  return s;
}

/**
 * S for one clustering (group codes 0..groups−1).
 * @example const s = clusterMeat([x], resid, null, codes, 50);
 */
export function clusterMeat(
  z: readonly Float64Array[],
  e: Float64Array,
  w: Float64Array | null,
  codes: Int32Array,
  groups: number,
): Float64Array {
  const k = z.length;
  const n = e.length;
  const sums = new Float64Array(groups * k);
  for (let a = 0; a < k; a++) {
    const za = z[a];
    for (let i = 0; i < n; i++) {
      const we = w ? w[i] * e[i] : e[i];
      sums[codes[i] * k + a] += za[i] * we;
    }
  }
  const s = new Float64Array(k * k);
  for (let g = 0; g < groups; g++) {
    const off = g * k;
    for (let a = 0; a < k; a++) {
      const ua = sums[off + a];
      if (ua === 0) continue;
      for (let b = a; b < k; b++) s[a * k + b] += ua * sums[off + b];
    }
  }
  symmetrise(s, k);
  return s;
}

/**
 * Every term of the multi-way (CGM) sum: for each non-empty subset of the dimensions, the meat on
 * their intersection with sign (−1)^(|subset|+1). One dimension gives one term.
 * @example const terms = multiwayMeat([x], resid, null, [city, year]);
 */
export function multiwayMeat(
  z: readonly Float64Array[],
  e: Float64Array,
  w: Float64Array | null,
  dims: readonly ClusterDim[],
): MeatTerm[] {
  const terms: MeatTerm[] = [];
  const d = dims.length;
  for (let mask = 1; mask < 1 << d; mask++) {
    const chosen = dims.filter((_, j) => mask & (1 << j));
    const { codes, groups } = intersectClusters(chosen);
    const sign = chosen.length % 2 === 1 ? 1 : -1;
    terms.push({ sign, groups, dims: chosen.map((c) => c.name), s: clusterMeat(z, e, w, codes, groups) });
  }
  return terms;
}

/**
 * Group codes of the intersection of several clusterings (e.g. city × year), numbered 0..G−1 in
 * order of first appearance.
 * @example const { codes, groups } = intersectClusters([city, year]);
 */
export function intersectClusters(dims: readonly ClusterDim[]): { codes: Int32Array; groups: number } {
  let codes = dims[0].codes;
  let groups = dims[0].groups;
  for (let d = 1; d < dims.length; d++) {
    ({ codes, levels: groups } = combineCodes(codes, dims[d].codes, dims[d].groups));
  }
  return { codes, groups };
}

function symmetrise(s: Float64Array, k: number): void {
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) s[a * k + b] = s[b * k + a];
}
