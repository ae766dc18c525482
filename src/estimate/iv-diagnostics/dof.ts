/**
 * ivreg2's degrees-of-freedom conventions for turning Wald χ² statistics into F statistics.
 */
import type { Setup } from "./setup.js";

/**
 * A Wald χ² as ivreg2 turns it into an F with `df1` numerator degrees of freedom: large-sample
 * χ²/(N−dofminus)·(N−L−dofminus−sdofminus)/df1, or under clustering χ²/(N−1)·(N−L−sdofminus)·(G−1)/G/df1.
 * @example const f = waldToF(s, 35.27, 1); // 35.196 on Card's 3010 rows
 */
export function waldToF(s: Setup, chi2: number, df1: number): number {
  if (s.nClust !== null) {
    const g = s.nClust;
    return ((chi2 / (s.N - 1)) * (s.N - s.L - s.sdofminus) * (g - 1)) / g / df1;
  }
  return ((chi2 / (s.N - s.dofminus)) * (s.N - s.L - s.dofminus - s.sdofminus)) / df1;
}

/**
 * Denominator degrees of freedom of ivreg2's first-stage and Anderson–Rubin F tests: G−1 under
 * clustering, else N−L−dofminus−sdofminus.
 * @example const df2 = fDenominatorDf(s);
 */
export function fDenominatorDf(s: Setup): number {
  return s.nClust !== null ? s.nClust - 1 : s.N - s.L - s.dofminus - s.sdofminus;
}

/**
 * ivreg2's partial R² from a classical Wald statistic W: (W/(N−dofminus)) / (1 + W/(N−dofminus)).
 * @example partialR2(setup, 35.27); // 0.01158 on Card
 */
export function partialR2(s: Setup, classicalWald: number): number {
  const r = classicalWald / (s.N - s.dofminus);
  return r / (1 + r);
}
