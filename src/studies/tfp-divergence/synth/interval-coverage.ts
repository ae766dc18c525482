/**
 * Whether each consistent printed coefficient's 95% interval covers its target: every column of
 * Tables 2–9 estimated on a world's panels, skipping the effects truth.json lists as biased.
 */
import type { Scale } from "../../types.js";
import { Estimator } from "../estimator.js";
import { printedColumns } from "./estimands.js";
import { truthFromPanels } from "./truth.js";
import type { WorldPanels } from "./world-panels.js";

/** One consistent coefficient: its key (`table2.5.Exposure`), panel, and whether the interval covers the target. */
export interface CoverageCell {
  readonly key: string;
  readonly panel: "country" | "industry";
  readonly covered: boolean;
}

/**
 * The coverage of every consistent printed coefficient on one world's panels.
 * @example await withWorldPanels(7, "tiny", (w) => intervalCoverage(w, 7, "tiny").filter((c) => c.covered).length);
 */
export function intervalCoverage(
  { generated, panels }: WorldPanels,
  seed: number,
  scale: Scale,
): CoverageCell[] {
  const truth = truthFromPanels(generated, panels, seed, scale);
  const est = new Estimator({ country: panels.country.frame, industry: panels.industry.frame });
  const cells: CoverageCell[] = [];
  for (const { table, column, model, terms } of printedColumns(est)) {
    for (const term of terms) {
      const key = `${table}.${column}.${term}`;
      if (!(key in truth.effects) || key in truth.biased) continue;
      const c = est.estimate(model, key).coefficients.find((x) => x.term === term);
      if (!c) throw new Error(`${key}: no coefficient`);
      cells.push({
        key,
        panel: model.panel,
        covered: Math.abs(c.estimate - truth.effects[key]) <= 1.96 * c.se,
      });
    }
  }
  return cells;
}
