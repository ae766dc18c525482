/** OUT/manifest.json: everything needed to rerun — inputs with SHA-256, package version, seed, step timings. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFile } from "node:fs/promises";
import { writeAtomically } from "../io/atomic-path.js";
import { packageRoot } from "../package-root.js";
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
