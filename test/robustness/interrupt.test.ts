/**
 * Issue 8 items 3 and 5: Ctrl-C (SIGINT) at several points of `convert` and of `run` in a real
 * process leaves no temporary or partial file (beside the output, in the session's temporary folder)
 * and the previous output byte for byte as it was; a second `run` into a folder that a first one is
 * writing fails clearly, and the first then replaces the old output entirely (no stale file survives).
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "../../src/report/pdf.js";
import { type CliChild, spawnCli, waitFor } from "./cli.js";

const root = mkdtempSync(join(tmpdir(), "rm-interrupt-"));
/** The children's TMPDIR: DuckDB session folders go here and must not outlive an interrupt. */
const childTmp = join(root, "tmp");
mkdirSync(childTmp);
const env = { TMPDIR: childTmp };
/** Our temporaries in the children's TMPDIR (tsx, when dist/ is stale, keeps its own cache there). */
const ourTemporaries = () => readdirSync(childTmp).filter((f) => !f.startsWith("tsx-"));

/** Every file under `dir` (relative path → SHA-256). */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

async function interrupt(c: CliChild): Promise<number> {
  c.child.kill("SIGINT");
  return c.done;
}

describe("SIGINT during convert", () => {
  const dir = join(root, "convert");
  const big = join(dir, "big.csv");
  beforeAll(() => {
    mkdirSync(dir);
    const lines = ["firm,year,x,y,name"];
    for (let i = 0; i < 120_000; i++)
      lines.push(
        `${913200000000000000n + BigInt(i % 5000)},${2000 + (i % 20)},${(i * 0.37) % 13},${(i * 0.91) % 7},企业${i % 997}`,
      );
    writeFileSync(big, `${lines.join("\n")}\n`);
  });

  let midWrite = 0;
  /** Points at which to interrupt: each makes a fresh condition on the folder, polled while the command runs. */
  const temporaryAppeared = () => readdirSync(dir).some((f) => f.endsWith(".tmp"));
  const points: [string, () => () => boolean][] = [
    ["at start-up", () => () => true],
    ["once the temporary output file appears", () => temporaryAppeared],
    [
      "100 ms into writing the temporary file",
      () => {
        let seen = 0;
        return () => {
          if (!seen && temporaryAppeared()) seen = Date.now();
          return seen > 0 && Date.now() - seen > 100;
        };
      },
    ],
  ];
  for (const [ext, which] of [
    ["dta", points],
    ["parquet", points.slice(0, 2)],
  ] as const) {
    for (const [when, condition] of which) {
      it(`to .${ext}, ${when}: no temporary left, the previous output unchanged`, async () => {
        const target = join(dir, `big.${ext}`);
        writeFileSync(target, `previous ${ext} output\n`);
        const before = hashes(dir);
        const c = spawnCli(["convert", big, target, "--force"], undefined, env);
        const caught = await waitFor(c, condition());
        const code = await interrupt(c);
        expect(ourTemporaries()).toEqual([]);
        if (!caught || code === 0) {
          // It finished first (a fast machine, or between the poll and the signal): then it must have
          // succeeded and replaced the output whole.
          expect(code, c.stderr()).toBe(0);
          expect(readFileSync(target).subarray(0, 4).toString("latin1")).toMatch(/^(PAR1|<sta)$/);
          return;
        }
        expect(code, c.stderr()).toBe(130);
        if (when !== "at start-up") midWrite++;
        expect(c.stderr()).not.toMatch(/\n\s+at /);
        expect(hashes(dir)).toEqual(before);
      }, 60_000);
    }
  }

  it("the interrupts did land while a temporary file was being written", () => {
    expect(midWrite).toBeGreaterThan(0);
  });
});

describe("SIGINT during run, and concurrent runs", () => {
  const out = join(root, "out");
  const previous = () => {
    mkdirSync(join(out, "upstream-innovation", "tables"), { recursive: true });
    writeFileSync(join(out, "manifest.json"), '{"seed": 3}\n');
    writeFileSync(join(out, "upstream-innovation", "tables", "table1.csv"), "seed 3\n");
    writeFileSync(join(out, "table99.csv"), "stale file of an earlier run\n");
  };
  const leftovers = () => readdirSync(root).filter((f) => f.startsWith(".out"));
  const runArgs = [
    "run",
    "--study",
    "upstream-innovation",
    "--scale",
    "tiny",
    "--seed",
    "4",
    "--out",
    out,
    "--no-pdf",
    "--quiet",
  ];

  const partial = join(root, ".out.partial");
  const filesIn = (d: string) => (existsSync(d) ? readdirSync(d, { recursive: true }).length : 0);
  const points: [string, () => boolean][] = [
    ["once the staging folder appears", () => existsSync(partial)],
    ["once a first study has written files", () => filesIn(partial) > 3],
  ];
  for (const [when, ready] of points) {
    it(`${when}: the previous output is intact (hashes) and no .out.partial/.out.lock is left`, async () => {
      if (!existsSync(out)) previous();
      const before = hashes(out);
      const c = spawnCli(runArgs, undefined, env);
      const caught = await waitFor(c, ready, 120_000);
      const code = await interrupt(c);
      if (caught) expect(code, c.stderr()).toBe(130);
      expect(hashes(out)).toEqual(before);
      expect(leftovers()).toEqual([]);
      expect(ourTemporaries()).toEqual([]);
    }, 130_000);
  }

  it.skipIf(!findChromium())(
    "while Chromium prints report.pdf: the browser's profile and temporary files are removed too",
    async () => {
      if (!existsSync(out)) previous();
      const before = hashes(out);
      const c = spawnCli(
        runArgs.filter((a) => a !== "--no-pdf"),
        undefined,
        env,
      );
      const printing = () => readdirSync(childTmp).some((f) => f.startsWith("robometrics-chromium-"));
      expect(await waitFor(c, printing, 120_000), c.stderr()).toBe(true);
      expect(await interrupt(c), c.stderr()).toBe(130);
      expect(hashes(out)).toEqual(before);
      expect(leftovers()).toEqual([]);
      expect(ourTemporaries()).toEqual([]);
    },
    130_000,
  );

  it("a second run into the same folder fails clearly; the first then replaces the old output entirely", async () => {
    if (!existsSync(out)) previous();
    const first = spawnCli(runArgs, undefined, env);
    expect(await waitFor(first, () => existsSync(join(root, ".out.lock")), 60_000)).toBe(true);
    const second = spawnCli(runArgs, undefined, env);
    expect(await second.done).toBe(1);
    expect(second.stderr()).toMatch(
      new RegExp(`another robometrics run \\(pid ${first.child.pid}, .*\\) is writing to ${out}`),
    );
    expect(await first.done, first.stderr()).toBe(0);
    const now = hashes(out);
    expect(Object.keys(now)).not.toContain("table99.csv");
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    const listed = Object.fromEntries(
      (manifest.files as { path: string; sha256: string }[]).map((f) => [f.path, f.sha256]),
    );
    const { "manifest.json": _, ...rest } = now;
    expect(listed).toEqual(rest);
    expect(leftovers()).toEqual([]);
    expect(ourTemporaries()).toEqual([]);
    expect(statSync(out).isDirectory()).toBe(true);
  }, 180_000);
});
