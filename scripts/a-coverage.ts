/**
 * Coverage of study A's truth.json targets over many seeds (the rule of
 * test/studies/upstream-innovation/coverage-tiny.test.ts, through its `seedCoverage`, over more
 * worlds; development aid, not part of the product): per table group, the share of 95% intervals
 * that cover the consistent targets, and the keys missed most often.
 * Usage: npx tsx scripts/a-coverage.ts 1-30 [tiny|default]
 */
import type { Scale } from "../src/studies/types.js";
import { seedCoverage } from "../test/studies/upstream-innovation/helpers.js";

const [from, to] = (process.argv[2] ?? "1-30").split("-").map(Number);
const scale = (process.argv[3] ?? "tiny") as Scale;
const tally = new Map<string, { covered: number; total: number }>();
const misses = new Map<string, number>();
for (let seed = from; seed <= to; seed++) {
  for (const { key, group, covered } of await seedCoverage(seed, scale)) {
    const t = tally.get(group) ?? { covered: 0, total: 0 };
    t.total += 1;
    t.covered += covered ? 1 : 0;
    tally.set(group, t);
    if (!covered) misses.set(key, (misses.get(key) ?? 0) + 1);
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
