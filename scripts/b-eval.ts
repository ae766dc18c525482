/**
 * Quick evaluation of study B's twin against the paper (development aid, not part of the product):
 * generate one world per seed, build the panels as the pipeline does, estimate every printed column
 * and compare with the paper as `paper-comparison.md` does (report/paper-comparison.ts).
 * Usage: npx tsx scripts/b-eval.ts [seeds=1,2] [--all] [--truth] [--tiny] [--set=country.betaStru=0.7,…]
 * ("mine" counts the country-panel columns and Table 7, the rest "others".)
 */
import { summarizeComparison } from "../src/report/paper-comparison-summary.js";
import { loadPaperCoefficients } from "../src/report/paper-coefficients.js";
import { compareSeed } from "./b-compare-seed.js";
import { applyParamSet } from "./b-param-set.js";

const paper = loadPaperCoefficients("tfp-divergence");
if (!paper) throw new Error("data/papers/tfp-divergence.json is missing");
const args = process.argv.slice(2);
const seeds = (args.find((a) => !a.startsWith("--")) ?? "1,2").split(",").map(Number);
const showAll = args.includes("--all");
const withTruth = args.includes("--truth");
const scale = args.includes("--tiny") ? "tiny" : "default";
applyParamSet(args);

/** Per seed: within 2 SE, sign misses, and the same for "mine" (for the summary line). */
const summary: { seed: number; within: number; misses: number; mineWithin: number; mineMisses: number }[] = [];
const mine = (k: string) => /^table7\.|^table2\.[123]\.|^table3\.[123]\.|^table4\.[12]\.|^table5\.[12]\./.test(k);

for (const seed of seeds) {
  const t0 = performance.now();
  const { rows, truth } = await compareSeed(paper, seed, scale, withTruth);
  {
    const all = summarizeComparison(rows);
    const ours = summarizeComparison(rows.filter((r) => mine(r.paper.key)));
    const lines: string[] = [];
    for (const r of rows) {
      const p = r.paper;
      if (r.coef === null || r.se === null || r.diffSe === null) {
        lines.push(`  MISSING ${p.key}`);
        continue;
      }
      const ok = Math.abs(r.diffSe) <= 2;
      const signMiss = p.stars > 0 && !r.signAgree;
      const tr = truth ? truth.effects[p.key] : undefined;
      const flag = (!ok ? "X" : " ") + (signMiss ? "S" : " ");
      if (showAll || !ok || signMiss)
        lines.push(
          `  ${flag} ${p.key.padEnd(28)} paper ${p.coef.toFixed(4).padStart(8)} (${(p.se ?? 0).toFixed(4)}) run ${r.coef.toFixed(4).padStart(8)} (${r.se.toFixed(4)}) d ${r.diffSe.toFixed(2).padStart(6)}${tr !== undefined ? ` truth ${tr.toFixed(4)}${truth && p.key in truth.biased ? " b" : ""}` : ""}`,
        );
    }
    console.log(
      `seed ${seed}: within 2 SE ${all.within2Se}/${all.printed}; signs ${all.signAgree}/${all.significant}; mine ${ours.within2Se}/${ours.printed} (sign misses ${ours.significant - ours.signAgree}), others ${all.within2Se - ours.within2Se}/${all.printed - ours.printed} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    console.log(lines.join("\n"));
    summary.push({
      seed,
      within: all.within2Se,
      misses: all.significant - all.signAgree,
      mineWithin: ours.within2Se,
      mineMisses: ours.significant - ours.signAgree,
    });
  }
}

// Score = within 2 SE − 2 × sign misses (the calibration's objective), mean and minimum over seeds.
if (summary.length > 1) {
  const score = (w: number, m: number) => w - 2 * m;
  const mean = (f: (s: (typeof summary)[number]) => number) =>
    (summary.reduce((a, s) => a + f(s), 0) / summary.length).toFixed(2);
  const min = (f: (s: (typeof summary)[number]) => number) => Math.min(...summary.map(f));
  console.log(
    `summary over seeds ${summary.map((s) => s.seed).join(",")}: within 2 SE mean ${mean((s) => s.within)} (min ${min((s) => s.within)}), sign misses mean ${mean((s) => s.misses)} (max ${-min((s) => -s.misses)}), score mean ${mean((s) => score(s.within, s.misses))} (min ${min((s) => score(s.within, s.misses))}); mine within ${mean((s) => s.mineWithin)}, sign misses ${mean((s) => s.mineMisses)}, score ${mean((s) => score(s.mineWithin, s.mineMisses))} (min ${min((s) => score(s.mineWithin, s.mineMisses))})`,
  );
}
