/**
 * Degrees of freedom absorbed by the fixed effects.
 *
 * Rule (reghdfe's default): the first FE absorbs all its G₁ levels (one of them standing for the
 * intercept); the second absorbs G₂ − c levels where c is the exact number of connected components of
 * the bipartite graph of FE 1 and FE 2 levels; every further FE absorbs G_j − 1 levels (one presumed
 * redundant — a conservative count that can overstate K when a later FE is nested in an earlier one).
 * R fixest's default (`fixef.force_exact = FALSE`) presumes one redundant level for every FE after the
 * first, the second included, whatever the connectivity: `exactSecond = false` reproduces it. An FE nested in a cluster variable is not counted in
 * the K of cluster-robust small-sample factors (its G_j − 1 levels are removed, leaving its intercept
 * share), as reghdfe and fixest's `fixef.K = "nested"` do.
 */
import { connectedComponents } from "../fe/components.js";
import { type Factor, isNested } from "../fe/factor.js";
import type { ClusterDim } from "./vcov/meat.js";

export interface FixedEffectDof {
  readonly name: string;
  readonly levels: number;
  /** Levels counted as redundant. */
  readonly redundant: number;
  /** Whether the FE is nested in one of the cluster variables. */
  readonly nestedInCluster: boolean;
}

/**
 * Per-FE level and redundancy counts.
 * @example const d = fixedEffectDof([firm, year], []); d[1].redundant; // connected components of firm–year
 */
export function fixedEffectDof(
  factors: readonly Factor[],
  clusters: readonly ClusterDim[],
  exactSecond = true,
): FixedEffectDof[] {
  return factors.map((f, j) => {
    let redundant: number;
    if (j === 0) redundant = 0;
    else if (j === 1 && exactSecond) redundant = connectedComponents(factors[0], f);
    else redundant = 1;
    const nestedInCluster = clusters.some((c) => isNested(f, c));
    return { name: f.name, levels: f.levels, redundant, nestedInCluster };
  });
}

/**
 * Total FE degrees of freedom (including the absorbed intercept), and the same without FE nested in clusters.
 * @example const { all, nested } = totalFeDof(fixedEffectDof([firm, year], []));
 */
export function totalFeDof(dofs: readonly FixedEffectDof[]): { all: number; withoutNested: number } {
  let all = 0;
  let withoutNested = 0;
  for (const d of dofs) {
    const k = d.levels - d.redundant;
    all += k;
    withoutNested += d.nestedInCluster ? k - (d.levels - 1) : k;
  }
  return { all, withoutNested };
}
