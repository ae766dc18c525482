/**
 * Quick evaluation of study B's twin against the paper (development aid, not part of the product):
 * generate one world per seed, build the panels as the pipeline does, estimate every printed column
 * and count the coefficients within two combined SEs and the sign misses.
 * Usage: npx tsx scripts/b-eval.ts [seeds=1,2] [--all] [--truth] [--tiny] [--set=country.betaStru=0.7,…]
 * ("mine" counts the country-panel columns and Table 7, the rest "others".)
 */
import { readFileSync } from "node:fs";
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
import { PARAMS } from "../src/studies/tfp-divergence/synth/params.js";
import { sourceFrames } from "../src/studies/tfp-divergence/synth/source-frames.js";
import { truthFromPanels } from "../src/studies/tfp-divergence/synth/truth.js";
import { writeSources } from "../src/studies/tfp-divergence/synth/write-sources.js";

interface PaperCoef {
  key: string;
  coef: number;
  se: number;
  stars: number;
}
const paper: PaperCoef[] = JSON.parse(readFileSync("data/papers/tfp-divergence.json", "utf8")).coefficients;
const args = process.argv.slice(2);
const seeds = (args.find((a) => !a.startsWith("--")) ?? "1,2").split(",").map(Number);
const showAll = args.includes("--all");
const withTruth = args.includes("--truth");
const scale = args.includes("--tiny") ? "tiny" : "default";
// --set block.key=value,block.key=value: override PARAMS at run time (experiments only).
const set = args.find((a) => a.startsWith("--set="));
if (set) {
  for (const kv of set.slice(6).split(",")) {
    const [path, value] = kv.split("=");
    const parts = path.split(".");
    let obj = PARAMS as unknown as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) obj = obj[p] as Record<string, unknown>;
    if (!(parts[parts.length - 1] in obj)) throw new Error(`unknown parameter ${path}`);
    obj[parts[parts.length - 1]] = Number(value);
  }
}

for (const seed of seeds) {
  const t0 = performance.now();
  const dir = await mkdtemp(join(tmpdir(), "b-eval-"));
  const session = await DataSession.open();
  try {
    const g = generateWorld(seed, scale);
    const files = await writeSources(session, sourceFrames(g), dir);
    await registerSources(
      session,
      schema,
      Object.fromEntries(Object.entries(files).map(([n, p]) => [n, { path: p }])),
    );
    const panels = await buildPanels(session, () => {});
    const truth = withTruth ? truthFromPanels(g, panels, seed, scale) : null;
    const est = new Estimator({ country: panels.country.frame, industry: panels.industry.frame });
    const got = new Map<string, { b: number; se: number }>();
    for (const { table, column, model, terms } of printedColumns(est)) {
      const r = est.estimate(model, `${table}.${column}`);
      for (const term of terms) {
        const c = r.coefficients.find((x) => x.term === term);
        if (c) got.set(`${table}.${column}.${term}`, { b: c.estimate, se: c.se });
      }
    }
    const mine = (k: string) => /^table7\.|^table2\.[123]\.|^table3\.[123]\.|^table4\.[12]\.|^table5\.[12]\./.test(k);
    let withinMine = 0;
    let nMine = 0;
    let signMissMine = 0;
    let within = 0;
    let sig = 0;
    let signOk = 0;
    const lines: string[] = [];
    for (const p of paper) {
      const r = got.get(p.key);
      if (!r) {
        lines.push(`  MISSING ${p.key}`);
        continue;
      }
      const d = (r.b - p.coef) / Math.sqrt(r.se ** 2 + p.se ** 2);
      const ok = Math.abs(d) <= 2;
      if (ok) within++;
      if (mine(p.key)) {
        nMine++;
        if (ok) withinMine++;
      }
      const sgn = Math.sign(r.b) === Math.sign(p.coef);
      if (p.stars > 0) {
        sig++;
        if (sgn) signOk++;
        else if (mine(p.key)) signMissMine++;
      }
      const tr = truth ? truth.effects[p.key] : undefined;
      const flag = (!ok ? "X" : " ") + (p.stars > 0 && !sgn ? "S" : " ");
      if (showAll || !ok || (p.stars > 0 && !sgn))
        lines.push(
          `  ${flag} ${p.key.padEnd(28)} paper ${p.coef.toFixed(4).padStart(8)} (${p.se.toFixed(4)}) run ${r.b.toFixed(4).padStart(8)} (${r.se.toFixed(4)}) d ${d.toFixed(2).padStart(6)}${tr !== undefined ? ` truth ${tr.toFixed(4)}${truth && p.key in truth.biased ? " b" : ""}` : ""}`,
        );
    }
    console.log(
      `seed ${seed}: within 2 SE ${within}/${paper.length}; signs ${signOk}/${sig}; mine ${withinMine}/${nMine} (sign misses ${signMissMine}), others ${within - withinMine}/${paper.length - nMine} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    console.log(lines.join("\n"));
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}
