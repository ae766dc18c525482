/**
 * Streaming: a generated 300,000-row file read in batches gives the same values as one-shot
 * reading, batches are bounded and contiguous, iteration can restart and stop early.
 */
import { describe, expect, it } from "vitest";
import { type DtaBatch, type DtaTable, openDta, readDta, writeDta } from "../../../src/io/dta/index.js";
import { useTmpDir } from "./tmp-dir.js";

const tmp = useTmpDir("dta-stream");
const N = 300_000;

async function makeFile(): Promise<string> {
  const path = tmp.path("big.dta");
  const x = new Float64Array(N);
  const y = new Float64Array(N);
  const tags = new Uint8Array(N);
  const city = new Array<string>(N);
  const note = new Array<string>(N);
  for (let i = 0; i < N; i++) {
    x[i] = i * 0.5 - 1000;
    y[i] = i % 1000 === 0 ? Number.NaN : (i * 7919) % 30011;
    tags[i] = i % 1000 === 0 ? 1 + ((i / 1000) % 27) : 0;
    city[i] = i % 3 === 0 ? "北京" : `city_${i % 250}`;
    note[i] = i % 50_000 === 0 ? `long note ${i} ${"x".repeat(3000)}` : i % 7 === 0 ? "" : `n${i % 13}`;
  }
  await writeDta(path, {
    columns: [
      { name: "x", values: x },
      { name: "y", values: y, missingTags: tags, type: "long" },
      { name: "city", values: city },
      { name: "note", values: note, type: "strL" },
    ],
  });
  return path;
}

function collect(batches: DtaBatch[], j: number): unknown[] {
  const out: unknown[] = [];
  for (const b of batches) out.push(...Array.from(b.columns[j] as ArrayLike<unknown>));
  return out;
}

describe("streaming a 300,000-row file", async () => {
  const path = await makeFile();
  const whole: DtaTable = await readDta(path);

  it("one-shot read has the generated values", () => {
    expect(whole.meta.nrows).toBe(N);
    expect((whole.columns[0] as Float64Array)[N - 1]).toBe((N - 1) * 0.5 - 1000);
    expect((whole.columns[2] as string[])[3]).toBe("北京");
    expect((whole.columns[3] as string[])[50_000]).toMatch(/^long note 50000 x{3000}$/);
    expect(whole.missingTags[1]![27_000]).toBe(1 + (27 % 27));
  });

  for (const batchRows of [65_536, 10_007]) {
    it(`batches of ${batchRows} rows equal the one-shot read and stay bounded`, async () => {
      const f = await openDta(path, { batchRows });
      const batches: DtaBatch[] = [];
      for await (const b of f.batches()) batches.push(b);
      await f.close();
      expect(batches.length).toBe(Math.ceil(N / batchRows));
      let next = 0;
      for (const b of batches) {
        expect(b.start).toBe(next);
        expect(b.nrows).toBeLessThanOrEqual(batchRows);
        for (const c of b.columns) expect(c.length).toBe(b.nrows);
        next += b.nrows;
      }
      expect(next).toBe(N);
      for (let j = 0; j < 4; j++) {
        expect(collect(batches, j)).toEqual(Array.from(whole.columns[j] as ArrayLike<unknown>));
      }
      const tags: number[] = [];
      for (const b of batches) tags.push(...Array.from(b.missingTags[1] ?? new Uint8Array(b.nrows)));
      expect(tags).toEqual(Array.from(whole.missingTags[1]!));
    });
  }

  it("can iterate twice, and stop early without errors", async () => {
    const f = await openDta(path, { batchRows: 100_000 });
    let first = 0;
    for await (const b of f.batches()) {
      first += b.nrows;
      break;
    }
    let all = 0;
    for await (const b of f.batches()) all += b.nrows;
    await f.close();
    expect(first).toBe(100_000);
    expect(all).toBe(N);
  });
});
