/**
 * The regression columns of a run that have neither a truth target nor a reason in truth.json:
 * issue 10's "a truth for every estimate" (every column of every regression table, the robustness
 * and inference tables included, has an `effects` key or a one-line `untargeted` reason).
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Truth } from "../../src/studies/types.js";

interface ColumnJson {
  readonly number: number;
  readonly result?: { readonly coefficients?: readonly { readonly term: string }[] };
}

/**
 * `<table>.<column>` of every estimated column in `outDir/tables/*.json` without a truth key.
 * @example expect(await columnsWithoutTruth(out, truth)).toEqual([]);
 */
export async function columnsWithoutTruth(outDir: string, truth: Truth): Promise<string[]> {
  const keys = [...Object.keys(truth.effects), ...Object.keys(truth.untargeted ?? {})];
  const missing: string[] = [];
  const dir = join(outDir, "tables");
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".json")).sort()) {
    const table = JSON.parse(await readFile(join(dir, file), "utf8")) as {
      id: string;
      columns?: ColumnJson[];
    };
    for (const c of table.columns ?? []) {
      if (!c.result?.coefficients?.length) continue;
      const prefix = `${table.id}.${c.number}.`;
      if (!keys.some((k) => k.startsWith(prefix))) missing.push(`${table.id}.${c.number}`);
    }
  }
  return missing;
}
