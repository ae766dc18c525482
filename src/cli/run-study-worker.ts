/**
 * Worker thread of `robometrics run`: runs one study (run-study.ts) and posts its progress steps and
 * messages, then its outcome or its error, to the main thread.
 */
import { parentPort } from "node:worker_threads";
import { runStudy, type StudyJob } from "./run-study.js";

/** Messages from the worker to the main thread. */
export type StudyWorkerMessage =
  | { readonly kind: "step"; readonly name: string }
  | { readonly kind: "say"; readonly name: string; readonly message: string }
  | { readonly kind: "done"; readonly outcome: Awaited<ReturnType<typeof runStudy>> }
  | { readonly kind: "failed"; readonly message: string; readonly stack: string | undefined };

const port = parentPort;
port?.once("message", async (job: StudyJob) => {
  const post = (m: StudyWorkerMessage) => port.postMessage(m);
  try {
    const outcome = await runStudy(job, (name) => {
      post({ kind: "step", name });
      return (message) => post({ kind: "say", name, message });
    });
    post({ kind: "done", outcome });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    post({ kind: "failed", message: e.message, stack: e.stack });
  }
});
