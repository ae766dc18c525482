/**
 * The shared work queue of the parallel demeaning: threads claim columns until none is left. The
 * job's control words are [next column to claim, columns done, Schur layout state (0 being filled,
 * 1 ready, 2 failed)].
 */
import { type CgResult, CgWorkspace, cgDemean } from "./demean.js";
import type { DemeanJob } from "./demean-parallel.js";
import type { Factor } from "./factor.js";
import { FEProjector } from "./projector.js";
import { SchurSolver } from "./schur-cg.js";
import { schurDemean } from "./schur-demean.js";

/** Index of the Schur layout's state in the job's control words. */
export const LAYOUT_STATE = 2;

/**
 * How one thread demeans a column of a job: with the job's Schur layout (waiting until the thread
 * that posted the job has filled it) under cgDemean's criterion, Kaczmarz CG alone without one or if
 * filling it failed. The Kaczmarz projector and work vectors are made only if used.
 * @example runClaims(job, columnDemeaner(job, factors, null));
 */
export function columnDemeaner(
  job: DemeanJob,
  factors: readonly Factor[],
  weights: Float64Array | null,
): (x: Float64Array, j: number) => CgResult {
  let proj: FEProjector | null = null;
  const projector = () => {
    proj ??= new FEProjector(factors, weights);
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
        return schurDemean(solver, x, cg, (resume) => cgDemean(projector(), x, weights, { ...cg, resume }));
      }
    }
    return cgDemean(projector(), x, weights, cg);
  };
}

/**
 * Claim and process columns of a job until none is left; records each column's CG statistics.
 * @example runClaims(job, (x) => cgDemean(proj, x, null, { tol: 1e-11, maxIter: 10000 }));
 */
export function runClaims(job: DemeanJob, work: (x: Float64Array, j: number) => CgResult): void {
  const control = new Int32Array(job.control);
  const stats = new Float64Array(job.stats);
  for (;;) {
    const j = Atomics.add(control, 0, 1);
    if (j >= job.columns.length) break;
    const res = work(new Float64Array(job.columns[j]), j);
    stats[3 * j] = res.iterations;
    stats[3 * j + 1] = res.converged ? 1 : 0;
    stats[3 * j + 2] = res.reached;
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  }
}
