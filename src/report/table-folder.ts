/** Reading back a run's table JSON files (`<dir>/<id>.json`), each once. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A reader of the table files of one folder by id, each parsed once; null where the file is missing.
 * @example const table = tableFolder<TableJson>("out/upstream-innovation/tables"); table("table2");
 */
export function tableFolder<T>(dir: string): (id: string) => T | null {
  const cache = new Map<string, T | null>();
  return (id) => {
    if (!cache.has(id)) {
      const file = join(dir, `${id}.json`);
      cache.set(id, existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null);
    }
    return cache.get(id) ?? null;
  };
}
