/**
 * Coverage of study A's truth.json targets over many seeds (the rule of
 * test/studies/upstream-innovation/coverage-tiny.test.ts over more worlds; development aid, not
 * part of the product): per table group, the share of 95% intervals that cover the consistent
 * targets, and the keys missed most often.
 * Usage: npx tsx scripts/a-coverage.ts 1-30 [tiny|default]
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { Scale } from "../src/studies/types.js";
import {
  estimateOf,
  readTruth,
  runInto,
  sourcesOf,
  synth,
  tempDir,
} from "../test/studies/upstream-innovation/helpers.js";

/** Table group of a truth key, as the coverage test groups them. */
function groupOf(key: string): string {
  if (key.startsWith("robustness_") || key.startsWith("inference.")) return "robustness";
  return key.endsWith(".us_robot") ? "first stage" : "second stage";
}

const [from, to] = (process.argv[2] ?? "1-30").split("-").map(Number);
const scale = (process.argv[3] ?? "tiny") as Scale;
const tally = new Map<string, { covered: number; total: number }>();
const misses = new Map<string, number>();
for (let seed = from; seed <= to; seed++) {
  const root = await tempDir(`a-coverage-${seed}-`);
  try {
    const src = await synth(root, seed, scale);
    const truth = await readTruth(src);
    await runInto(join(root, "out"), sourcesOf(src));
    for (const [key, value] of Object.entries(truth.effects)) {
      if (key in truth.biased) continue;
      const b = await estimateOf(join(root, "out"), key);
      const covered = Math.abs(b.estimate - value) <= 1.96 * b.se;
      const t = tally.get(groupOf(key)) ?? { covered: 0, total: 0 };
      t.total += 1;
      t.covered += covered ? 1 : 0;
      tally.set(groupOf(key), t);
      if (!covered) misses.set(key, (misses.get(key) ?? 0) + 1);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
let covered = 0;
let total = 0;
for (const [group, t] of tally) {
  console.log(`${group}: ${t.covered}/${t.total} = ${(t.covered / t.total).toFixed(3)}`);
  covered += t.covered;
  total += t.total;
}
console.log(`all: ${covered}/${total} = ${(covered / total).toFixed(3)}`);
for (const [key, n] of [...misses].sort((a, b) => b[1] - a[1])) console.log(`${key} ${n}`);
