/**
 * The shared work queue of the parallel demeaning: threads claim columns until none is left. The
 * job's control words are [next column to claim, columns done, Schur layout state (0 being filled,
 * 1 ready, 2 failed)].
 */
import type { DemeanJob } from "./demean-parallel.js";
import { SchurSolver } from "./schur-cg.js";

/** Index of the Schur layout's state in the job's control words. */
export const LAYOUT_STATE = 2;

/**
 * The `start` of cgDemean for a job's Schur layout (undefined without one): waits until the thread
 * that posted the job has filled the layout; if that failed, starts nothing (Kaczmarz CG alone).
 * @example const start = schurStart(job); runClaims(job, (x, j) => cgDemean(proj, x, null, 1e-11, 10000, undefined, undefined, start));
 */
export function schurStart(job: DemeanJob): ((x: Float64Array, target: number) => number) | undefined {
  if (!job.schur) return undefined;
  const solver = new SchurSolver(job.schur);
  const control = new Int32Array(job.control);
  return (x, target) => {
    while (Atomics.load(control, LAYOUT_STATE) === 0) Atomics.wait(control, LAYOUT_STATE, 0, 1000);
    return Atomics.load(control, LAYOUT_STATE) === 1 ? solver.start(x, target) : 0;
  };
}

/**
 * Claim and process columns of a job until none is left; records each column's CG statistics.
 * @example runClaims(job, (x) => cgDemean(proj, x, null, 1e-11, 10000, undefined));
 */
export function runClaims(
  job: DemeanJob,
  work: (x: Float64Array, j: number) => { iterations: number; converged: boolean; reached: number },
): void {
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
