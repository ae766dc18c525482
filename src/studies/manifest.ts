/** OUT/manifest.json: everything needed to rerun — inputs with SHA-256, package version, seed, step timings. */
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { readdir, stat, writeFile } from "node:fs/promises";
import { writeAtomically } from "../io/atomic-path.js";
import { packageRoot } from "../package-root.js";
import { sha256 } from "./sources.js";
import type { Scale, StudyId, StudyRunResult } from "./types.js";

export interface ManifestStudy {
  readonly study: StudyId;
  readonly data: "synthetic" | "user";
  readonly config: string | null;
  readonly inputs: readonly { readonly table: string; readonly path: string; readonly sha256: string }[];
  readonly tables: readonly string[];
  readonly figures: readonly string[];
  readonly timings: StudyRunResult["timings"];
}

export interface Manifest {
  readonly package: { readonly name: string; readonly version: string };
  readonly node: string;
  readonly command: string;
  readonly seed: number;
  readonly scale: Scale;
  readonly lang: string;
  readonly studies: readonly ManifestStudy[];
  readonly total_seconds: number;
  /** Every file of the output folder this manifest vouches for (all of them but the manifest itself). */
  readonly files?: readonly OutputFile[];
}

/** A file under an output folder: path relative to it (with `/`), size and SHA-256. */
export interface OutputFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * Every file under `dir` (recursively, sorted by path), except `manifest.json` at its top.
 * @example const files = await listOutputFiles("out");
 */
export async function listOutputFiles(dir: string): Promise<OutputFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: OutputFile[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    const rel = relative(dir, full).split(sep).join("/");
    if (rel === "manifest.json") continue;
    files.push({ path: rel, bytes: (await stat(full)).size, sha256: await sha256(full) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The package's name and version from its package.json.
 * @example packageInfo().version; // "0.1.0"
 */
export function packageInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  return { name: pkg.name, version: pkg.version };
}

/**
 * Write OUT/manifest.json atomically.
 * @example await writeManifest("out", manifest);
 */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<string> {
  const path = join(outDir, "manifest.json");
  await writeAtomically(path, (tmp) => writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`));
  return path;
}
