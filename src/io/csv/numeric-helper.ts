/**
 * One helper thread, started on first use and kept (unreferenced, so it never holds the process
 * open) for later reads, that reads the second half of a file's plain numeric records while the
 * reading thread reads the first ({@link collectWholeFile}). Started from the build's `.js`, or
 * from the TypeScript sources under tsx; where neither works (inside a test runner's module graph)
 * there is no helper and the reading thread reads everything.
 */
import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import type { NumericJob, NumericPart } from "./numeric-job.js";

/** Runs a job on another thread; resolves null if the job was taken back or the thread failed. */
export interface NumericHelper {
  run(job: NumericJob): Promise<NumericPart | null>;
}

let helper: ThreadHelper | null | undefined;

/**
 * The helper thread, started now if it is not yet (null where none can start).
 * @example numericHelper(); // start it while the file is read
 */
export function numericHelper(): ThreadHelper | null {
  if (helper !== undefined) return helper;
  try {
    helper = new ThreadHelper(startWorker());
  } catch {
    helper = null;
  }
  return helper;
}

/**
 * Whether a core is free for the helper: the last minute's load average leaves at least half a core
 * (on a busy machine the two threads only take turns on the same cores, and the hand-over is lost).
 * @example if (coreIsFree()) numericHelper();
 */
export function coreIsFree(): boolean {
  return loadavg()[0] < availableParallelism() - 0.5;
}

/** The helper on a worker thread. */
export class ThreadHelper implements NumericHelper {
  private broken = false;
  private pending: ((part: NumericPart | null) => void) | null = null;

  constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on("message", (m: NumericPart | null) => this.settle(m));
    worker.on("error", () => this.fail());
    worker.on("exit", () => this.fail());
  }

  run(job: NumericJob): Promise<NumericPart | null> {
    // one job at a time: a second one (a read while the last job is still being answered) is not sent
    if (this.broken || this.pending) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.pending = resolve;
      this.worker.ref();
      this.worker.postMessage(job);
    });
  }

  private settle(part: NumericPart | null): void {
    const done = this.pending;
    this.pending = null;
    this.worker.unref();
    done?.(part);
  }

  private fail(): void {
    this.broken = true;
    helper = null;
    this.settle(null);
  }
}

function startWorker(): Worker {
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const url = new URL(`./numeric-worker${ext}`, import.meta.url).href;
  if (ext === ".js") return new Worker(new URL(url));
  if (typeof import.meta.resolve !== "function") throw new Error("no loader for TypeScript workers here");
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(boot, { eval: true });
}
