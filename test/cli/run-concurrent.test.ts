/**
 * `robometrics run` of both studies runs them concurrently in worker threads (issue 12, item 5):
 * each study's output must be byte-identical to running that study alone, in the main thread.
 * Runs the real command in a child process (through tsx, where worker threads can load the
 * TypeScript modules), at --scale tiny.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { STUDY_IDS } from "../../src/studies/registry.js";

const root = mkdtempSync(join(tmpdir(), "rm-run-concurrent-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const main = new URL("../../src/cli/main.ts", import.meta.url).pathname;

/** The real command in a child process (asynchronously: the test runner's own messages keep flowing). */
async function run(out: string, ...args: string[]): Promise<string> {
  const res = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", main, "run", "--scale", "tiny", "--seed", "5", "--no-pdf", "--out", out, ...args],
    { encoding: "utf8", env: { ...process.env, CI: "1" }, maxBuffer: 1 << 24 },
  );
  return res.stdout;
}

/** Every file under dir (relative paths, sorted). */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe("run of both studies at once", () => {
  it("gives each study the same files, byte for byte, as running it alone", async () => {
    const both = join(root, "both");
    const [stdout] = await Promise.all([
      run(both),
      ...STUDY_IDS.map((id) => run(join(root, id), "--study", id, "--quiet")),
    ]);
    for (const id of STUDY_IDS) expect(stdout).toContain(`${id}: `);
    // Summary lines come in the studies' order whatever thread finishes first.
    expect(stdout.indexOf(STUDY_IDS[0])).toBeLessThan(stdout.indexOf(STUDY_IDS[1]));
    for (const id of STUDY_IDS) {
      const alone = join(root, id);
      const files = tree(join(alone, id));
      expect(tree(join(both, id))).toEqual(files);
      for (const f of files)
        expect(readFileSync(join(both, id, f)).equals(readFileSync(join(alone, id, f))), f).toBe(true);
    }
  }, 900_000);
});
