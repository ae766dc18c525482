/**
 * The helper thread's entry: reads each {@link NumericJob} it is sent and posts back the part
 * (its arrays transferred), or null when the reading thread took the job back first.
 */
import { parentPort } from "node:worker_threads";
import { type NumericJob, runNumericJob } from "./numeric-job.js";

const port = parentPort;
if (port) {
  port.on("message", (job: NumericJob) => {
    const part = runNumericJob(job);
    port.postMessage(part, part ? part.values.map((v) => v.buffer as ArrayBuffer) : []);
  });
}
