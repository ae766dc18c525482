/**
 * Demeaning on several threads: columns are independent, so they are shared with a persistent
 * worker thread through SharedArrayBuffers and claimed one at a time by whichever thread is free. The
 * calling thread works too and waits synchronously (Atomics.wait) for columns claimed by the worker,
 * so `feols` stays synchronous. Each column is computed by the same code whichever thread takes it,
 * so results are identical with or without threads. If no worker can be started (e.g. under a test
 * runner that cannot load it), the calling thread simply does every column.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  chooseDirect,
  type DemeanOptions,
  type DemeanResult,
  DEFAULT_DEMEAN_TOL,
  demeanWith,
} from "./demean.js";
import { columnDemeaner, finishColumns, LAYOUT_STATE, runClaims, STATS_PER_COLUMN } from "./demean-claims.js";
import type { Factor } from "./factor.js";
import { allocateSchur, fillSchur, type SchurLayout } from "./schur-cg.js";

/** A demeaning job as sent to the worker (all buffers shared). */
export interface DemeanJob {
  /**
   * Each factor's codes, or null for a value-coded factor (fe/value-codes.ts) of a Schur job: its
   * code array is not materialised for the worker, which then leaves any column needing Kaczmarz CG
   * to the posting thread (demean-claims.ts).
   */
  readonly codes: (SharedArrayBuffer | null)[];
  readonly levels: number[];
  readonly weights: SharedArrayBuffer | null;
  readonly columns: SharedArrayBuffer[];
  /** [next column to claim, columns done, Schur layout state] (see demean-claims.ts). */
  readonly control: SharedArrayBuffer;
  /** Per column, STATS_PER_COLUMN doubles (demean-claims.ts). */
  readonly stats: SharedArrayBuffer;
  readonly tol: number;
  /** Absolute residual targets per column (see DemeanOptions.targets), or null. */
  readonly targets: readonly number[] | null;
  readonly maxIter: number;
  /**
   * The Schur-complement layout (typed arrays on SharedArrayBuffers), or null for Kaczmarz CG only;
   * filled by the posting thread after the job is posted, its state in `control`.
   */
  readonly schur: SchurLayout | null;
}

/** Below this many rows × columns the threads' start-up and copies cost more than they save. */
const PARALLEL_MIN_WORK = 400_000;

let pool: Worker[] | null = null;
let poolBroken = false;
let ready: Promise<void> | null = null;

/**
 * Start the worker threads now and resolve once they can take work (a worker only boots while the
 * calling thread's event loop turns, so start them before a synchronous estimation, e.g. while
 * reading data). Resolves (never rejects) even if no worker can be started.
 * @example await warmUpDemeanWorkers();
 */
export function warmUpDemeanWorkers(): Promise<void> {
  if (ready) return ready;
  const ws = workers();
  ready = Promise.all(
    ws.map(
      (w) =>
        new Promise<void>((res) => {
          w.once("message", () => res());
          w.once("error", () => res());
          w.once("exit", () => res());
        }),
    ),
  ).then(() => undefined);
  return ready;
}

/**
 * Number of worker threads started and usable (0: the calling thread does every column).
 * @example await warmUpDemeanWorkers(); demeanWorkerCount(); // 1 on a 2-core machine
 */
export function demeanWorkerCount(): number {
  return poolBroken ? 0 : (pool?.length ?? 0);
}

function workers(): Worker[] {
  if (pool) return pool;
  pool = [];
  const extra = Math.min(availableParallelism(), 4) - 1;
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  for (let i = 0; i < extra && !poolBroken; i++) {
    try {
      const w = startWorker(new URL(`./demean-worker${ext}`, import.meta.url).href, ext === ".ts");
      w.on("error", () => {
        poolBroken = true;
      });
      w.unref();
      pool.push(w);
    } catch {
      poolBroken = true;
    }
  }
  return pool;
}

/**
 * Start one worker on the worker module; from TypeScript sources (run through tsx) the worker first
 * registers tsx's loader so that it can import .ts files.
 */
function startWorker(moduleUrl: string, fromSource: boolean): Worker {
  if (!fromSource) return new Worker(new URL(moduleUrl));
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl)}); })`;
  return new Worker(boot, { eval: true });
}

/**
 * Like {@link demean}, using every core for large inputs with at least two fixed effects and two columns.
 * @example const { columns } = demeanParallel([y, x], [indiv, firm, year]);
 */
export function demeanParallel(
  columns: readonly Float64Array[],
  factors: readonly Factor[],
  opts: DemeanOptions = {},
): DemeanResult {
  const n = columns[0]?.length ?? 0;
  // A direct solve makes each column a few passes over the data: no threads needed.
  const plan = chooseDirect(columns, factors, opts);
  if (plan) return demeanWith(columns, factors, opts, plan);
  const usable =
    factors.length >= 2 &&
    columns.length >= 2 &&
    n * columns.length >= PARALLEL_MIN_WORK &&
    availableParallelism() > 1 &&
    !poolBroken;
  if (!usable) return demeanWith(columns, factors, opts, null);
  // Read-only inputs already on a SharedArrayBuffer of their own (factor codes, see factor.ts) are
  // shared as they are; the columns are always copied (the copies are demeaned and returned).
  const share = <T extends Float64Array | Int32Array>(
    src: T,
    make: (b: SharedArrayBuffer) => T,
    readOnly: boolean,
  ): SharedArrayBuffer => {
    const own = src.buffer;
    const whole = src.byteOffset === 0 && src.byteLength === own.byteLength;
    if (readOnly && whole && own instanceof SharedArrayBuffer) return own;
    const buf = new SharedArrayBuffer(src.byteLength);
    make(buf).set(src);
    return buf;
  };
  const schurJob = opts.method !== "cg";
  const job: DemeanJob = {
    codes: factors.map((f) => (schurJob && f.values ? null : share(f.codes, (b) => new Int32Array(b), true))),
    levels: factors.map((f) => f.levels),
    weights: opts.weights ? share(opts.weights, (b) => new Float64Array(b), true) : null,
    columns: columns.map((c) => share(c, (b) => new Float64Array(b), false)),
    control: new SharedArrayBuffer(12),
    stats: new SharedArrayBuffer(8 * STATS_PER_COLUMN * columns.length),
    tol: opts.tol ?? DEFAULT_DEMEAN_TOL,
    targets: opts.targets ?? null,
    maxIter: opts.maxIter ?? 10_000,
    schur: schurJob
      ? allocateSchur(factors, opts.weights ?? null, (bytes) => new SharedArrayBuffer(bytes))
      : null,
  };
  for (const w of workers()) w.postMessage(job);
  const control = new Int32Array(job.control);
  if (job.schur) {
    let state = 2;
    try {
      fillSchur(job.schur, factors, opts.weights ?? null);
      state = 1;
    } finally {
      Atomics.store(control, LAYOUT_STATE, state);
      Atomics.notify(control, LAYOUT_STATE);
    }
  }
  runClaims(job, columnDemeaner(job, factors, opts.weights ?? null));
  for (;;) {
    const done = Atomics.load(control, 1);
    if (done >= columns.length) break;
    Atomics.wait(control, 1, done, 1000);
  }
  finishColumns(job, factors, opts.weights ?? null);
  const stats = new Float64Array(job.stats);
  let iterations = 0;
  let converged = true;
  let reached = 0;
  for (let j = 0; j < columns.length; j++) {
    const at = STATS_PER_COLUMN * j;
    iterations = Math.max(iterations, stats[at]);
    if (!stats[at + 1]) converged = false;
    reached = Math.max(reached, stats[at + 2]);
  }
  return {
    columns: job.columns.map((b) => new Float64Array(b)),
    iterations,
    converged,
    reachedTol: reached,
    method: job.schur ? "schur-cg" : "cg",
  };
}
