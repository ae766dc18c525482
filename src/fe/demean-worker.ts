/**
 * Worker thread of the parallel demeaning: claims columns from a shared counter and demeans them in
 * place in shared memory (see demean-parallel.ts).
 */
import { parentPort } from "node:worker_threads";
import { CgWorkspace, cgDemean } from "./demean.js";
import { FEProjector } from "./projector.js";
import type { DemeanJob } from "./demean-parallel.js";
import { runClaims, schurStart } from "./demean-claims.js";

parentPort?.on("message", (job: DemeanJob) => {
  const factors = job.codes.map((buf, j) => ({
    name: String(j),
    codes: new Int32Array(buf),
    levels: job.levels[j],
  }));
  const weights = job.weights ? new Float64Array(job.weights) : null;
  const proj = new FEProjector(factors, weights);
  const work = new CgWorkspace(factors[0].codes.length);
  const start = schurStart(job);
  runClaims(job, (x, j) => {
    return cgDemean(proj, x, weights, job.tol, job.maxIter, undefined, job.targets?.[j], start, work);
  });
});

parentPort?.postMessage("ready");
