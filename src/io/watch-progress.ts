/**
 * Polling DuckDB's progress of the running query, for callers that show progress of long reads.
 */
import type { ReadProgress } from "./read-options.js";
import type { DataSession } from "./session.js";

const POLL_MS = 500;

/**
 * Report the running query's progress every half second until the returned stop function is called.
 * Does nothing (and costs nothing) without a callback.
 * @example const stop = watchProgress(session, (p) => log(p.percent)); try { await run(); } finally { stop(); }
 */
export function watchProgress(
  session: DataSession,
  onProgress: ((progress: ReadProgress) => void) | undefined,
): () => void {
  if (!onProgress) return () => undefined;
  const timer = setInterval(() => {
    const p = session.connection.progress;
    if (p.percentage >= 0) onProgress({ percent: p.percentage, rows: Number(p.rows_processed) });
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
