/**
 * The direct solver's first budget check: the estimated number of distinct F–F links (pairs of F
 * levels sharing an A level) from a sample of F levels, so that a well-connected graph is turned
 * down before any assembly. For each sampled level, the distinct F levels of the A levels it
 * touches are counted. When A's codes are in nondecreasing order (a sorted panel) its levels are
 * runs of rows, found in the one pass that finds the sampled rows; otherwise three passes number
 * the touched A levels compactly and gather their F levels. Both count the same sets.
 */
import type { CodeView } from "./value-codes.js";

/** F levels sampled to estimate how many F–F links the graph has. */
const LINK_SAMPLE = 32;

/**
 * Estimated number of distinct F–F links of the A–F graph.
 * @example const links = estimateLinks(codeView(worker), worker.levels, codeView(firm), firm.levels);
 */
export function estimateLinks(av: CodeView, aLevels: number, fv: CodeView, fLevels: number): number {
  const k = Math.min(LINK_SAMPLE, fLevels);
  if (k === 0) return 0;
  const sampled = new Int32Array(fLevels).fill(-1);
  for (let s = 0; s < k; s++) sampled[Math.floor((s * fLevels) / k)] = s;
  const links = sortedRuns(av, fv, fLevels, sampled, k) ?? anyOrder(av, aLevels, fv, fLevels, sampled, k);
  return (Math.max(0, links) / k) * fLevels;
}

/**
 * The count (before scaling) when A's codes never decrease, else null: one pass records, per
 * sampled level, the first row of each A run it occurs in; each such run is then read once.
 */
function sortedRuns(
  av: CodeView,
  fv: CodeView,
  fLevels: number,
  sampled: Int32Array,
  k: number,
): number | null {
  const { array: ac } = av;
  const { array: fc, base: fb } = fv;
  const runsOf: number[][] = Array.from({ length: k }, () => []);
  const lastRun = new Float64Array(k).fill(-1);
  let runStart = 0;
  for (let i = 0; i < ac.length; i++) {
    if (i > 0 && ac[i] !== ac[i - 1]) {
      if (ac[i] < ac[i - 1]) return null;
      runStart = i;
    }
    const s = sampled[fc[i] - fb];
    if (s < 0 || lastRun[s] === runStart) continue;
    lastRun[s] = runStart;
    runsOf[s].push(runStart);
  }
  const seen = new Int32Array(fLevels).fill(-1);
  let links = 0;
  runsOf.forEach((runs, s) => {
    for (const r0 of runs) {
      const a = ac[r0];
      for (let r = r0; r < ac.length && ac[r] === a; r++) {
        const f = fc[r] - fb;
        if (seen[f] === s) continue;
        seen[f] = s;
        links++;
      }
    }
    links--; // the level itself
  });
  return links;
}

/** The estimate through a compact numbering of the touched A levels: three passes, any row order. */
function anyOrder(
  av: CodeView,
  aLevels: number,
  fv: CodeView,
  fLevels: number,
  sampled: Int32Array,
  k: number,
): number {
  const ac = av.array;
  const ab = av.base;
  const fc = fv.array;
  const fb = fv.base;
  // A levels touched by each sampled F level, numbered compactly.
  const groupsOf: number[][] = Array.from({ length: k }, () => []);
  const compact = new Int32Array(aLevels).fill(-1);
  let m = 0;
  for (let i = 0; i < ac.length; i++) {
    const s = sampled[fc[i] - fb];
    if (s < 0) continue;
    const g = ac[i] - ab;
    if (compact[g] < 0) compact[g] = m++;
    groupsOf[s].push(compact[g]);
  }
  // F levels of those A levels (compressed rows).
  const start = new Int32Array(m + 1);
  for (let i = 0; i < ac.length; i++) {
    const g = compact[ac[i] - ab];
    if (g >= 0) start[g + 1]++;
  }
  for (let g = 0; g < m; g++) start[g + 1] += start[g];
  const at = start.slice(0, m);
  const levels = new Int32Array(start[m]);
  for (let i = 0; i < ac.length; i++) {
    const g = compact[ac[i] - ab];
    if (g >= 0) levels[at[g]++] = fc[i] - fb;
  }
  const seen = new Int32Array(fLevels).fill(-1);
  let links = 0;
  groupsOf.forEach((groups, s) => {
    for (const g of groups)
      for (let e = start[g]; e < start[g + 1]; e++) {
        if (seen[levels[e]] === s) continue;
        seen[levels[e]] = s;
        links++;
      }
    links--; // the level itself
  });
  return links;
}
