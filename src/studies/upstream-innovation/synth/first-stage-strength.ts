/**
 * The scale of the robot-share noise that gives the first stage a set strength. The first stage
 * regresses robot on us_robot with firm and year effects, clustered by city × year, and its noise is
 * at the city-year level, so its Wald statistic is about
 *   π²·(Σ_it z̈_it²)² / Σ_c σ_c²·(Σ_{i∈c} z̈_it)²,
 * where z̈_it is the instrument net of firm and year effects over the upstream makers' ASIE
 * firm-years, and c a city-year with noise s.d. σ_c. It depends on the realised instrument and spells, so
 * a common noise scale would let the strength swing with the seed; the scale k is set instead so that
 * this statistic equals a target. k depends only on the instrument, the firms' cities and spells and
 * the target shares — never on the noise draws — so the noise stays mean-zero given the instrument.
 */
import { type Firms, inAsie } from "./firms.js";

/** Inputs of {@link noiseScaleFor}. */
export interface StrengthInputs {
  /** Σ_it z̈_it² over the upstream makers' firm-years. */
  readonly signal: number;
  /** Σ_{i∈c} z̈_it by city-year (city-major, J × T). */
  readonly clusterSum: Float64Array;
  readonly years: number;
  /** Noise s.d. of each city's share at k = 1. */
  readonly unitSd: readonly number[];
  /** Largest k each city's share has room for (k is capped there). */
  readonly maxScale: readonly number[];
  /** Common first-stage slope. */
  readonly slope: number;
  /** Target value of the statistic. */
  readonly target: number;
}

/** Alternating demeaning rounds (firm and year effects of an unbalanced panel). */
const SWEEPS = 30;

/**
 * The signal and cluster sums of the upstream makers' firm-years for the instrument `zt` (city-major
 * J × T), net of firm and year effects on those firm-years (alternating projections).
 * @example const { signal, clusterSum } = spellSums(firms, zt, years);
 */
export function spellSums(
  firms: Firms,
  zt: Float64Array,
  years: readonly number[],
): { signal: number; clusterSum: Float64Array } {
  const T = years.length;
  const firm: number[] = [];
  const cell: number[] = [];
  for (let i = 0; i < firms.n; i++) {
    if (firms.kind[i] !== "upstream") continue;
    years.forEach((y, t) => {
      if (inAsie(firms, i, y)) {
        firm.push(i);
        cell.push(firms.city[i] * T + t);
      }
    });
  }
  const x = Float64Array.from(cell, (c) => zt[c]);
  const sweep = (group: (r: number) => number, groups: number) => {
    const sum = new Float64Array(groups);
    const count = new Float64Array(groups);
    x.forEach((v, r) => {
      sum[group(r)] += v;
      count[group(r)] += 1;
    });
    x.forEach((v, r) => {
      x[r] = v - sum[group(r)] / count[group(r)];
    });
  };
  for (let s = 0; s < SWEEPS; s++) {
    sweep((r) => firm[r], firms.n);
    sweep((r) => cell[r] % T, T);
  }
  const clusterSum = new Float64Array(zt.length);
  let signal = 0;
  x.forEach((v, r) => {
    signal += v * v;
    clusterSum[cell[r]] += v;
  });
  return { signal, clusterSum };
}

/**
 * The statistic for a noise scale k.
 * @example firstStageStrength(inputs, 1);
 */
export function firstStageStrength(inp: StrengthInputs, k: number): number {
  const T = inp.years;
  let noise = 0;
  inp.maxScale.forEach((m, j) => {
    const sd = Math.min(k, m) * inp.unitSd[j];
    for (let t = 0; t < T; t++) noise += sd * sd * inp.clusterSum[j * T + t] ** 2;
  });
  return (inp.slope ** 2 * inp.signal * inp.signal) / noise;
}

/**
 * The noise scale k at which {@link firstStageStrength} equals the target (bounded to [0.05, 20]).
 * @example const k = noiseScaleFor(inputs);
 */
export function noiseScaleFor(inp: StrengthInputs): number {
  let lo = 0.05;
  let hi = 20;
  if (firstStageStrength(inp, hi) >= inp.target) return hi;
  if (firstStageStrength(inp, lo) <= inp.target) return lo;
  for (let it = 0; it < 60; it++) {
    const mid = Math.sqrt(lo * hi);
    if (firstStageStrength(inp, mid) > inp.target) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}
