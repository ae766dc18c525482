/**
 * Observations whose Poisson MLE is at infinity, removed before the fit as ppmlhdfe does (Correia,
 * Guimarães & Zylkin 2019, "Verifying the existence of maximum likelihood estimates for generalized
 * linear models"):
 * - fixed-effect groups whose outcome is all zero (their FE would be −∞; fixest's `fixef.rm`);
 * - separation by the regressors and FE together, found by the iterative rectifier ("ReLU") method:
 *   regress u on X and the FE with weight 1 where y = 0 and a large weight where y > 0, replace u by
 *   max(û, 0) on the zeros, and repeat; when û ≥ 0 on every zero, the zeros with û > 0 are separated
 *   (z = û is a certificate: z = Xγ + FE, z ≥ 0 where y = 0, z = 0 where y > 0).
 */
import { demean } from "../../fe/demean.js";
import type { Factor } from "../../fe/factor.js";
import { leastSquares } from "../../linalg/least-squares.js";

/**
 * Clear `keep` for rows of FE groups whose outcome is zero on every kept row; returns how many rows.
 * @example const n = dropAllZeroGroups([firm, year], y, keep);
 */
export function dropAllZeroGroups(factors: readonly Factor[], y: Float64Array, keep: Uint8Array): number {
  let dropped = 0;
  for (const f of factors) {
    const pos = new Uint8Array(f.levels);
    for (let i = 0; i < y.length; i++) if (keep[i] && y[i] > 0) pos[f.codes[i]] = 1;
    for (let i = 0; i < y.length; i++) {
      if (keep[i] && !pos[f.codes[i]]) {
        keep[i] = 0;
        dropped++;
      }
    }
  }
  return dropped;
}

/** The certificate is judged at 1e-5: demeaning to 1e-8 is ample and much cheaper than 1e-11. */
const DEMEAN_TOL = 1e-8;

export interface ReluOptions {
  /** A zero is separated when its certificate û exceeds this (ppmlhdfe's default 1e-4 scale). */
  readonly tol?: number;
  readonly maxIter?: number;
}

/**
 * Rows (indices into the inputs) separated by the regressors and FE, by the ReLU method; empty when
 * there is none. Throws if the method does not settle within `maxIter` iterations.
 * @example const sep = reluSeparation(y, [x1, x2], [firm], null);
 */
export function reluSeparation(
  y: Float64Array,
  x: readonly Float64Array[],
  factors: readonly Factor[],
  opts: ReluOptions = {},
): number[] {
  const n = y.length;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (y[i] === 0) zeros++;
  if (zeros === 0 || zeros === n) return [];
  const tol = opts.tol ?? 1e-5;
  const maxIter = opts.maxIter ?? 1000;
  // Large weight on the positive outcomes pins û to zero there.
  const big = Math.max(1e6, zeros * 1e3);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = y[i] > 0 ? big : 1;
  const ones = factors.length ? [] : [new Float64Array(n).fill(1)];
  const cols = [...ones, ...x];
  const xD = factors.length ? demean(cols, factors, { weights: w, tol: DEMEAN_TOL }).columns : cols;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = y[i] === 0 ? 1 : 0;
  for (let iter = 0; iter < maxIter; iter++) {
    const uD = factors.length ? demean([u], factors, { weights: w, tol: DEMEAN_TOL }).columns[0] : u;
    const ls = leastSquares(xD, uD, { weights: w });
    // Fitted û = u − residual (the residual of the demeaned regression equals the full one).
    let minZero = Number.POSITIVE_INFINITY;
    let maxAbsPos = 0;
    const fitted = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const f = u[i] - ls.resid[i];
      fitted[i] = f;
      if (y[i] === 0) minZero = Math.min(minZero, f);
      else maxAbsPos = Math.max(maxAbsPos, Math.abs(f));
    }
    if (minZero >= -tol * 0.1 && maxAbsPos <= tol) {
      const out: number[] = [];
      for (let i = 0; i < n; i++) if (y[i] === 0 && fitted[i] > tol) out.push(i);
      return out;
    }
    for (let i = 0; i < n; i++) u[i] = y[i] === 0 ? Math.max(fitted[i], 0) : 0;
  }
  throw new Error(
    `separation check (ReLU method) did not settle within ${maxIter} iterations; the Poisson estimates may not exist`,
  );
}
