/** One tiny run per language for the report tests (both studies), shared by the test files through a cache folder. */
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registerRun } from "../../../src/cli/run.js";
import type { Manifest } from "../../../src/studies/manifest.js";
import { runCommand } from "../../helpers/cli.js";

/**
 * Run both studies at --scale tiny in `lang` (with the PDF only when asked) and return the output root.
 */
export async function tinyRun(lang: "en" | "zh", pdf: boolean): Promise<string> {
  const out = join(await mkdtemp(join(tmpdir(), `rm-report-${lang}-`)), "out");
  const args = ["run", "--scale", "tiny", "--seed", "3", "--lang", lang, "--out", out];
  if (!pdf) args.push("--no-pdf");
  await runCommand(registerRun, args);
  return out;
}

/** The run's manifest. */
export function manifestOf(out: string): Manifest {
  return JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
}

/** Where tests save screenshots and other artefacts (CI keeps this folder). */
export function artefactDir(): string {
  return process.env.ROBOMETRICS_ARTIFACTS ?? join(process.cwd(), "test-artifacts");
}
