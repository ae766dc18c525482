/**
 * Absorb fixed effects: replace each column by its residual from the (weighted) projection on the FE
 * dummies. One FE is exact in one pass. With more, the method is chosen per problem: a direct solve
 * (direct-solver.ts) when the FE graph is sparse and banded enough for a cheap factorisation (poorly
 * connected designs, where iterating is slow), else conjugate gradients on the symmetric Kaczmarz
 * operator (see projector.ts). The direct solution then goes through the same CG convergence test
 * (and CG polishes it if needed), so both methods meet the same criterion.
 *
 * Convergence criterion (documented, as reghdfe/fixest document theirs): CG stops when the norm of its
 * residual (I − T)ỹ is at most `tol` times the norm of the column's starting residual (I − T)y, or
 * when that residual is below 1e-15·‖y‖. Not converging within `maxIter` iterations is reported as a
 * warning with the tolerance reached, never silently.
 */
import { type DirectPlan, planDirect } from "./direct-solver.js";
import type { Factor } from "./factor.js";
import { type CgStep, FEProjector } from "./projector.js";
import { SchurSolver, schurLayout } from "./schur-cg.js";
import { schurDemean } from "./schur-demean.js";

/**
 * How the fixed effects were absorbed: one FE exactly, a direct solve (then CG polish), CG on the
 * largest FE's Schur complement (then CG polish), or CG on the Kaczmarz sweep alone.
 */
export type DemeanMethod = "exact" | "direct" | "schur-cg" | "cg";

export interface DemeanOptions {
  readonly tol?: number;
  readonly maxIter?: number;
  readonly weights?: Float64Array | null;
  /**
   * "auto" (default): a direct solve when cheap, else CG on the Schur complement; "iterate": the
   * Schur-complement CG without trying the direct plan (the caller already found none); "cg":
   * Kaczmarz CG only.
   */
  readonly method?: "auto" | "iterate" | "cg";
  /**
   * Per column, an absolute target for the residual norm instead of `tol` × the starting residual:
   * lets a caller warm-start (pass a column already nearly demeaned, e.g. last IRLS step's result)
   * without over-solving. Stopping when the residual is at most max(target, 1e-15·‖x‖).
   */
  readonly targets?: readonly number[];
  /** Called after each iteration with (iteration, worst relative residual) — for progress display. */
  readonly onIteration?: (iter: number, worst: number) => void;
}

export interface DemeanResult {
  readonly columns: Float64Array[];
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest relative residual reached over the columns. */
  readonly reachedTol: number;
  /** Method used (absent on results made before methods were chosen). */
  readonly method?: DemeanMethod;
}

/** Default convergence tolerance of the CG demeaning. */
export const DEFAULT_DEMEAN_TOL = 1e-11;

/**
 * Demean columns (copies; the inputs are not modified) by the given factors.
 * @example const { columns: [yd, xd] } = demean([y, x], [firm, year]);
 */
export function demean(
  columns: readonly Float64Array[],
  factors: readonly Factor[],
  opts: DemeanOptions = {},
): DemeanResult {
  return demeanWith(columns, factors, opts, chooseDirect(columns, factors, opts));
}

/**
 * The direct plan when the options allow it and the problem suits it (see direct-solver.ts), else null.
 * @example const plan = chooseDirect([y], [worker, firm, year], {});
 */
export function chooseDirect(
  columns: readonly Float64Array[],
  factors: readonly Factor[],
  opts: DemeanOptions,
): DirectPlan | null {
  if (opts.method === "cg" || opts.method === "iterate" || factors.length < 2 || !columns.length) return null;
  return planDirect(factors, opts.weights ?? null);
}

/**
 * {@link demean} with the direct plan already made (or null: CG on the Schur complement, unless
 * `opts.method` is "cg").
 * @example const res = demeanWith([y], [worker, firm], {}, planDirect([worker, firm], null));
 */
export function demeanWith(
  columns: readonly Float64Array[],
  factors: readonly Factor[],
  opts: DemeanOptions,
  plan: DirectPlan | null,
): DemeanResult {
  const out = columns.map((c) => Float64Array.from(c));
  if (!factors.length || !out.length)
    return { columns: out, iterations: 0, converged: true, reachedTol: 0, method: "exact" };
  // The Kaczmarz projector is made only if used (its level weights cost a pass per FE).
  let projector: FEProjector | null = null;
  const proj = () => {
    projector ??= new FEProjector(factors, opts.weights ?? null);
    return projector;
  };
  if (factors.length === 1) {
    for (const x of out) proj().demeanOne(x);
    return { columns: out, iterations: 1, converged: true, reachedTol: 0, method: "exact" };
  }
  const tol = opts.tol ?? DEFAULT_DEMEAN_TOL;
  const maxIter = opts.maxIter ?? 10_000;
  let iterations = 0;
  let worst = 0;
  let converged = true;
  const w = opts.weights ?? null;
  // One set of work vectors for all the columns (each is as long as the data, made when first used).
  const work = new CgWorkspace(out[0].length);
  const schur = !plan && opts.method !== "cg" ? new SchurSolver(schurLayout(factors, w)) : null;
  const start = plan ? directStart(plan) : undefined;
  for (const [j, x] of out.entries()) {
    const cg: CgOptions = { tol, maxIter, onIteration: opts.onIteration, absTarget: opts.targets?.[j], work };
    const res = schur
      ? schurDemean(schur, x, cg, (resume) => cgDemean(proj(), x, w, { ...cg, resume }))
      : cgDemean(proj(), x, w, { ...cg, start });
    if (!res.converged) converged = false;
    worst = Math.max(worst, res.reached);
    iterations = Math.max(iterations, res.iterations);
  }
  const method = plan ? "direct" : schur ? "schur-cg" : "cg";
  return { columns: out, iterations, converged, reachedTol: worst, method };
}

/** A direct plan as the start of {@link cgDemean} (no iterations of its own). */
function directStart(plan: DirectPlan): (x: Float64Array) => number {
  return (x) => {
    plan.residualize(x);
    return 0;
  };
}

/**
 * The work vectors of {@link cgDemean}, reusable from column to column, each allocated when first
 * used (a Schur solve that meets the criterion needs none; a direct solve's start needs only r).
 * @example const work = new CgWorkspace(x.length); cgDemean(proj, x, null, { tol: 1e-11, maxIter: 100, work });
 */
export class CgWorkspace {
  private rBuf: Float64Array | null = null;
  private pAp: [Float64Array, Float64Array] | null = null;
  constructor(readonly n: number) {}
  /** The residual buffer. */
  get r(): Float64Array {
    this.rBuf ??= new Float64Array(this.n);
    return this.rBuf;
  }
  /** The search direction p and A·p buffers. */
  directions(): [Float64Array, Float64Array] {
    this.pAp ??= [new Float64Array(this.n), new Float64Array(this.n)];
    return this.pAp;
  }
}

/** Options of {@link cgDemean}. */
export interface CgOptions {
  readonly tol: number;
  readonly maxIter: number;
  readonly onIteration?: DemeanOptions["onIteration"];
  /** The stopping rule's absolute residual norm instead of tol × the starting one. */
  readonly absTarget?: number;
  /** A solver applied first (a warm start): receives the absolute target, returns its iterations. */
  readonly start?: (x: Float64Array, target: number) => number;
  readonly work?: CgWorkspace;
  /** Continue a column that another solver has started (schur-demean.ts); no start is applied. */
  readonly resume?: CgResume;
}

/** Where {@link cgDemean} resumes: the column's original residual norm, the target, the iterations so far. */
export interface CgResume {
  readonly r0: number;
  readonly target: number;
  readonly iterations: number;
}

/** What {@link cgDemean} reports for one column. */
export interface CgResult {
  readonly iterations: number;
  readonly converged: boolean;
  /** ‖(I − T)x̃‖ / ‖(I − T)x‖ reached. */
  readonly reached: number;
}

/**
 * Conjugate gradients on (I − T)d = (I − T)x, updating x ← x − d in place. With `start`, x is first
 * replaced by that solver's residual (a warm start) and CG continues from there; the target stays
 * relative to the original column's residual (I − T)x, so the criterion does not depend on the start.
 * The start receives the absolute target and returns its own iteration count (added to CG's).
 * With `absTarget`, the stopping rule is that absolute residual norm instead of tol × the starting one.
 * @example const stats = cgDemean(new FEProjector([firm, year], null), x, null, { tol: 1e-11, maxIter: 10000 });
 */
export function cgDemean(
  proj: FEProjector,
  x: Float64Array,
  w: Float64Array | null,
  opts: CgOptions,
): CgResult {
  const { tol, maxIter, onIteration, absTarget, start, resume } = opts;
  const work = opts.work ?? new CgWorkspace(x.length);
  // r = (I − T) x
  const r = work.r;
  let rr = proj.residualInto(x, r);
  if (resume) return iterate(proj, x, w, work, { ...resume, rr }, maxIter, onIteration);
  const yNorm = Math.sqrt(proj.dot(x, x));
  const r0 = Math.sqrt(rr);
  const target = Math.max(absTarget ?? tol * r0, 1e-15 * yNorm);
  // The start (a direct or Schur-complement solve) is applied again while it still reduces the
  // residual (at most twice): this removes its rounding error without CG's two further work vectors.
  // Its own iterations (if it reports any) count with CG's.
  let startIter = 0;
  for (let k = 0; start && k < 2 && Math.sqrt(rr) > target; k++) {
    const before = rr;
    startIter += start(x, target);
    rr = proj.residualInto(x, r);
    if (!(rr < 0.25 * before)) break;
  }
  return iterate(proj, x, w, work, { r0, target, iterations: startIter, rr }, maxIter, onIteration);
}

/** CG from x, its residual r = (I − T)x in `work.r` with squared norm `from.rr`, until the target. */
function iterate(
  proj: FEProjector,
  x: Float64Array,
  w: Float64Array | null,
  work: CgWorkspace,
  from: CgResume & { readonly rr: number },
  maxIter: number,
  onIteration: DemeanOptions["onIteration"],
): CgResult {
  const { r0, target, iterations: startIter } = from;
  let rr = from.rr;
  const r = work.r;
  let iter = 0;
  if (!(Math.sqrt(rr) > target && iter < maxIter)) {
    const reached = r0 > 0 ? Math.sqrt(rr) / r0 : 0;
    return { iterations: startIter, converged: Math.sqrt(rr) <= target, reached };
  }
  const [p, ap] = work.directions();
  p.set(r);
  // Each step's updates x ← x − αp and p ← r + βp are fused into the next product's first pass
  // (one pass fewer per iteration, same arithmetic); the last x update is applied after the loop.
  let step: CgStep | undefined;
  while (Math.sqrt(rr) > target && iter < maxIter) {
    const pap = proj.applyIminusT(p, ap, step);
    step = undefined;
    if (!(pap > 0)) break;
    const alpha = rr / pap;
    const rrNew = w ? updateResidualWeighted(alpha, ap, r, w) : updateResidual(alpha, ap, r);
    const beta = rrNew / rr;
    rr = rrNew;
    step = { x, r, alpha, beta };
    iter++;
    onIteration?.(iter, r0 > 0 ? Math.sqrt(rr) / r0 : 0);
  }
  if (step) for (let i = 0; i < x.length; i++) x[i] -= step.alpha * p[i];
  const reached = r0 > 0 ? Math.sqrt(rr) / r0 : 0;
  return { iterations: startIter + iter, converged: Math.sqrt(rr) <= target, reached };
}

/** r ← r − α·ap, returning r'r (one pass). */
function updateResidual(alpha: number, ap: Float64Array, r: Float64Array): number {
  let rr = 0;
  for (let i = 0; i < r.length; i++) {
    const ri = r[i] - alpha * ap[i];
    r[i] = ri;
    rr += ri * ri;
  }
  return rr;
}

/** As {@link updateResidual}, returning r'Wr. */
function updateResidualWeighted(alpha: number, ap: Float64Array, r: Float64Array, w: Float64Array): number {
  let rr = 0;
  for (let i = 0; i < r.length; i++) {
    const ri = r[i] - alpha * ap[i];
    r[i] = ri;
    rr += w[i] * ri * ri;
  }
  return rr;
}
