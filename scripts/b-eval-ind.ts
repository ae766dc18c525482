/**
 * Study B's industry cells over several seeds (development aid for the industry block, not part of
 * the product): like scripts/b-eval.ts, plus a summary over the seeds (mean and minimum of cells
 * within 2 SE, sign misses, score = within 2 SE − 2 × sign misses) and, per printed cell, how many
 * seeds miss it, the run's values and the truth's.
 * Usage: npx tsx scripts/b-eval-ind.ts [seeds=1,2,3,4,5,6] [--cells | --counts] [--only=regex] [--set=block.key=value,…]
 */
import { summarizeComparison } from "../src/report/paper-comparison-summary.js";
import { loadPaperCoefficients } from "../src/report/paper-coefficients.js";
import { compareSeed } from "./b-compare-seed.js";
import { applyParamSet } from "./b-param-set.js";

const paper = loadPaperCoefficients("tfp-divergence");
if (!paper) throw new Error("data/papers/tfp-divergence.json is missing");
const args = process.argv.slice(2);
const seeds = (args.find((a) => !a.startsWith("--")) ?? "1,2,3,4,5,6").split(",").map(Number);
const showCells = args.includes("--cells") || args.includes("--counts");
/** `--counts`: the per-cell lines without the truth (faster). */
const withTruth = args.includes("--cells");
const only = args.find((a) => a.startsWith("--only="))?.slice(7);
applyParamSet(args);

interface Cell {
  paper: number;
  se: number;
  runs: string[];
  truths: string[];
  misses: number;
  signMisses: number;
}
const cells = new Map<string, Cell>();
const within: number[] = [];
const signMisses: number[] = [];
for (const seed of seeds) {
  const { rows, truth } = await compareSeed(paper, seed, "default", withTruth);
  {
    const all = summarizeComparison(rows);
    within.push(all.within2Se);
    signMisses.push(all.significant - all.signAgree);
    for (const r of rows) {
      const p = r.paper;
      const cell = cells.get(p.key) ?? {
        paper: p.coef,
        se: p.se ?? 0,
        runs: [],
        truths: [],
        misses: 0,
        signMisses: 0,
      };
      cells.set(p.key, cell);
      if (r.coef === null || r.se === null || r.diffSe === null) {
        cell.misses += 1;
        cell.runs.push("missing");
        continue;
      }
      if (Math.abs(r.diffSe) > 2) cell.misses += 1;
      if (p.stars > 0 && !r.signAgree) cell.signMisses += 1;
      cell.runs.push(`${r.coef.toFixed(4)}(${r.se.toFixed(4)})`);
      const tr = truth?.effects[p.key];
      cell.truths.push(tr === undefined ? "-" : tr.toFixed(4));
    }
  }
}
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const score = within.map((w, k) => w - 2 * signMisses[k]);
if (showCells)
  for (const [key, c] of cells) {
    if (only && !new RegExp(only).test(key)) continue;
    console.log(
      `${key.padEnd(30)} paper ${c.paper.toFixed(4).padStart(8)} (${c.se.toFixed(4)}) X${c.misses} S${c.signMisses} | ${c.runs.join(" ")} | truth ${c.truths.join(" ")}`,
    );
  }
console.log(
  `within 2 SE ${within.join(", ")} (mean ${mean(within).toFixed(2)}, min ${Math.min(...within)}); sign misses ${signMisses.join(", ")} (mean ${mean(signMisses).toFixed(2)}); score mean ${mean(score).toFixed(2)}, min ${Math.min(...score)}`,
);
