/**
 * ivreg2's check that the robust or cluster-robust covariance S of all moment conditions has full
 * rank (rank(S) = L, Stata `invsym`); when it does not — typically fewer clusters than instruments —
 * ivreg2 reports no Hansen J and no endogeneity (C) test. The exact check needs the included
 * exogenous regressors; without them the partialled block is checked and S is declared deficient only
 * when the clusters cannot span L dimensions (rank(S) ≤ number of cluster sums).
 */
import { intersectClusters } from "../vcov/meat.js";
import { matrixRank } from "../../linalg/symmetric.js";
import { momentCovariance } from "./moment-covariance.js";
import type { Setup } from "./setup.js";

/**
 * Null when S has full rank, else a note saying why ivreg2 suppresses the statistics.
 * @example const problem = momentRankProblem(setup, setup.z, resid2sls, setup.L);
 */
export function momentRankProblem(
  s: Setup,
  partialled: readonly Float64Array[],
  e: Float64Array,
  fullCount: number,
): string | null {
  if (s.vce === "iid") return null;
  const cols = s.included ? [...partialled, ...s.included] : partialled;
  const omega = momentCovariance(s, cols, [e], s.dofminus);
  const rank = matrixRank(omega, cols.length);
  const clusters = s.nClust !== null ? ` (${describeClusters(s)})` : "";
  const because = `the estimated covariance matrix of the moment conditions is not of full rank`;
  if (rank < cols.length) {
    return `${because} (rank ${rank} of ${s.included ? cols.length : `${cols.length} partialled`})${clusters}; ivreg2 reports no J or endogeneity statistic`;
  }
  if (!s.included && s.clusters.length > 0) {
    const span = clusterSpan(s);
    if (span < fullCount)
      return `${because}: ${span} cluster sums cannot span ${fullCount} instruments${clusters}; ivreg2 reports no J or endogeneity statistic`;
  }
  return null;
}

/** Upper bound on rank(S): the number of cluster sums entering it (G, or G1 + G2 + G12 two-way). */
function clusterSpan(s: Setup): number {
  const dims = s.clusters;
  let total = 0;
  for (let mask = 1; mask < 1 << dims.length; mask++) {
    total += distinct(intersectClusters(dims.filter((_, j) => mask & (1 << j))).codes);
  }
  return total;
}

function distinct(codes: Int32Array): number {
  return new Set(codes).size;
}

function describeClusters(s: Setup): string {
  return s.clusters.map((d) => `${distinct(d.codes)} clusters in ${d.name}`).join(", ");
}
