/**
 * Deterministic Nelder–Mead minimisation of a function of a few parameters (the production-function
 * GMM criteria), with the standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½)
 * and a restart from the best point until a restart no longer improves it.
 */

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Initial simplex step along each axis (default 0.1). */
  readonly step?: number;
  /** Stop when the simplex's function values differ by less than this (default 1e-14). */
  readonly tol?: number;
  /** Maximum iterations per run (default 5000). */
  readonly maxIter?: number;
  /** Maximum restarts from the best point (default 5). */
  readonly restarts?: number;
}

/** Result of {@link nelderMead}. */
export interface NelderMeadResult {
  readonly x: readonly number[];
  readonly fx: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Minimise f from x0; non-finite values of f count as +∞ (so a bad region is avoided, not entered).
 * @example nelderMead(([a, b]) => (a - 1) ** 2 + (b + 2) ** 2, [0, 0]).x; // ≈ [1, −2]
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  opts: NelderMeadOptions = {},
): NelderMeadResult {
  const step = opts.step ?? 0.1;
  const tol = opts.tol ?? 1e-14;
  const maxIter = opts.maxIter ?? 5000;
  const restarts = opts.restarts ?? 5;
  if (!x0.length || x0.some((v) => !Number.isFinite(v))) {
    throw new Error(
      `nelderMead: the start must be a non-empty list of finite numbers, got [${x0.join(", ")}]`,
    );
  }
  const F = (x: readonly number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let best = { x: [...x0], fx: F(x0) };
  let total = 0;
  let converged = false;
  for (let r = 0; r <= restarts; r++) {
    const run = simplexRun(F, best.x, step, tol, maxIter);
    total += run.iterations;
    const improved = run.fx < best.fx - tol;
    if (run.fx <= best.fx) best = { x: run.x, fx: run.fx };
    converged = run.converged;
    if (!improved && r > 0) break;
  }
  return Object.freeze({ x: Object.freeze(best.x), fx: best.fx, iterations: total, converged });
}

function simplexRun(
  F: (x: readonly number[]) => number,
  start: readonly number[],
  step: number,
  tol: number,
  maxIter: number,
): { x: number[]; fx: number; iterations: number; converged: boolean } {
  const n = start.length;
  const pts: number[][] = [[...start]];
  for (let j = 0; j < n; j++) {
    const p = [...start];
    p[j] += step;
    pts.push(p);
  }
  const vals = pts.map(F);
  const along = (a: readonly number[], b: readonly number[], t: number) =>
    a.map((v, j) => v + t * (b[j] - v));
  let it = 0;
  for (; it < maxIter; it++) {
    // Order (stable: ties keep the earlier point first).
    const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b] || a - b);
    const P = order.map((i) => pts[i]);
    const V = order.map((i) => vals[i]);
    for (let i = 0; i <= n; i++) {
      pts[i] = P[i];
      vals[i] = V[i];
    }
    if (Math.abs(vals[n] - vals[0]) <= tol * (1 + Math.abs(vals[0]))) {
      return { x: pts[0], fx: vals[0], iterations: it, converged: true };
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += pts[i][j] / n;
    const worst = pts[n];
    const xr = along(centroid, worst, -1);
    const fr = F(xr);
    if (fr < vals[0]) {
      const xe = along(centroid, worst, -2);
      const fe = F(xe);
      if (fe < fr) {
        pts[n] = xe;
        vals[n] = fe;
      } else {
        pts[n] = xr;
        vals[n] = fr;
      }
      continue;
    }
    if (fr < vals[n - 1]) {
      pts[n] = xr;
      vals[n] = fr;
      continue;
    }
    const outside = fr < vals[n];
    const xc = along(centroid, outside ? xr : worst, 0.5);
    const fc = F(xc);
    if (fc < (outside ? fr : vals[n])) {
      pts[n] = xc;
      vals[n] = fc;
      continue;
    }
    for (let i = 1; i <= n; i++) {
      pts[i] = along(pts[0], pts[i], 0.5);
      vals[i] = F(pts[i]);
    }
  }
  let b = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[b]) b = i;
  return { x: pts[b], fx: vals[b], iterations: it, converged: false };
}
