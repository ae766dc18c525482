/**
 * Test helper: a fresh temporary directory per test file, removed afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** Create a temporary directory removed after the test file; returns a path maker. */
export function useTmpDir(prefix: string): {
  path: (name: string) => string;
  write: (name: string, bytes: Uint8Array) => string;
  dir: string;
} {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    path: (name) => join(dir, name),
    write: (name, bytes) => {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      return p;
    },
  };
}
