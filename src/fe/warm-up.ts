/**
 * JIT warm-up of the demeaning's hot loops. A thread's first large fit otherwise runs the Schur
 * solver's passes (schur-cg.ts, schur-sweep.ts) unoptimised until V8 compiles them mid-loop: on the
 * 1M-row simple design its first products took about three times as long as later ones. Solving a
 * small problem of the same shape first (three FE, the largest sorted, two small ones with a
 * cross-tabulation) lets V8 optimise them with the same type feedback.
 * Run by each demeaning worker after it reports ready, and by the calling thread when it starts the
 * workers (warmUpDemeanWorkers): work done while the data are read or generated.
 */
import { type DemeanMethod, demean } from "./demean.js";
import type { Factor } from "./factor.js";

/** Rows and repetitions of the warm-up problem (measured: about 60 ms cold, after which a first 1M-row solve ran at the speed of later ones). */
const ROWS = 20_000;
const ROUNDS = 3;

/**
 * Demean two columns of a synthetic panel by Schur-complement CG a few times (results discarded);
 * returns the method the last run used (the Schur path, unless that choice changes).
 * Unweighted only: the common case, whose type feedback a weighted run would dilute.
 * @example warmUpSolver(); // "schur-cg"
 */
export function warmUpSolver(): DemeanMethod | undefined {
  let seed = 7;
  const rand = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const factor = (name: string, levels: number, code: (i: number) => number): Factor => ({
    name,
    codes: Int32Array.from({ length: ROWS }, (_, i) => code(i)),
    levels,
  });
  // fixest's simple design in miniature: individuals over 10 years at random firms (23 per firm).
  const firms = Math.round(ROWS / 230);
  const factors = [
    factor("indiv", ROWS / 10, (i) => Math.floor(i / 10)),
    factor("firm", firms, () => Math.floor(rand() * firms)),
    factor("year", 10, (i) => i % 10),
  ];
  const cols = [0, 1].map(() => Float64Array.from({ length: ROWS }, () => rand() - 0.5));
  let method: DemeanMethod | undefined;
  for (let r = 0; r < ROUNDS; r++) method = demean(cols, factors, { method: "iterate" }).method;
  return method;
}
