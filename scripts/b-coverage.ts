/**
 * Coverage of the consistent printed coefficients of study B over tiny seeds, per panel (the rule of
 * test/studies/tfp-divergence/coverage.test.ts over more worlds; development aid).
 * Usage: npx tsx scripts/b-coverage.ts 1-30
 */
import { intervalCoverage } from "../src/studies/tfp-divergence/synth/interval-coverage.js";
import { withWorldPanels } from "../src/studies/tfp-divergence/synth/world-panels.js";

const [from, to] = (process.argv[2] ?? "1-30").split("-").map(Number);
const tally = { country: { covered: 0, total: 0 }, industry: { covered: 0, total: 0 } };
const missKeys = new Map<string, number>();
for (let seed = from; seed <= to; seed++) {
  const cells = await withWorldPanels(seed, "tiny", (w) => intervalCoverage(w, seed, "tiny"));
  for (const { key, panel, covered } of cells) {
    tally[panel].total += 1;
    if (covered) tally[panel].covered += 1;
    else missKeys.set(key, (missKeys.get(key) ?? 0) + 1);
  }
}
for (const p of ["country", "industry"] as const)
  console.log(`${p}: ${tally[p].covered}/${tally[p].total} = ${(tally[p].covered / tally[p].total).toFixed(3)}`);
console.log([...missKeys.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join("\n"));
