/** Starting a worker thread on one of the package's modules, compiled or (under tsx) from source. */
import { Worker } from "node:worker_threads";

/**
 * Whether worker threads can run the package's modules here: always from the build; from the
 * TypeScript sources only where the loader can be located (under tsx, not inside a test runner's
 * module graph).
 * @example if (canStartModuleWorkers(new URL(import.meta.url))) { … }
 */
export function canStartModuleWorkers(callerUrl: URL): boolean {
  return !callerUrl.pathname.endsWith(".ts") || typeof import.meta.resolve === "function";
}

/**
 * Start a worker on `moduleUrl` (a sibling module's URL, `.js` in the build, `.ts` in the sources);
 * from TypeScript sources the worker first registers tsx's loader so that it can import .ts files.
 * @example const w = startModuleWorker(new URL("./run-study-worker.js", import.meta.url));
 */
export function startModuleWorker(moduleUrl: URL): Worker {
  if (!moduleUrl.pathname.endsWith(".ts")) return new Worker(moduleUrl);
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(boot, { eval: true });
}
