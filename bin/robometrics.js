#!/usr/bin/env node
// Entry point of the `robometrics` command: runs the compiled CLI (dist/) when it is built and no
// source file is newer than the build (see scripts/build.mjs), else the TypeScript source through tsx.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const compiled = join(root, "dist", "cli", "main.js");
const sources = join(root, "src");

/** Whether a file under `dir` was modified after `time` (ms). */
function newerThan(dir, time) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() ? newerThan(p, time) : statSync(p).mtimeMs > time) return true;
  }
  return false;
}

/** dist/ is usable: built, and (in a source checkout) built after the last edit of src/. */
function distIsFresh() {
  if (!existsSync(compiled)) return false;
  if (!existsSync(sources)) return true; // installed package: dist only
  const stamp = join(root, "dist", ".build-stamp");
  if (!existsSync(stamp)) return false;
  return !newerThan(sources, Number(readFileSync(stamp, "utf8")));
}

if (distIsFresh()) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(sources, "cli", "main.ts")).href);
}
