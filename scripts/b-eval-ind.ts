/**
 * Study B's industry cells over several seeds (development aid for the industry block, not part of
 * the product): like scripts/b-eval.ts, plus a summary over the seeds (mean and minimum of cells
 * within 2 SE, sign misses, score = within 2 SE − 2 × sign misses) and, per printed cell, how many
 * seeds miss it, the run's values and the truth's.
 * Usage: npx tsx scripts/b-eval-ind.ts [seeds=1,2,3,4,5,6] [--cells] [--only=regex] [--set=block.key=value,…]
 */
import { comparePaper, type RunCoefficient } from "../src/report/paper-comparison.js";
import { summarizeComparison } from "../src/report/paper-comparison-summary.js";
import { loadPaperCoefficients } from "../src/report/paper-coefficients.js";
import { Estimator } from "../src/studies/tfp-divergence/estimator.js";
import { printedColumns } from "../src/studies/tfp-divergence/synth/estimands.js";
import { PARAMS } from "../src/studies/tfp-divergence/synth/params.js";
import { truthFromPanels } from "../src/studies/tfp-divergence/synth/truth.js";
import { withWorldPanels } from "../src/studies/tfp-divergence/synth/world-panels.js";

const paper = loadPaperCoefficients("tfp-divergence");
if (!paper) throw new Error("data/papers/tfp-divergence.json is missing");
const args = process.argv.slice(2);
const seeds = (args.find((a) => !a.startsWith("--")) ?? "1,2,3,4,5,6").split(",").map(Number);
const showCells = args.includes("--cells");
const only = args.find((a) => a.startsWith("--only="))?.slice(7);
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
  await withWorldPanels(seed, "default", ({ generated, panels }) => {
    const truth = showCells ? truthFromPanels(generated, panels, seed, "default") : null;
    const est = new Estimator({ country: panels.country.frame, industry: panels.industry.frame });
    const got = new Map<string, RunCoefficient>();
    for (const { table, column, model, terms } of printedColumns(est)) {
      const r = est.estimate(model, `${table}.${column}`);
      for (const term of terms) {
        const c = r.coefficients.find((x) => x.term === term);
        if (c) got.set(`${table}.${column}.${term}`, { estimate: c.estimate, se: c.se, p: c.p });
      }
    }
    const rows = comparePaper(paper, (t, c, term) => got.get(`${t}.${c}.${term}`) ?? null);
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
  });
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
