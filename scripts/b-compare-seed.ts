/**
 * One seed of study B's twin compared with the paper, as `paper-comparison.md` does it: generate the
 * world, build the panels as the pipeline does, estimate every printed column (development aid for
 * scripts/b-eval.ts and scripts/b-eval-ind.ts, not part of the product).
 * @example const { rows, truth } = await compareSeed(paper, 1, "default", true);
 */
import { type ComparisonRow, comparePaper, type RunCoefficient } from "../src/report/paper-comparison.js";
import type { PaperCoefficients } from "../src/report/paper-coefficients.js";
import { Estimator } from "../src/studies/tfp-divergence/estimator.js";
import { printedColumns } from "../src/studies/tfp-divergence/synth/estimands.js";
import { truthFromPanels } from "../src/studies/tfp-divergence/synth/truth.js";
import { withWorldPanels } from "../src/studies/tfp-divergence/synth/world-panels.js";

/** The comparison rows of one seed and, if asked, the twin's truth. */
export interface SeedComparison {
  readonly rows: ComparisonRow[];
  readonly truth: ReturnType<typeof truthFromPanels> | null;
}

/** Compare one seed's run (at `scale`) with the paper's printed coefficients. */
export async function compareSeed(
  paper: PaperCoefficients,
  seed: number,
  scale: "tiny" | "default",
  withTruth: boolean,
): Promise<SeedComparison> {
  return withWorldPanels(seed, scale, ({ generated, panels }) => {
    const truth = withTruth ? truthFromPanels(generated, panels, seed, scale) : null;
    const est = new Estimator({ country: panels.country.frame, industry: panels.industry.frame });
    const got = new Map<string, RunCoefficient>();
    for (const { table, column, model, terms } of printedColumns(est)) {
      const r = est.estimate(model, `${table}.${column}`);
      for (const term of terms) {
        const c = r.coefficients.find((x) => x.term === term);
        if (c) got.set(`${table}.${column}.${term}`, { estimate: c.estimate, se: c.se, p: c.p });
      }
    }
    return { rows: comparePaper(paper, (t, c, term) => got.get(`${t}.${c}.${term}`) ?? null), truth };
  });
}
