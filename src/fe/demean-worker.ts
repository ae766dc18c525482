/**
 * Worker thread of the parallel demeaning: claims columns from a shared counter and demeans them in
 * place in shared memory (see demean-parallel.ts).
 */
import { parentPort } from "node:worker_threads";
import type { DemeanJob } from "./demean-parallel.js";
import { columnDemeaner, runClaims } from "./demean-claims.js";

parentPort?.on("message", (job: DemeanJob) => {
  // Without every factor's codes (value-coded factors of a Schur job), columns that need Kaczmarz CG
  // are left to the posting thread.
  const codes = job.codes.every((buf) => buf !== null) ? job.codes : null;
  const factors = codes?.map((buf, j) => ({
    name: String(j),
    codes: new Int32Array(buf),
    levels: job.levels[j],
  }));
  const weights = job.weights ? new Float64Array(job.weights) : null;
  runClaims(job, columnDemeaner(job, factors ?? null, weights));
});

parentPort?.postMessage("ready");
