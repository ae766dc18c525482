/** The shared work queue of the parallel demeaning: threads claim columns until none is left. */
import type { DemeanJob } from "./demean-parallel.js";

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
