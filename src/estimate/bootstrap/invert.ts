/**
 * p-values and confidence intervals from the WCR draws (boottest's conventions):
 * - the symmetric two-sided p-value: the share of draws with |t*| > |t|, where t = (β̂ − h)/SE with
 *   the model's cluster-robust SE and t* uses the same VCOV formula and finite-sample factor on each
 *   draw (the factor cancels in p, so p does not depend on the small-sample convention). Ties (|t*|
 *   equal to |t| up to 1e-12 relative, e.g. the draw v = 1, which reproduces the data) do not count;
 * - the interval by test inversion: {h : p(h) ≥ 1 − level}, searched outward from β̂ on a widening grid
 *   of SE multiples, each end then located by bisection on the draws (the same draws for every h, as
 *   boottest) to 1e-12 of the SE. An end not reached within 10⁶ SEs is unbounded (null).
 */
import type { WcrDraws } from "./wcr.js";

const TIE = 1e-12;

/**
 * The symmetric bootstrap p-value of H0 β_j = h.
 * @example const p = wcrPValue(draws, 0);
 */
export function wcrPValue(d: WcrDraws, h: number): number {
  const t = Math.abs(d.estimate - h) / d.se;
  const bound = t * (1 + TIE);
  let count = 0;
  for (let b = 0; b < d.reps; b++) {
    const num = d.n0[b] - h * d.n1[b];
    const den2 = d.ssc * (d.q00[b] - 2 * h * d.q01[b] + h * h * d.q11[b]);
    if (!(den2 > 0)) continue;
    if (Math.abs(num) > bound * Math.sqrt(den2)) count++;
  }
  return count / d.reps;
}

/**
 * The bootstrap t statistic of H0 β_j = h (the model's cluster-robust t).
 * @example wcrT(draws, 0);
 */
export function wcrT(d: WcrDraws, h: number): number {
  return (d.estimate - h) / d.se;
}

const GRID = [0.25, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 300, 1e3, 1e4, 1e5, 1e6];

/**
 * The confidence interval by inverting the bootstrap test; an unbounded end is null.
 * @example const [lo, hi] = wcrInterval(draws, 0.95);
 */
export function wcrInterval(d: WcrDraws, level = 0.95): [number | null, number | null] {
  const alpha = 1 - level;
  const inside = (h: number) => wcrPValue(d, h) >= alpha;
  const end = (dir: 1 | -1): number | null => {
    let inH = d.estimate;
    for (const m of GRID) {
      const h = d.estimate + dir * m * d.se;
      if (!inside(h)) {
        let outH = h;
        for (let it = 0; it < 200 && Math.abs(outH - inH) > 1e-12 * d.se; it++) {
          const mid = (inH + outH) / 2;
          if (inside(mid)) inH = mid;
          else outH = mid;
        }
        return (inH + outH) / 2;
      }
      inH = h;
    }
    return null;
  };
  return [end(-1), end(1)];
}
