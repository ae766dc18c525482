/**
 * Issue 8 item 3: outputs are all or nothing. A run's folder is staged beside OUT and swapped in when
 * complete (stale files of earlier runs do not survive), a lock refuses a concurrent run, a failure
 * leaves the previous output intact, and the manifest lists every file present.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAtomically } from "../../src/io/atomic-path.js";
import { writeDta } from "../../src/io/dta/index.js";
import { openOutputDir } from "../../src/io/output-dir.js";
import { listOutputFiles } from "../../src/studies/manifest.js";

const root = mkdtempSync(join(tmpdir(), "rm-outdir-"));

describe("all-or-nothing output folders", () => {
  it("swaps the new output in, removing stale files of the previous run and leaving no temporaries", async () => {
    const out = join(root, "a");
    mkdirSync(out);
    writeFileSync(join(out, "table99.csv"), "stale");
    const dir = await openOutputDir(out);
    writeFileSync(join(dir.staging, "table1.csv"), "new");
    expect(readdirSync(out)).toEqual(["table99.csv"]);
    await dir.commit();
    expect(readdirSync(out)).toEqual(["table1.csv"]);
    expect(readdirSync(root).filter((f) => f.startsWith(".a"))).toEqual([]);
  });

  it("a second run into the same folder fails with a clear message while the first holds the lock", async () => {
    const out = join(root, "b");
    const first = await openOutputDir(out);
    await expect(openOutputDir(out)).rejects.toThrow(/another robometrics run \(pid \d+.*is writing to/);
    await first.abort();
    const second = await openOutputDir(out);
    await second.abort();
  });

  it("of many runs starting at the same moment exactly one gets the lock, also over a stale lock", async () => {
    for (const stale of [false, true]) {
      const out = join(root, `race-${stale}`);
      if (stale)
        writeFileSync(
          join(root, `.race-${stale}.lock`),
          JSON.stringify({ pid: 2 ** 22 + 777, started: "x" }),
        );
      const tries = await Promise.allSettled(Array.from({ length: 20 }, () => openOutputDir(out)));
      const won = tries.filter((t) => t.status === "fulfilled");
      expect(won, `stale lock: ${stale}`).toHaveLength(1);
      for (const t of tries)
        if (t.status === "rejected") expect(String(t.reason)).toMatch(/another robometrics run|cannot lock/);
      await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof openOutputDir>>>).value.abort();
      expect(readdirSync(root).filter((f) => f.startsWith(`.race-${stale}`))).toEqual([]);
    }
  });

  it("a stale lock of a dead process and a leftover staging folder are cleared", async () => {
    const out = join(root, "c");
    writeFileSync(join(root, ".c.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, started: "x" }));
    mkdirSync(join(root, ".c.partial"));
    writeFileSync(join(root, ".c.partial", "half.csv"), "half");
    const dir = await openOutputDir(out);
    expect(readdirSync(dir.staging)).toEqual([]);
    await dir.commit();
    expect(readdirSync(out)).toEqual([]);
  });

  it("an aborted run leaves the previous output exactly as it was", async () => {
    const out = join(root, "d");
    mkdirSync(out);
    writeFileSync(join(out, "manifest.json"), "seed 3");
    const dir = await openOutputDir(out);
    writeFileSync(join(dir.staging, "manifest.json"), "seed 4");
    await dir.abort();
    expect(readdirSync(out)).toEqual(["manifest.json"]);
    expect(existsSync(dir.staging)).toBe(false);
  });

  it("--out naming a file is refused clearly (not a raw ENOTDIR)", async () => {
    const f = join(root, "file.txt");
    writeFileSync(f, "x");
    await expect(openOutputDir(f)).rejects.toThrow(/is a file, not a folder/);
    await expect(openOutputDir(join(f, "sub"))).rejects.toThrow(
      /cannot create the folder .*a part of the path may be a file/,
    );
  });

  it("maps staged paths to their final place, and lists every file but the manifest", async () => {
    const out = join(root, "e");
    const dir = await openOutputDir(out);
    mkdirSync(join(dir.staging, "s"));
    writeFileSync(join(dir.staging, "s", "t.csv"), "abc");
    writeFileSync(join(dir.staging, "manifest.json"), "{}");
    expect(dir.finalPath(join(dir.staging, "s", "t.csv"))).toBe(join(out, "s", "t.csv"));
    expect(dir.finalPath("/elsewhere/x.csv")).toBe("/elsewhere/x.csv");
    const files = await listOutputFiles(dir.staging);
    expect(files.map((f) => [f.path, f.bytes])).toEqual([["s/t.csv", 3]]);
    await dir.abort();
  });

  it("a file written atomically never clobbers one that another command created meanwhile; an existing one is replaced", async () => {
    const target = join(root, "race.csv");
    const slow = (text: string) => async (tmp: string) => {
      await new Promise((r) => setTimeout(r, 20));
      writeFileSync(tmp, text);
    };
    const tries = await Promise.allSettled([
      writeAtomically(target, slow("a")),
      writeAtomically(target, slow("b")),
    ]);
    expect(tries.map((t) => t.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = tries.find((t) => t.status === "rejected") as PromiseRejectedResult;
    expect(String(lost.reason)).toMatch(
      /race\.csv was created by another command while this one was writing it/,
    );
    await writeAtomically(target, slow("c"));
    expect(readFileSync(target, "utf8")).toBe("c");
    expect(readdirSync(root).filter((f) => f.startsWith(".race.csv"))).toEqual([]);
  });

  it("two .dta writers racing for one new file: one wins, the other fails and leaves no temporary", async () => {
    const target = join(root, "race.dta");
    const table = { columns: [{ name: "v", values: new Float64Array([1, 2, 3]) }] };
    const tries = await Promise.allSettled([writeDta(target, table), writeDta(target, table)]);
    expect(tries.map((t) => t.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = tries.find((t) => t.status === "rejected") as PromiseRejectedResult;
    expect(String(lost.reason)).toMatch(/race\.dta.*was created by another command/);
    expect(readdirSync(root).filter((f) => f.startsWith("race.dta."))).toEqual([]);
  });
});
