/**
 * The shared work queue of the parallel demeaning: threads claim columns until none is left. The
 * job's control words are [next column to claim, columns done, Schur layout state (0 being filled,
 * 1 ready, 2 failed)]. A thread without the factors' codes (the worker, when value-coded factors
 * were not materialised for it) leaves a column that needs Kaczmarz CG to the posting thread,
 * recorded in the column's statistics with where to resume.
 */
import { type CgResult, CgWorkspace, cgDemean } from "./demean.js";
import type { DemeanJob } from "./demean-parallel.js";
import type { Factor } from "./factor.js";
import { FEProjector } from "./projector.js";
import { SchurSolver } from "./schur-cg.js";
import { type Resume, schurDemean } from "./schur-demean.js";

/** Index of the Schur layout's state in the job's control words. */
export const LAYOUT_STATE = 2;

/**
 * Doubles per column in the job's statistics: iterations, converged (0/1), relative residual
 * reached, left unfinished (0/1), and for an unfinished column the r0 and target to resume from
 * (NaN: start afresh).
 */
export const STATS_PER_COLUMN = 6;

/** A column a thread could not finish (no codes for Kaczmarz CG): where to resume, or null to start afresh. */
export interface Unfinished {
  readonly unfinished: Resume | null;
}

/**
 * How one thread demeans a column of a job: with the job's Schur layout (waiting until the thread
 * that posted the job has filled it) under cgDemean's criterion, Kaczmarz CG alone without one or if
 * filling it failed. The Kaczmarz projector and work vectors are made only if used; with `factors`
 * null (no codes on this thread) a column that needs them is left {@link Unfinished}.
 * @example runClaims(job, columnDemeaner(job, factors, null));
 */
export function columnDemeaner(
  job: DemeanJob,
  factors: readonly Factor[] | null,
  weights: Float64Array | null,
): (x: Float64Array, j: number) => CgResult | Unfinished {
  let proj: FEProjector | null = null;
  const projector = (f: readonly Factor[]) => {
    proj ??= new FEProjector(f, weights);
    return proj;
  };
  const work = new CgWorkspace(job.columns[0].byteLength / 8);
  const control = new Int32Array(job.control);
  let solver: SchurSolver | null = null;
  return (x, j) => {
    const cg = { tol: job.tol, maxIter: job.maxIter, absTarget: job.targets?.[j] ?? undefined, work };
    if (job.schur) {
      while (Atomics.load(control, LAYOUT_STATE) === 0) Atomics.wait(control, LAYOUT_STATE, 0, 1000);
      if (Atomics.load(control, LAYOUT_STATE) === 1) {
        solver ??= new SchurSolver(job.schur);
        let left: Resume | null = null;
        const res = schurDemean(solver, x, cg, (resume) => {
          if (factors) return cgDemean(projector(factors), x, weights, { ...cg, resume });
          left = resume;
          return { iterations: resume.iterations, converged: false, reached: Number.NaN };
        });
        return left ? { unfinished: left } : res;
      }
    }
    if (!factors) return { unfinished: null };
    return cgDemean(projector(factors), x, weights, cg);
  };
}

/**
 * Claim and process columns of a job until none is left; records each column's CG statistics.
 * @example runClaims(job, (x) => cgDemean(proj, x, null, { tol: 1e-11, maxIter: 10000 }));
 */
export function runClaims(job: DemeanJob, work: (x: Float64Array, j: number) => CgResult | Unfinished): void {
  const control = new Int32Array(job.control);
  const stats = new Float64Array(job.stats);
  for (;;) {
    const j = Atomics.add(control, 0, 1);
    if (j >= job.columns.length) break;
    const res = work(new Float64Array(job.columns[j]), j);
    const at = STATS_PER_COLUMN * j;
    if ("unfinished" in res) {
      const r = res.unfinished;
      stats.set([r?.iterations ?? 0, 0, Number.NaN, 1, r?.r0 ?? Number.NaN, r?.target ?? Number.NaN], at);
    } else stats.set([res.iterations, res.converged ? 1 : 0, res.reached, 0, 0, 0], at);
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  }
}

/**
 * On the posting thread once every column is claimed and done: Kaczmarz CG on the columns left
 * unfinished (resumed where the Schur solves stopped, or afresh), statistics updated.
 * @example finishColumns(job, factors, null);
 */
export function finishColumns(
  job: DemeanJob,
  factors: readonly Factor[],
  weights: Float64Array | null,
): void {
  const stats = new Float64Array(job.stats);
  let proj: FEProjector | null = null;
  let work: CgWorkspace | null = null;
  job.columns.forEach((buf, j) => {
    const at = STATS_PER_COLUMN * j;
    if (!stats[at + 3]) return;
    proj ??= new FEProjector(factors, weights);
    work ??= new CgWorkspace(buf.byteLength / 8);
    const r0 = stats[at + 4];
    const resume = Number.isNaN(r0) ? undefined : { r0, target: stats[at + 5], iterations: stats[at] };
    const cg = { tol: job.tol, maxIter: job.maxIter, absTarget: job.targets?.[j] ?? undefined, work, resume };
    const res = cgDemean(proj, new Float64Array(buf), weights, cg);
    stats.set([res.iterations, res.converged ? 1 : 0, res.reached, 0, 0, 0], at);
  });
}
