/**
 * Direct solve of the fixed-effects normal equations for designs where iterating is slow: poorly
 * connected firm–worker graphs, where conjugate gradients need hundreds of sweeps.
 *
 * The largest FE (A, e.g. workers) is eliminated exactly: its block of the normal equations is
 * diagonal. What remains is the Schur complement S = B'WB − B'WA(A'WA)⁻¹A'WB on the other FE's
 * dummies B: for the second largest FE (F, e.g. firms) a sparse weighted graph Laplacian of the
 * bipartite A–F graph, plus a few dense rows for the remaining small FE (e.g. years). S is ordered by
 * reverse Cuthill–McKee (small FE last) and factored by an envelope Cholesky; redundant dummies
 * (one per connected component, and the small FE's collinear levels) get zero pivots.
 *
 * The plan is only made when it is cheap: the graph's distinct F–F links, the envelope and the
 * factorisation's flops must fit fixed budgets; otherwise {@link planDirect} returns null and the
 * caller iterates instead (well-connected graphs converge in a few sweeps anyway).
 */
import { choleskyInPlace, choleskySolve, type Envelope, makeEnvelope } from "./envelope-cholesky.js";
import type { Factor } from "./factor.js";
import { reverseCuthillMcKee } from "./rcm.js";

/** Budgets beyond which the direct solve is not attempted. */
const MAX_LINKS = 4_000_000;
const MAX_ENVELOPE = 30_000_000;
const MAX_FLOPS = 2e9;
const MAX_SMALL_LEVELS = 512;

/** A factored direct solver for one set of fixed effects and weights. */
export interface DirectPlan {
  /** Replace x in place by its residual from the (weighted) projection on all the FE dummies. */
  readonly residualize: (x: Float64Array) => void;
  /** Size of the factored system and its envelope, for reports. */
  readonly size: number;
  readonly envelope: number;
}

/**
 * Factor the FE normal equations when that is cheap (see the file comment), else null.
 * @example const plan = planDirect([worker, firm, year], null); if (plan) plan.residualize(y);
 */
export function planDirect(factors: readonly Factor[], weights: Float64Array | null): DirectPlan | null {
  if (factors.length < 2) return null;
  const sorted = [...factors].sort((a, b) => b.levels - a.levels);
  const [A, F, ...small] = sorted;
  const smallLevels = small.reduce((s, f) => s + f.levels, 0);
  if (smallLevels > MAX_SMALL_LEVELS || F.levels * smallLevels > MAX_ENVELOPE) return null;
  if (estimateLinks(A, F) > MAX_LINKS) return null;
  const n = A.codes.length;
  const w = weights;
  const ga = A.levels;
  const gf = F.levels;
  const ac = A.codes;
  const fc = F.codes;

  const offsets: number[] = [];
  let off = 0;
  for (const f of small) {
    offsets.push(off);
    off += f.levels;
  }
  // The F–F block of S and the small FE's dense blocks; the row-sized intermediates stay inside.
  const assembled = assemble(A, F, small, offsets, smallLevels, w);
  if (!assembled) return null;
  const { nA, block, smallBlocks } = assembled;

  // Order F by reverse Cuthill–McKee; small FE rows come last and are dense.
  const order = reverseCuthillMcKee(block);
  const pos = new Int32Array(gf);
  for (let k = 0; k < gf; k++) pos[order[k]] = k;
  const size = gf + smallLevels;
  const first = new Int32Array(size);
  let flops = 0;
  for (let k = 0; k < gf; k++) {
    const l = order[k];
    let f0 = k;
    for (let e = block.start[l]; e < block.start[l + 1]; e++) {
      const p = pos[block.adj[e]];
      if (p < f0) f0 = p;
    }
    first[k] = f0;
    flops += (k - f0) * (k - f0);
  }
  let envF = 0;
  for (let k = 0; k < gf; k++) envF += k - first[k];
  flops += smallLevels * (envF + gf * smallLevels);
  const envelope = envF + smallLevels * gf + (smallLevels * (smallLevels - 1)) / 2;
  if (envelope > MAX_ENVELOPE || flops > MAX_FLOPS) return null;

  const env = makeEnvelope(first);
  // F–F entries (lower half in the new order) and diagonal.
  for (let l = 0; l < gf; l++) {
    const k = pos[l];
    env.diag[k] = block.diag[l];
    const base = env.rowStart[k] - first[k];
    for (let e = block.start[l]; e < block.start[l + 1]; e++) {
      const p = pos[block.adj[e]];
      if (p < k) env.values[base + p] = block.val[e];
    }
  }
  // Small FE rows: F×small and small×small blocks.
  if (smallLevels) writeSmallRows(env, smallBlocks, gf, smallLevels, pos);
  choleskyInPlace(env);

  const sumA = new Float64Array(ga);
  const rhs = new Float64Array(size);
  const coefF = new Float64Array(gf);
  const coefS = new Float64Array(smallLevels);
  const smallCodes = small.map((f) => f.codes);
  const residualize = (x: Float64Array): void => {
    groupMeans(x, ac, w, nA, sumA);
    rhs.fill(0);
    for (let i = 0; i < n; i++) {
      const r = (w === null ? 1 : w[i]) * (x[i] - sumA[ac[i]]);
      rhs[pos[fc[i]]] += r;
      for (let t = 0; t < smallCodes.length; t++) rhs[gf + offsets[t] + smallCodes[t][i]] += r;
    }
    choleskySolve(env, rhs);
    for (let l = 0; l < gf; l++) coefF[l] = rhs[pos[l]];
    for (let s = 0; s < smallLevels; s++) coefS[s] = rhs[gf + s];
    for (let i = 0; i < n; i++) {
      let v = x[i] - coefF[fc[i]];
      for (let t = 0; t < smallCodes.length; t++) v -= coefS[offsets[t] + smallCodes[t][i]];
      x[i] = v;
    }
    groupMeans(x, ac, w, nA, sumA);
    for (let i = 0; i < n; i++) x[i] -= sumA[ac[i]];
  };
  return { residualize, size, envelope };
}

/** The F×small and small×small blocks of S, dense (row-major, F level × small level). */
interface SmallBlocks {
  readonly fs: Float64Array;
  readonly ss: Float64Array;
}

/**
 * Assemble S's blocks in stages so that each row-sized intermediate (rows grouped by A level, the
 * A×F cross-tabulation, its transpose) can be freed as soon as the next stage no longer needs it:
 * the rows by A level are gone before the transpose is built. Null beyond the link budget.
 */
function assemble(
  A: Factor,
  F: Factor,
  small: readonly Factor[],
  offsets: readonly number[],
  ns: number,
  w: Float64Array | null,
): { nA: Float64Array; block: NonNullable<ReturnType<typeof ffBlock>>; smallBlocks: SmallBlocks } | null {
  const { nA, cross, smallBlocks } = groupStage(A, F, small, offsets, ns, w);
  // The A groups of each F level (the cross-tabulation's transpose, without its weights).
  const byF = transposeIndex(cross, A.levels, F.levels);
  const block = ffBlock(cross, byF, nA, F.levels);
  return block ? { nA, block, smallBlocks } : null;
}

/** Rows grouped by A level, then the A×F cross-tabulation and the small FE's blocks from them. */
function groupStage(
  A: Factor,
  F: Factor,
  small: readonly Factor[],
  offsets: readonly number[],
  ns: number,
  w: Float64Array | null,
): { nA: Float64Array; cross: SparseRows; smallBlocks: SmallBlocks } {
  const n = A.codes.length;
  const ga = A.levels;
  const ac = A.codes;
  // Weight of each A level, and rows grouped by A level.
  const nA = new Float64Array(ga);
  const gStart = new Int32Array(ga + 1);
  for (let i = 0; i < n; i++) {
    nA[ac[i]] += w === null ? 1 : w[i];
    gStart[ac[i] + 1]++;
  }
  for (let g = 0; g < ga; g++) gStart[g + 1] += gStart[g];
  const fill = gStart.slice(0, ga);
  const gRows = new Int32Array(n);
  for (let i = 0; i < n; i++) gRows[fill[ac[i]]++] = i;
  // Distinct F levels of each A group with their weights (the A×F cross-tabulation by rows).
  const cross = crossTab(gStart, gRows, F.codes, F.levels, w);
  const smallBlocks = ns
    ? smallRows(small, offsets, ns, F, cross, gStart, gRows, nA, w)
    : { fs: new Float64Array(0), ss: new Float64Array(0) };
  return { nA, cross, smallBlocks };
}

/** F levels sampled to estimate how many F–F links the graph has. */
const LINK_SAMPLE = 32;

/**
 * Estimated number of distinct F–F links (pairs of F levels sharing an A level), from a sample of F
 * levels: two passes over the rows, so a well-connected graph is turned down before any assembly.
 */
function estimateLinks(A: Factor, F: Factor): number {
  const k = Math.min(LINK_SAMPLE, F.levels);
  if (k === 0) return 0;
  const sampled = new Int32Array(F.levels).fill(-1);
  for (let s = 0; s < k; s++) sampled[Math.floor((s * F.levels) / k)] = s;
  const ac = A.codes;
  const fc = F.codes;
  // A levels touched by each sampled F level, numbered compactly.
  const groupsOf: number[][] = Array.from({ length: k }, () => []);
  const compact = new Int32Array(A.levels).fill(-1);
  let m = 0;
  for (let i = 0; i < ac.length; i++) {
    const s = sampled[fc[i]];
    if (s < 0) continue;
    const g = ac[i];
    if (compact[g] < 0) compact[g] = m++;
    groupsOf[s].push(compact[g]);
  }
  // F levels of those A levels (compressed rows).
  const start = new Int32Array(m + 1);
  for (let i = 0; i < ac.length; i++) if (compact[ac[i]] >= 0) start[compact[ac[i]] + 1]++;
  for (let g = 0; g < m; g++) start[g + 1] += start[g];
  const at = start.slice(0, m);
  const levels = new Int32Array(start[m]);
  for (let i = 0; i < ac.length; i++) {
    const g = compact[ac[i]];
    if (g >= 0) levels[at[g]++] = fc[i];
  }
  const seen = new Int32Array(F.levels).fill(-1);
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
  return (Math.max(0, links) / k) * F.levels;
}

/** means[g] ← weighted mean of x over the rows of level g. */
function groupMeans(
  x: Float64Array,
  codes: Int32Array,
  w: Float64Array | null,
  tot: Float64Array,
  means: Float64Array,
): void {
  means.fill(0);
  if (w === null) for (let i = 0; i < x.length; i++) means[codes[i]] += x[i];
  else for (let i = 0; i < x.length; i++) means[codes[i]] += w[i] * x[i];
  for (let g = 0; g < means.length; g++) means[g] = tot[g] > 0 ? means[g] / tot[g] : 0;
}

/** Sparse rows: entries start[r] .. start[r+1] of idx/val. */
interface SparseRows {
  readonly start: Int32Array;
  readonly idx: Int32Array;
  readonly val: Float64Array;
}

/** Distinct codes (and summed weights) of each group of rows. */
function crossTab(
  gStart: Int32Array,
  gRows: Int32Array,
  codes: Int32Array,
  levels: number,
  w: Float64Array | null,
): SparseRows {
  const groups = gStart.length - 1;
  const mark = new Int32Array(levels).fill(-1);
  const at = new Int32Array(levels);
  const start = new Int32Array(groups + 1);
  const idx = new Int32Array(gRows.length);
  const val = new Float64Array(gRows.length);
  let e = 0;
  for (let g = 0; g < groups; g++) {
    for (let k = gStart[g]; k < gStart[g + 1]; k++) {
      const i = gRows[k];
      const c = codes[i];
      const wi = w === null ? 1 : w[i];
      if (mark[c] === g) val[at[c]] += wi;
      else {
        mark[c] = g;
        at[c] = e;
        idx[e] = c;
        val[e++] = wi;
      }
    }
    start[g + 1] = e;
  }
  return { start, idx: idx.subarray(0, e), val: val.subarray(0, e) };
}

/** Rows of each column of a sparse matrix (its transpose's pattern, without the values). */
function transposeIndex(m: SparseRows, rows: number, cols: number): { start: Int32Array; idx: Int32Array } {
  const start = new Int32Array(cols + 1);
  for (let e = 0; e < m.idx.length; e++) start[m.idx[e] + 1]++;
  for (let c = 0; c < cols; c++) start[c + 1] += start[c];
  const at = start.slice(0, cols);
  const idx = new Int32Array(m.idx.length);
  for (let r = 0; r < rows; r++) for (let e = m.start[r]; e < m.start[r + 1]; e++) idx[at[m.idx[e]]++] = r;
  return { start, idx };
}

/** The F–F block of S: off-diagonal links (both halves) and the diagonal; null beyond the link budget. */
function ffBlock(
  cross: SparseRows,
  byF: { readonly start: Int32Array; readonly idx: Int32Array },
  nA: Float64Array,
  gf: number,
): { start: Int32Array; adj: Int32Array; val: Float64Array; diag: Float64Array } | null {
  const start = new Int32Array(gf + 1);
  let adj: Int32Array = new Int32Array(Math.min(MAX_LINKS, 1 << 16));
  let val: Float64Array = new Float64Array(adj.length);
  const diag = new Float64Array(gf);
  const mark = new Int32Array(gf).fill(-1);
  const at = new Int32Array(gf);
  let e = 0;
  for (let l = 0; l < gf; l++) {
    let d = 0;
    for (let q = byF.start[l]; q < byF.start[l + 1]; q++) {
      const g = byF.idx[q];
      // Weight of the rows of level l in group g (its entry in the group's cross-tabulation row).
      let wl = 0;
      for (let r = cross.start[g]; r < cross.start[g + 1]; r++) if (cross.idx[r] === l) wl = cross.val[r];
      d += wl;
      if (!(nA[g] > 0)) continue;
      const c = wl / nA[g];
      for (let r = cross.start[g]; r < cross.start[g + 1]; r++) {
        const m = cross.idx[r];
        const v = c * cross.val[r];
        if (m === l) d -= v;
        else if (mark[m] === l) val[at[m]] -= v;
        else {
          if (e === adj.length) {
            if (e >= MAX_LINKS) return null;
            const bigger = Math.min(MAX_LINKS, 2 * e);
            adj = grow(adj, bigger);
            val = growF(val, bigger);
          }
          mark[m] = l;
          at[m] = e;
          adj[e] = m;
          val[e++] = -v;
        }
      }
    }
    diag[l] = d;
    start[l + 1] = e;
  }
  return { start, adj: adj.subarray(0, e), val: val.subarray(0, e), diag };
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

function growF(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

/** The dense blocks of the small FE's rows of S: F×small and small×small. */
function smallRows(
  small: readonly Factor[],
  offsets: readonly number[],
  ns: number,
  F: Factor,
  cross: SparseRows,
  gStart: Int32Array,
  gRows: Int32Array,
  nA: Float64Array,
  w: Float64Array | null,
): SmallBlocks {
  const gf = F.levels;
  const fs = new Float64Array(gf * ns);
  const ss = new Float64Array(ns * ns);
  const n = F.codes.length;
  const fc = F.codes;
  const codes = small.map((f) => f.codes);
  const t = codes.length;
  // B'WB parts: cross-tabulations F×small and small×small (diagonal = level weights).
  for (let i = 0; i < n; i++) {
    const wi = w === null ? 1 : w[i];
    const f = fc[i];
    for (let a = 0; a < t; a++) {
      const sa = offsets[a] + codes[a][i];
      fs[f * ns + sa] += wi;
      for (let b = 0; b <= a; b++) ss[sa * ns + offsets[b] + codes[b][i]] += wi;
    }
  }
  // Minus the A-group terms: Σ_g w_gl·w_gm / n_g.
  const acc = new Float64Array(ns);
  const touched = new Int32Array(ns);
  const mark = new Int32Array(ns).fill(-1);
  for (let g = 0; g < nA.length; g++) {
    if (!(nA[g] > 0)) continue;
    let m = 0;
    for (let k = gStart[g]; k < gStart[g + 1]; k++) {
      const i = gRows[k];
      const wi = w === null ? 1 : w[i];
      for (let a = 0; a < t; a++) {
        const s = offsets[a] + codes[a][i];
        if (mark[s] !== g) {
          mark[s] = g;
          touched[m++] = s;
        }
        acc[s] += wi;
      }
    }
    const inv = 1 / nA[g];
    for (let p = 0; p < m; p++) {
      const s = touched[p];
      const ws = acc[s] * inv;
      for (let r = cross.start[g]; r < cross.start[g + 1]; r++)
        fs[cross.idx[r] * ns + s] -= ws * cross.val[r];
      for (let q = 0; q < m; q++) {
        const s2 = touched[q];
        if (s2 <= s) ss[s * ns + s2] -= ws * acc[s2];
      }
    }
    for (let p = 0; p < m; p++) acc[touched[p]] = 0;
  }
  return { fs, ss };
}

/** Write the small FE's dense blocks into their rows of the envelope (F columns in the new order). */
function writeSmallRows(env: Envelope, blocks: SmallBlocks, gf: number, ns: number, pos: Int32Array): void {
  const { fs, ss } = blocks;
  for (let s = 0; s < ns; s++) {
    const k = gf + s;
    const base = env.rowStart[k] - env.first[k];
    for (let l = 0; l < gf; l++) env.values[base + pos[l]] = fs[l * ns + s];
    for (let s2 = 0; s2 < s; s2++) env.values[base + gf + s2] = ss[s * ns + s2];
    env.diag[k] = ss[s * ns + s];
  }
}
