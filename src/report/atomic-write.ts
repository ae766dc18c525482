/** Atomic file output: write to a temporary name in the same folder, then rename over the target. */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Write `content` (UTF-8) to `path` atomically, creating the folder if needed: readers see the old file
 * or the complete new one, never a partial file.
 * @example await writeFileAtomic("out/table2.md", markdown);
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new Error(
      `cannot create the output folder ${dir} (${(err as Error).message}); choose a writable folder`,
    );
  }
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(6).toString("hex")}`;
  try {
    await writeFile(tmp, content, "utf8");
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => {});
    throw new Error(
      `cannot write ${path} (${(err as Error).message}); check that the folder is writable and has space`,
    );
  }
}
