/**
 * An output folder that is all or nothing. A run writes into a temporary sibling folder
 * (`.OUT.partial`) and, only when everything is written, swaps it in for OUT: readers see the previous
 * output or the complete new one, never a mix, and files of earlier runs do not survive. A lock file
 * beside it (`.OUT.lock`, holding the owner's pid) makes a second run into the same folder fail
 * with a clear message while the first is alive. SIGINT/SIGTERM remove the temporary folder and the
 * lock and leave the previous OUT as it was.
 */
import { existsSync, readFileSync, renameSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { link, mkdir, open, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { onSignal, removeOnSignal } from "./signal-cleanup.js";

/** A folder being written: everything goes under `staging`; `commit` makes it `final`. */
export interface OutputDir {
  /** The folder to write into now. */
  readonly staging: string;
  /** Where the output will be once committed. */
  readonly final: string;
  /** The final location of a path under `staging` (other paths unchanged). */
  finalPath(path: string): string;
  /** Swap the staging folder in for the final one, remove the old output and release the lock. */
  commit(): Promise<void>;
  /** Remove the staging folder and release the lock; the previous output is untouched. */
  abort(): Promise<void>;
}

/**
 * Create the folder `out` (and its parents) if missing, with a clear error when `out` or a part of
 * its path is a file (not a raw EEXIST/ENOTDIR).
 * @example await ensureFolder("sources");
 */
export async function ensureFolder(out: string): Promise<void> {
  const s = await stat(out).catch(() => null);
  if (s && !s.isDirectory())
    throw new Error(
      `--out ${out} is a file, not a folder; give the name of a folder (it is created if missing)`,
    );
  try {
    await mkdir(out, { recursive: true });
  } catch (err) {
    throw new Error(
      `--out ${out}: cannot create the folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); a part of the path may be a file, or it is not writable`,
    );
  }
}

/**
 * Lock `out` and open a fresh staging folder beside it.
 * @example const dir = await openOutputDir("out"); try { await write(dir.staging); await dir.commit(); } catch (e) { await dir.abort(); throw e; }
 */
export async function openOutputDir(out: string): Promise<OutputDir> {
  const final = resolve(out);
  const s = await stat(final).catch(() => null);
  if (s && !s.isDirectory())
    throw new Error(
      `--out ${out} is a file, not a folder; give the name of a folder (it is created if missing)`,
    );
  const parent = dirname(final);
  try {
    await mkdir(parent, { recursive: true });
  } catch (err) {
    throw new Error(
      `--out ${out}: cannot create the folder ${parent} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); a part of the path may be a file, or it is not writable`,
    );
  }
  const base = basename(final);
  const lock = join(parent, `.${base}.lock`);
  await acquireLock(lock, out);
  const releaseLockOnSignal = removeOnSignal(lock);
  const staging = join(parent, `.${base}.partial`);
  const old = join(parent, `.${base}.old`);
  // Leftovers of a run killed beyond cleanup (SIGKILL, power loss): ours to remove, we hold the lock.
  await rm(staging, { recursive: true, force: true });
  if (existsSync(old) && !existsSync(final)) await rename(old, final);
  await rm(old, { recursive: true, force: true });
  await mkdir(staging);
  const stagingOnSignal = removeOnSignal(staging);
  const release = async () => {
    await unlink(lock).catch(() => undefined);
    releaseLockOnSignal();
  };
  return {
    staging,
    final,
    finalPath: (p) => {
      const r = relative(staging, p);
      return r.startsWith("..") || r === p ? p : join(final, r);
    },
    async commit() {
      const had = existsSync(final);
      // Between the two renames an interruption puts the previous output back.
      const restore = onSignal(() => {
        if (!existsSync(final) && existsSync(old)) renameSync(old, final);
      });
      if (had) await rename(final, old);
      await rename(staging, final);
      // The new output is in place: from here an interruption only has the old copy to remove.
      const oldOnSignal = removeOnSignal(old);
      stagingOnSignal();
      restore();
      await rm(old, { recursive: true, force: true });
      oldOnSignal();
      await release();
    },
    async abort() {
      await rm(staging, { recursive: true, force: true });
      stagingOnSignal();
      await release();
    },
  };
}

/**
 * Take the lock atomically: the lock's content is written to a private file first and hard-linked
 * to the lock name (which fails if it exists), so a concurrent run never sees a half-written lock.
 * A lock whose owner is dead is removed under a second lock (`.OUT.lock.break`), and only if it
 * still holds the same content: a live run's fresh lock is never removed by another run.
 */
async function acquireLock(lock: string, out: string): Promise<void> {
  const body = `${JSON.stringify({ pid: process.pid, started: new Date().toISOString() })}\n`;
  const mine = `${lock}.${process.pid}.${randomBytes(4).toString("hex")}`;
  const forget = removeOnSignal(mine);
  await writeFile(mine, body);
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await linkOrCreate(mine, lock, body)) return;
      const content = readText(lock);
      if (content === null) continue; // released meanwhile: try again
      const owner = parseOwner(content);
      if (owner && alive(owner.pid)) throw anotherRun(owner, out, lock);
      await breakStaleLock(lock, content, mine, body);
    }
  } finally {
    await unlink(mine).catch(() => undefined);
    forget();
  }
  throw new Error(`cannot lock ${out}: ${lock} keeps reappearing; is another run starting at the same time?`);
}

/** Remove `lock` if it still holds `content` (a dead run's lock), holding `LOCK.break` meanwhile. */
async function breakStaleLock(lock: string, content: string, mine: string, body: string): Promise<void> {
  const guard = `${lock}.break`;
  if (!(await linkOrCreate(mine, guard, body))) {
    const breaker = parseOwner(readText(guard) ?? "");
    if (breaker && !alive(breaker.pid)) await unlink(guard).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 2));
    return;
  }
  try {
    if (readText(lock) === content) await unlink(lock).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/** Create `lock` as a hard link to `mine` (false if it exists); without hard links, an exclusive create. */
async function linkOrCreate(mine: string, lock: string, body: string): Promise<boolean> {
  try {
    await link(mine, lock);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw err;
  }
  try {
    const fh = await open(lock, "wx");
    await fh.writeFile(body);
    await fh.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

function anotherRun(owner: { pid: number; started: string }, out: string, lock: string): Error {
  return new Error(
    `another robometrics run (pid ${owner.pid}, started ${owner.started}) is writing to ${out}; wait for it to finish or use another --out (if no such run exists, delete ${lock})`,
  );
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

function parseOwner(text: string): { pid: number; started: string } | null {
  try {
    const v = JSON.parse(text) as { pid?: unknown; started?: unknown };
    return typeof v.pid === "number" ? { pid: v.pid, started: String(v.started) } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
