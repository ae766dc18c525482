/**
 * Temporaries that must not outlive an interrupted command: on SIGINT, SIGTERM or SIGHUP every
 * registered path is removed (synchronously, so nothing is left behind however far the work got),
 * registered restore steps run, and the process exits with 128 + the signal number, as shells expect.
 */
import { rmSync } from "node:fs";

const paths = new Set<string>();
const undo = new Set<() => void>();
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
let installed = false;

/**
 * Remove `path` (file or folder) if the process is interrupted; call the returned function once the
 * path is no longer temporary (renamed into place or removed).
 * @example const done = removeOnSignal(tmp); await write(tmp); await rename(tmp, out); done();
 */
export function removeOnSignal(path: string): () => void {
  install();
  paths.add(path);
  return () => {
    paths.delete(path);
  };
}

/**
 * Run `restore` (synchronously) if the process is interrupted before the returned function is called.
 * @example const done = onSignal(() => renameSync(old, out)); … done();
 */
export function onSignal(restore: () => void): () => void {
  install();
  undo.add(restore);
  return () => {
    undo.delete(restore);
  };
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const [name, num] of Object.entries(SIGNALS)) {
    process.on(name as NodeJS.Signals, () => {
      cleanUpNow();
      process.stderr.write(
        `\nrobometrics: interrupted (${name}); temporary files removed, previous output left as it was\n`,
      );
      process.exit(128 + num);
    });
  }
}

/**
 * Remove every registered temporary and run every restore step now (used by the signal handlers).
 * @example cleanUpNow();
 */
export function cleanUpNow(): void {
  for (const p of paths) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
      // best effort: keep removing the others
    }
  }
  paths.clear();
  for (const f of undo) {
    try {
      f();
    } catch {
      // best effort
    }
  }
  undo.clear();
}
