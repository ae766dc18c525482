/**
 * YAML study configurations: which of the user's files stands for each raw source of a study, and
 * how their columns map onto the canonical ones. Paths are relative to the YAML file.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { Lang, SourceFile, StudyId } from "./types.js";

const sourceSchema = z.strictObject({
  path: z.string().min(1),
  columns: z.record(z.string(), z.string()).optional(),
  sheet: z.union([z.string(), z.number()]).optional(),
  encoding: z.string().optional(),
});

const configSchema = z.strictObject({
  study: z.enum(["upstream-innovation", "tfp-divergence"]),
  lang: z.enum(["en", "zh"]).optional(),
  sources: z.record(z.string(), sourceSchema),
  options: z.record(z.string(), z.unknown()).optional(),
});

export interface StudyConfig {
  readonly study: StudyId;
  readonly lang?: Lang;
  readonly sources: Readonly<Record<string, SourceFile>>;
  /** Study-specific settings (e.g. study A's `keywords`), passed to the study's run. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** The YAML file it came from. */
  readonly file: string;
}

/**
 * Read and validate a study configuration; every problem is listed with its place in the file.
 * @example const cfg = loadStudyConfig("my-study.yaml"); cfg.sources.customs.path;
 */
export function loadStudyConfig(file: string): StudyConfig {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${file}: not a readable YAML file: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (i) => `- ${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`,
    );
    throw new Error(
      `${file}: invalid study configuration:\n${issues.join("\n")}\nSee the README section "Your own data" for the format.`,
    );
  }
  const base = dirname(resolve(file));
  const sources: Record<string, SourceFile> = {};
  for (const [name, s] of Object.entries(parsed.data.sources)) {
    sources[name] = {
      path: resolve(base, s.path),
      columns: s.columns,
      sheet: s.sheet === undefined ? undefined : String(s.sheet),
      encoding: s.encoding,
    };
  }
  return { study: parsed.data.study, lang: parsed.data.lang, sources, options: parsed.data.options, file };
}
