/**
 * One column demeaned by CG on the Schur complement (schur-cg.ts) under cgDemean's criterion
 * (demean.ts): ‖(I − T)x̃‖ at most max(tol·‖(I − T)x‖, 1e-15·‖x‖), the solve applied again (at most
 * twice) while it still reduces that residual by 4, then Kaczmarz CG if the target is still missed.
 *
 * The criterion is measured in coefficient space (schur-sweep.ts) from the summaries the solver's
 * own passes make, not by the row-space product (I − T)x: before the solve from its right-hand-side
 * pass, after it from its residual pass, a few passes over the layout's codes each instead of six
 * over the column. The solves, and so the demeaned column, are the same as with the row-space test;
 * only the measured residual differs, by rounding. Kaczmarz CG, when needed, resumes from the same
 * starting residual and target, and measures in row space as before.
 */
import type { CgOptions, CgResult, CgResume } from "./demean.js";
import type { SchurSolver } from "./schur-cg.js";

/** The starting point handed to Kaczmarz CG when the Schur solves miss the target. */
export type Resume = CgResume;

/**
 * Demean x in place with the Schur solver, then `polish` (Kaczmarz CG resuming) if the target is missed.
 * @example const res = schurDemean(solver, x, { tol: 1e-11, maxIter: 1e4 }, (resume) => cgDemean(proj, x, null, { tol: 1e-11, maxIter: 1e4, resume }));
 */
export function schurDemean(
  solver: SchurSolver,
  x: Float64Array,
  opts: Pick<CgOptions, "tol" | "absTarget">,
  polish: (resume: Resume) => CgResult,
): CgResult {
  const { ss, rr: rr0 } = solver.load(x);
  const r0 = Math.sqrt(rr0);
  const target = Math.max(opts.absTarget ?? opts.tol * r0, 1e-15 * Math.sqrt(ss));
  let rr = rr0;
  let iterations = 0;
  for (let k = 0; k < 2 && Math.sqrt(rr) > target; k++) {
    const before = rr;
    rr = solver.solve(target);
    iterations += solver.iterations;
    if (!(rr < 0.25 * before)) break;
  }
  solver.store(x);
  if (Math.sqrt(rr) <= target)
    return { iterations, converged: true, reached: r0 > 0 ? Math.sqrt(rr) / r0 : 0 };
  return polish({ r0, target, iterations });
}
