/**
 * Coverage of the consistent printed coefficients of study B over tiny seeds, per panel (the rule of
 * test/studies/tfp-divergence/coverage.test.ts over more worlds; development aid).
 * Usage: npx tsx scripts/b-coverage.ts 1-30
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSession } from "../src/io/session.js";
import { registerSources } from "../src/studies/sources.js";
import { Estimator } from "../src/studies/tfp-divergence/estimator.js";
import { buildPanels } from "../src/studies/tfp-divergence/panels.js";
import { schema } from "../src/studies/tfp-divergence/schema.js";
import { printedColumns } from "../src/studies/tfp-divergence/synth/estimands.js";
import { generateWorld } from "../src/studies/tfp-divergence/synth/generate.js";
import { sourceFrames } from "../src/studies/tfp-divergence/synth/source-frames.js";
import { truthFromPanels } from "../src/studies/tfp-divergence/synth/truth.js";
import { writeSources } from "../src/studies/tfp-divergence/synth/write-sources.js";

const [from, to] = (process.argv[2] ?? "1-30").split("-").map(Number);
const tally = { country: { covered: 0, total: 0 }, industry: { covered: 0, total: 0 } };
const missKeys = new Map<string, number>();
for (let seed = from; seed <= to; seed++) {
  const dir = await mkdtemp(join(tmpdir(), "b-cov-"));
  const session = await DataSession.open();
  try {
    const g = generateWorld(seed, "tiny");
    const files = await writeSources(session, sourceFrames(g), dir);
    await registerSources(session, schema, Object.fromEntries(Object.entries(files).map(([n, p]) => [n, { path: p }])));
    const panels = await buildPanels(session, () => {});
    const truth = truthFromPanels(g, panels, seed, "tiny");
    const est = new Estimator({ country: panels.country.frame, industry: panels.industry.frame });
    for (const { table, column, model, terms } of printedColumns(est)) {
      for (const term of terms) {
        const key = `${table}.${column}.${term}`;
        if (!(key in truth.effects) || key in truth.biased) continue;
        const c = est.estimate(model, key).coefficients.find((x) => x.term === term);
        if (!c) continue;
        tally[model.panel].total += 1;
        if (Math.abs(c.estimate - truth.effects[key]) <= 1.96 * c.se) tally[model.panel].covered += 1;
        else missKeys.set(key, (missKeys.get(key) ?? 0) + 1);
      }
    }
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}
for (const p of ["country", "industry"] as const)
  console.log(`${p}: ${tally[p].covered}/${tally[p].total} = ${(tally[p].covered / tally[p].total).toFixed(3)}`);
console.log([...missKeys.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join("\n"));
