/**
 * The homoskedastic identification statistics from the smallest canonical correlation r: Anderson's
 * canonical-correlation LM (N−dofminus)·r² (underidentification) and the Cragg–Donald Wald F
 * r²/(1−r²)·(N−L−dofminus−sdofminus)/L1 (weak identification).
 */
import type { CanonicalDecomposition } from "./canonical-correlations.js";
import type { Setup } from "./setup.js";

/**
 * Anderson canonical-correlation LM statistic.
 * @example andersonLM(setup, cd); // 34.86 on Card (educ instrumented by nearc4)
 */
export function andersonLM(s: Setup, cd: CanonicalDecomposition): number {
  const r = cd.cc[s.K1 - 1];
  return (s.N - s.dofminus) * r * r;
}

/**
 * Cragg–Donald Wald F statistic.
 * @example craggDonaldF(setup, cd); // 35.20 on Card
 */
export function craggDonaldF(s: Setup, cd: CanonicalDecomposition): number {
  const r2 = cd.cc[s.K1 - 1] ** 2;
  return ((r2 / (1 - r2)) * (s.N - s.sdofminus - s.L - s.dofminus)) / s.L1;
}
