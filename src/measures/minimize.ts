/**
 * Deterministic one-dimensional minimisation: a grid over a bracket (widened while the best grid
 * point sits on an edge) followed by Brent's method (golden section with parabolic steps) around
 * the best grid point.
 */

/** Options of {@link minimizeScalar}. */
export interface MinimizeOptions {
  /** Grid points over the bracket (default 61). */
  readonly gridPoints?: number;
  /** Absolute tolerance on x for Brent's method (default 1e-10). */
  readonly tol?: number;
  /** How many times the bracket may be widened when the minimum is on its edge (default 8). */
  readonly maxWiden?: number;
}

/** Result of {@link minimizeScalar}. */
export interface MinimizeResult {
  readonly x: number;
  readonly fx: number;
  /** Number of function evaluations. */
  readonly evaluations: number;
}

/**
 * Minimise f over the real line starting from the bracket [lo, hi]. Non-finite values of f count
 * as +∞. The grid's first minimal point wins ties, so the result is deterministic. Throws when the
 * minimum still lies on the bracket edge after the allowed widenings.
 * @example minimizeScalar((x) => (x - 0.3) ** 2, -1, 2).x; // 0.3
 */
export function minimizeScalar(
  f: (x: number) => number,
  lo: number,
  hi: number,
  opts: MinimizeOptions = {},
): MinimizeResult {
  const G = opts.gridPoints ?? 61;
  const tol = opts.tol ?? 1e-10;
  const maxWiden = opts.maxWiden ?? 8;
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new Error(`minimizeScalar: the bracket must be finite with lo < hi, got [${lo}, ${hi}]`);
  }
  let evals = 0;
  const F = (x: number): number => {
    evals++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let a = lo;
  let b = hi;
  for (let widen = 0; ; widen++) {
    const step = (b - a) / (G - 1);
    let best = 0;
    let fbest = Number.POSITIVE_INFINITY;
    for (let j = 0; j < G; j++) {
      const v = F(a + j * step);
      if (v < fbest) {
        fbest = v;
        best = j;
      }
    }
    if (fbest === Number.POSITIVE_INFINITY) {
      throw new Error(`minimizeScalar: the objective is not finite anywhere on [${a}, ${b}]`);
    }
    const atEdge = best === 0 || best === G - 1;
    if (atEdge && widen < maxWiden) {
      const width = b - a;
      if (best === 0) {
        b = a + step;
        a -= width;
      } else {
        a = b - step;
        b += width;
      }
      continue;
    }
    if (atEdge) {
      throw new Error(
        `minimizeScalar: the minimum is still on the edge of [${a}, ${b}] after ${maxWiden} widenings; ` +
          `the objective may have no interior minimum`,
      );
    }
    const r = brent(F, a + (best - 1) * step, a + best * step, a + (best + 1) * step, fbest, tol);
    return { x: r.x, fx: r.fx, evaluations: evals };
  }
}

const CGOLD = 0.381966011250105; // (3 − √5) / 2

/** Brent's minimiser on [a, c] starting from b with f(b) = fb ≤ f(a), f(c). */
function brent(
  f: (x: number) => number,
  a0: number,
  b0: number,
  c0: number,
  fb: number,
  tol: number,
): { x: number; fx: number } {
  let a = Math.min(a0, c0);
  let b = Math.max(a0, c0);
  let x = b0;
  let w = b0;
  let v = b0;
  let fx = fb;
  let fw = fb;
  let fv = fb;
  let d = 0;
  let e = 0;
  for (let iter = 0; iter < 200; iter++) {
    const xm = 0.5 * (a + b);
    const tol1 = tol + 1e-12 * Math.abs(x);
    const tol2 = 2 * tol1;
    if (Math.abs(x - xm) <= tol2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      // Parabola through (v, fv), (w, fw), (x, fx).
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      const eOld = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * eOld) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = xm >= x ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x >= xm ? a - x : b - x;
      d = CGOLD * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
    const fu = f(u);
    if (fu <= fx) {
      if (u >= x) a = x;
      else b = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, fx };
}
