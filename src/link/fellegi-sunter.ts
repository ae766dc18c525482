/**
 * Fellegi–Sunter model fitted as Splink does: m-probabilities and the share of matches among the
 * blocked candidate pairs by EM under conditional independence; u-probabilities over all record ×
 * firm pairs, from value frequencies (city, address, form) or, for the blocked name comparison
 * (every pair above its last level is a candidate), from EM's count of non-matches at each level
 * over all non-matching pairs. Weights are log2(m/u); a missing value is neutral (weight 0).
 */
import type { Comparison } from "./levels.js";

/** Comparison-level patterns of the candidate pairs with their counts. */
export interface PatternCounts {
  /** levels[k][i]: level of comparison k in pattern i. */
  readonly levels: readonly Int32Array[];
  readonly counts: Float64Array;
}

/** A fitted model. */
export interface FellegiSunterModel {
  /** m[k][l]: P(level l of comparison k | match, value present). */
  readonly m: readonly (readonly number[])[];
  /** u[k][l]: P(level l | non-match, value present), over all pairs. */
  readonly u: readonly (readonly number[])[];
  /** Match weights log2(m/u); 0 for missing levels. */
  readonly weights: readonly (readonly number[])[];
  /** Share of matches among the candidate pairs (EM). */
  readonly candidateMatchShare: number;
  /** Prior log2-odds of a match for one record × firm pair. */
  readonly priorWeight: number;
  readonly iterations: number;
}

/** Options of {@link fitFellegiSunter}. */
export interface FitOptions {
  readonly maxIterations?: number;
  readonly tolerance?: number;
  /** Pseudo-count added to every level of m (keeps unseen levels finite). */
  readonly pseudoCount?: number;
  /**
   * The comparison the blocking captures: its u comes from EM's non-match counts over all
   * non-matching pairs, but for its last `tailShares.length` levels (the catch-all, which holds
   * the pairs never blocked), which share the remainder in these proportions.
   */
  readonly blocked?: { readonly index: number; readonly tailShares: readonly number[] };
  /**
   * Comparisons whose m (and u: `globalU`) are known and held fixed during EM. With names and cities
   * alone the latent classes are not identified by two comparisons: a third one with known m and u
   * anchors them (Splink likewise fixes u and can train m from labels or rules).
   */
  readonly fixedM?: ReadonlyMap<number, readonly number[]>;
}

function initialM(c: Comparison): number[] {
  // Start from "matches agree": most mass on the first level, decaying geometrically.
  const present = c.levels.map((_, l) => (l === c.missing ? 0 : 0.5 ** (l + 1)));
  const total = present.reduce((a, b) => a + b, 0);
  return present.map((x) => x / total);
}

function candidateU(c: Comparison): number[] {
  const present = c.levels.map((_, l): number => (l === c.missing ? 0 : 1));
  const total = present.reduce((a, b) => a + b, 0);
  return present.map((x) => x / total);
}

/**
 * Fit m by EM on the candidate patterns, keep `globalU` as u (but for the `blocked` comparison),
 * and set the prior from the EM match share among `candidatePairs` out of `allPairs` pairs.
 * @example const model = fitFellegiSunter(COMPARISONS, patterns, globalU, nCandidates, nFirms * nRecords);
 */
export function fitFellegiSunter(
  comparisons: readonly Comparison[],
  patterns: PatternCounts,
  globalU: readonly (readonly number[])[],
  candidatePairs: number,
  allPairs: number,
  options: FitOptions = {},
): FellegiSunterModel {
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-9;
  const alpha = options.pseudoCount ?? 0.5;
  const K = comparisons.length;
  const n = patterns.counts.length;
  const fixedM = options.fixedM ?? new Map<number, readonly number[]>();
  const hold = (rows: number[][], fixed: (k: number) => readonly number[]) =>
    rows.map((row, k) => (fixedM.has(k) ? [...fixed(k)] : row));
  let m = hold(comparisons.map(initialM), (k) => fixedM.get(k) as readonly number[]);
  let u = hold(comparisons.map(candidateU), (k) => globalU[k]);
  let lambda = 0.3;
  const g = new Float64Array(n);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    for (let i = 0; i < n; i++) {
      let pm = lambda;
      let pu = 1 - lambda;
      for (let k = 0; k < K; k++) {
        const l = patterns.levels[k][i];
        if (l === comparisons[k].missing) continue;
        pm *= m[k][l];
        pu *= u[k][l];
      }
      g[i] = pm + pu > 0 ? pm / (pm + pu) : 0;
    }
    let matches = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      matches += g[i] * patterns.counts[i];
      total += patterns.counts[i];
    }
    const nextM = comparisons.map((c) => c.levels.map(() => 0));
    const nextU = comparisons.map((c) => c.levels.map(() => 0));
    for (let i = 0; i < n; i++) {
      const w = patterns.counts[i];
      for (let k = 0; k < K; k++) {
        const l = patterns.levels[k][i];
        if (l === comparisons[k].missing) continue;
        nextM[k][l] += g[i] * w;
        nextU[k][l] += (1 - g[i]) * w;
      }
    }
    const normalise = (rows: number[][], pseudo: number) =>
      rows.map((row, k) => {
        const present = row.map((x, l) => (l === comparisons[k].missing ? 0 : x + pseudo));
        const s = present.reduce((a, b) => a + b, 0);
        return present.map((x) => (s > 0 ? x / s : 0));
      });
    const mNew = hold(normalise(nextM, alpha), (k) => m[k]);
    const uNew = hold(normalise(nextU, alpha), (k) => u[k]);
    const lambdaNew = total > 0 ? matches / total : 0;
    let change = Math.abs(lambdaNew - lambda);
    for (let k = 0; k < K; k++)
      for (let l = 0; l < m[k].length; l++) change = Math.max(change, Math.abs(mNew[k][l] - m[k][l]));
    m = mNew;
    u = uNew;
    lambda = lambdaNew;
    if (change < tolerance) break;
  }
  const priorMatches = Math.max(lambda * candidatePairs, 1);
  const uAll = globalU.map((row) => [...row]);
  if (options.blocked) {
    const { index, tailShares } = options.blocked;
    const levels = comparisons[index].levels.length;
    const head = levels - tailShares.length;
    const nonMatches = comparisons[index].levels.map(() => 0);
    for (let i = 0; i < n; i++) nonMatches[patterns.levels[index][i]] += (1 - g[i]) * patterns.counts[i];
    const others = Math.max(allPairs - priorMatches, 1);
    let rest = 1;
    for (let l = 0; l < head; l++) {
      uAll[index][l] = (nonMatches[l] + alpha) / others;
      rest -= uAll[index][l];
    }
    const tail = tailShares.reduce((a, b) => a + b, 0);
    tailShares.forEach((share, j) => {
      uAll[index][head + j] = Math.max((rest * share) / tail, 1e-12);
    });
  }
  const weights = comparisons.map((c, k) =>
    c.levels.map((_, l) => (l === c.missing ? 0 : Math.log2(m[k][l] / Math.max(uAll[k][l], 1e-300)))),
  );
  const priorWeight = Math.log2(priorMatches / Math.max(allPairs - priorMatches, 1));
  return { m, u: uAll, weights, candidateMatchShare: lambda, priorWeight, iterations };
}

/**
 * Match probability of a total match weight (prior included).
 * @example matchProbability(0) // => 0.5
 */
export function matchProbability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}
