/**
 * Writing files atomically: output goes to a temporary name next to the target (same folder, so
 * the final rename cannot cross file systems) and is renamed into place only when complete.
 */
import { randomBytes } from "node:crypto";
import { link, rename, rm, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { removeOnSignal } from "./signal-cleanup.js";

/**
 * Run `write(tmp)` on a temporary path beside `path`, then rename it to `path`; on failure the
 * temporary file is removed and `path` is left as it was.
 * @example await writeAtomically("out.csv", (tmp) => session.run(`COPY t TO '${tmp}'`));
 */
export async function writeAtomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = dirname(path);
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new Error("not a folder");
  } catch {
    throw new Error(`${path}: the folder ${dir} does not exist; create it first`);
  }
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const done = removeOnSignal(tmp);
  // A file present at the start is replaced (the caller decided so); one that appears while we
  // write belongs to a concurrent command and is never clobbered.
  const existed = await stat(path).then(
    () => true,
    () => false,
  );
  try {
    await write(tmp);
    await moveIntoPlace(tmp, path, existed);
  } catch (err) {
    await rm(tmp, { force: true, recursive: true });
    throw err;
  } finally {
    done();
  }
}

/**
 * Move a finished temporary file to `path`: replacing it if `replace` (it existed when the write
 * began), else only if `path` is still free — a file another command created meanwhile is kept and
 * this is an error (a hard link is exclusive; rename is the fallback where links are unsupported).
 * @example await moveIntoPlace(tmp, "out.csv", false);
 */
export async function moveIntoPlace(tmp: string, path: string, replace: boolean): Promise<void> {
  if (replace) {
    await rename(tmp, path);
    return;
  }
  try {
    await link(tmp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST")
      throw new Error(
        `${path} was created by another command while this one was writing it; it was left as it is`,
      );
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw err;
    await rename(tmp, path);
    return;
  }
  await unlink(tmp);
}
