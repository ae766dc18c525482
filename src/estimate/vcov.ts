/**
 * Sandwich VCOVs V = c · B·S·B (B = (X̂'WX̂)⁻¹) and their finite-sample factors c under three
 * conventions: Stata with `small` (regress/reghdfe/ivreg2 small), ivreg2's large-sample defaults, and
 * R fixest's default `ssc()`.
 */
import { matmul } from "../linalg/dense.js";
import { eigenSym, symFunction } from "../linalg/eigen-sym.js";
import { type ClusterDim, heteroMeat, multiwayMeat } from "./meat.js";

export type Convention = "small" | "large" | "fixest";

export interface VcovInput {
  readonly type: "iid" | "hetero" | "cluster";
  /** (X̂'WX̂)⁻¹, row-major k×k (k = kept regressors). */
  readonly bread: Float64Array;
  /** The regressors the scores use (X̂ for 2SLS), kept columns only. */
  readonly scores: readonly Float64Array[];
  readonly resid: Float64Array;
  readonly weights: Float64Array | null;
  readonly fweights: boolean;
  readonly clusters: readonly ClusterDim[];
  /** Σ w e² (weighted residual sum of squares). */
  readonly rss: number;
  /** N (sum of fweights, else rows). */
  readonly nobs: number;
  /** K for the small-sample factor (regressors + absorbed FE dof). */
  readonly k: number;
  /** K with FE nested in a cluster left out (fixest's fixef.K = "nested"; reghdfe). */
  readonly kNested: number;
  readonly dofminus: number;
  readonly sdofminus: number;
  readonly convention: Convention;
}

export interface VcovResult {
  readonly matrix: Float64Array;
  /** Residual degrees of freedom for t and F tests (null under large-sample z/χ² conventions). */
  readonly dfResid: number | null;
  /** Smallest number of clusters (null unless clustered). */
  readonly groups: readonly number[] | null;
  /** K used in the finite-sample factor. */
  readonly kUsed: number;
  /** Whether a multi-way VCOV had negative eigenvalues set to zero. */
  readonly eigenFixed: boolean;
}

/**
 * The VCOV of the coefficients.
 * @example const v = computeVcov({ type: "hetero", bread, scores: xs, resid, … });
 */
export function computeVcov(inp: VcovInput): VcovResult {
  const k = inp.scores.length;
  const N = inp.nobs;
  const { convention: conv, dofminus, sdofminus } = inp;
  if (inp.type === "iid") {
    const denom = conv === "large" ? N - dofminus : N - inp.k - dofminus - sdofminus;
    const s2 = inp.rss / denom;
    return {
      matrix: inp.bread.map((v) => v * s2),
      dfResid: conv === "large" ? null : N - inp.k - dofminus - sdofminus,
      groups: null,
      kUsed: inp.k,
      eigenFixed: false,
    };
  }
  if (inp.type === "hetero") {
    const w = inp.weights ? (inp.fweights ? inp.weights.map(Math.sqrt) : inp.weights) : null;
    const meat = heteroMeat(inp.scores, inp.resid, w);
    let c: number;
    if (conv === "large") c = N / (N - dofminus);
    else if (conv === "small") c = N / (N - inp.k - dofminus - sdofminus);
    else c = N / (N - inp.k); // fixest applies n/(n − K) to the heteroskedasticity-robust VCOV
    return {
      matrix: sandwich(inp.bread, meat, k, c),
      dfResid: conv === "large" ? null : N - inp.k - dofminus - sdofminus,
      groups: null,
      kUsed: inp.k,
      eigenFixed: false,
    };
  }
  const terms = multiwayMeat(inp.scores, inp.resid, inp.weights, inp.clusters);
  const meat = new Float64Array(k * k);
  for (const t of terms) for (let i = 0; i < meat.length; i++) meat[i] += t.sign * t.s[i];
  const groups = inp.clusters.map((c) => c.groups);
  const g = Math.min(...groups);
  let c: number;
  let kUsed = inp.k;
  if (conv === "large") c = 1;
  else if (conv === "small") {
    kUsed = inp.kNested;
    c = ((N - 1) / (N - kUsed - sdofminus)) * (g / (g - 1));
  } else {
    kUsed = inp.kNested;
    c = ((N - 1) / (N - kUsed)) * (g / (g - 1));
  }
  let matrix = sandwich(inp.bread, meat, k, c);
  let eigenFixed = false;
  if (terms.length > 1) {
    // Cameron, Gelbach & Miller (2011): a multi-way VCOV that is not positive semi-definite has its
    // negative eigenvalues set to zero.
    if (eigenSym(matrix, k).values[0] < 0) {
      matrix = symFunction(matrix, k, (l) => Math.max(l, 0));
      eigenFixed = true;
    }
  }
  return { matrix, dfResid: conv === "large" ? null : g - 1, groups, kUsed, eigenFixed };
}

function sandwich(bread: Float64Array, meat: Float64Array, k: number, c: number): Float64Array {
  const v = matmul(matmul(bread, meat, k, k, k), bread, k, k, k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      const avg = (v[i * k + j] + v[j * k + i]) / 2;
      v[i * k + j] = avg;
      v[j * k + i] = avg;
    }
  }
  return v.map((x) => x * c);
}
