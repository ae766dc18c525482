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
 *
 * Memory: S is assembled A group by A group (the rows of a sorted panel are its groups; otherwise
 * one row index per row groups them), with the F–F links accumulated in a hash table, so no array as
 * long as the data is built besides that index. A solve yields per-level coefficients (a
 * {@link FeStep}); the residual is never stored unless the caller asks for it ({@link DirectPlan.fill}).
 */
import { choleskyInPlace, choleskySolve, type Envelope, makeEnvelope } from "./envelope-cholesky.js";
import type { Factor } from "./factor.js";
import { estimateLinks } from "./link-estimate.js";
import { reverseCuthillMcKee } from "./rcm.js";
import { type CodeView, codeView } from "./value-codes.js";

/** Rows evaluated at a time by a solve's passes. */
const BLOCK = 4096;

/** Budgets beyond which the direct solve is not attempted. */
const MAX_LINKS = 4_000_000;
const MAX_ENVELOPE = 30_000_000;
const MAX_FLOPS = 2e9;
const MAX_SMALL_LEVELS = 512;

/**
 * The fixed-effect coefficients of one direct solve: the column's residual at row i is
 * ((x_i − f[F code]) − Σ s[small codes]) − a[A code], in that order of operations.
 */
export interface FeStep {
  readonly a: Float64Array;
  readonly f: Float64Array;
  readonly s: Float64Array;
}

/** A factored direct solver for one set of fixed effects and weights. */
export interface DirectPlan {
  /** Replace x in place by its residual from the (weighted) projection on all the FE dummies. */
  readonly residualize: (x: Float64Array) => void;
  /**
   * The coefficients of one direct solve of x after the earlier steps (x itself is not modified):
   * `fill(x, [...prior, step])` is then what `residualize` applied to `fill(x, prior)` gives.
   */
  readonly step: (x: Float64Array, prior: readonly FeStep[], out?: FeStep) => FeStep;
  /** A zero step (its arrays can be passed as `out`, or viewed per factor with byFactor). */
  readonly newStep: () => FeStep;
  /** The plan's own work step, made once and reused by every caller (contents undefined between uses). */
  readonly workStep: () => FeStep;
  /** out[offset + (i − from)·stride] ← row i of x after the steps, for rows from ≤ i < to. */
  readonly fill: (
    x: Float64Array,
    steps: readonly FeStep[],
    from: number,
    to: number,
    out: Float64Array,
    stride: number,
    offset: number,
  ) => void;
  /** A step's coefficients per fixed effect, in the order the factors were given (views, not copies). */
  readonly byFactor: (step: FeStep) => Float64Array[];
  /** Summed weights of each level of factor j (order given), when the plan keeps them (the largest FE), else null. */
  readonly levelWeights: (j: number) => Float64Array | null;
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
  // Largest first (a stable sort: ties keep their order).
  const rank = factors.map((_, j) => j).sort((p, q) => factors[q].levels - factors[p].levels);
  const [A, F, ...small] = rank.map((j) => factors[j]);
  const smallLevels = small.reduce((s, f) => s + f.levels, 0);
  if (smallLevels > MAX_SMALL_LEVELS || F.levels * smallLevels > MAX_ENVELOPE) return null;
  const av = codeView(A);
  const fv = codeView(F);
  const sv = small.map(codeView);
  const links = estimateLinks(av, A.levels, fv, F.levels);
  if (links > MAX_LINKS) return null;
  const w = weights;
  const gf = F.levels;

  const offsets: number[] = [];
  let off = 0;
  for (const f of small) {
    offsets.push(off);
    off += f.levels;
  }
  // The F–F block of S and the small FE's dense blocks.
  const assembled = assemble(av, A.levels, fv, gf, sv, offsets, smallLevels, w, links);
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
  // F–F entries (lower half in the new order: the later level's row) and diagonal.
  for (let l = 0; l < gf; l++) env.diag[pos[l]] = block.diag[l];
  block.links.forEach((lo, hi, vLo, vHi) => {
    const pl = pos[lo];
    const ph = pos[hi];
    if (pl > ph) env.values[env.rowStart[pl] - first[pl] + ph] = vLo;
    else env.values[env.rowStart[ph] - first[ph] + pl] = vHi;
  });
  // Small FE rows: F×small and small×small blocks.
  if (smallLevels) writeSmallRows(env, smallBlocks, gf, smallLevels, pos);
  choleskyInPlace(env);
  const plan = solver({ av, fv, sv, offsets, nA, gf, ns: smallLevels, w, env, pos, size, envelope });
  const byFactor = (st: FeStep): Float64Array[] => {
    const out = new Array<Float64Array>(factors.length);
    rank.forEach((j, r) => {
      out[j] =
        r === 0 ? st.a : r === 1 ? st.f : st.s.subarray(offsets[r - 2], offsets[r - 2] + factors[j].levels);
    });
    return out;
  };
  return { ...plan, byFactor, levelWeights: (j) => (j === rank[0] ? nA : null) };
}

/** The solve and the residual evaluation of a factored plan. */
function solver(p: {
  av: CodeView;
  fv: CodeView;
  sv: readonly CodeView[];
  offsets: readonly number[];
  nA: Float64Array;
  gf: number;
  ns: number;
  w: Float64Array | null;
  env: Envelope;
  pos: Int32Array;
  size: number;
  envelope: number;
}): Omit<DirectPlan, "byFactor" | "levelWeights"> {
  const { nA, gf, ns, w, env, pos, offsets } = p;
  const ga = nA.length;
  const ac = p.av.array;
  const ab = p.av.base;
  const fc = p.fv.array;
  const fb = p.fv.base;
  const sc = p.sv.map((v) => v.array);
  const sb = p.sv.map((v) => v.base);
  const nt = sc.length;
  const n = ac.length;
  const rhs = new Float64Array(p.size);
  /** Row i of x after the steps (A and F codes of the row given). */
  const valueAt = (x: Float64Array, steps: readonly FeStep[], i: number, ai: number, fi: number): number => {
    let v = x[i];
    for (let k = 0; k < steps.length; k++) {
      const st = steps[k];
      v -= st.f[fi];
      for (let t = 0; t < nt; t++) v -= st.s[offsets[t] + sc[t][i] - sb[t]];
      v -= st.a[ai];
    }
    return v;
  };
  /** Rows from..to of x after the steps into buf[0..), through `fill`. */
  const buf = new Float64Array(BLOCK);
  /** The one small FE's codes and offset when there is exactly one (read directly in the hot loops). */
  const c0 = nt === 1 ? sc[0] : null;
  const b0 = nt === 1 ? sb[0] - offsets[0] : 0;
  const step = (x: Float64Array, prior: readonly FeStep[], out?: FeStep): FeStep => {
    const a = out?.a ?? new Float64Array(ga);
    const f = out?.f ?? new Float64Array(gf);
    const s = out?.s ?? new Float64Array(ns);
    // Weighted A means of the column (held in `a` until A's coefficients replace them), then the
    // right-hand side of S on the column less them.
    const meanA = a;
    meanA.fill(0);
    for (let from = 0; from < n; from += BLOCK) {
      const to = Math.min(n, from + BLOCK);
      fill(x, prior, from, to, buf, 1, 0);
      for (let i = from; i < to; i++) meanA[ac[i] - ab] += w === null ? buf[i - from] : w[i] * buf[i - from];
    }
    for (let g = 0; g < ga; g++) meanA[g] = nA[g] > 0 ? meanA[g] / nA[g] : 0;
    rhs.fill(0);
    for (let from = 0; from < n; from += BLOCK) {
      const to = Math.min(n, from + BLOCK);
      fill(x, prior, from, to, buf, 1, 0);
      for (let i = from; i < to; i++) {
        const r = (w === null ? 1 : w[i]) * (buf[i - from] - meanA[ac[i] - ab]);
        rhs[pos[fc[i] - fb]] += r;
        if (c0 !== null) rhs[gf + c0[i] - b0] += r;
        else for (let t = 0; t < nt; t++) rhs[gf + offsets[t] + sc[t][i] - sb[t]] += r;
      }
    }
    choleskySolve(env, rhs);
    for (let l = 0; l < gf; l++) f[l] = rhs[pos[l]];
    for (let k = 0; k < ns; k++) s[k] = rhs[gf + k];
    // A's coefficients: the weighted A means of what F and the small FE leave.
    a.fill(0);
    for (let from = 0; from < n; from += BLOCK) {
      const to = Math.min(n, from + BLOCK);
      fill(x, prior, from, to, buf, 1, 0);
      for (let i = from; i < to; i++) {
        let v = buf[i - from] - f[fc[i] - fb];
        if (c0 !== null) v -= s[c0[i] - b0];
        else for (let t = 0; t < nt; t++) v -= s[offsets[t] + sc[t][i] - sb[t]];
        a[ac[i] - ab] += w === null ? v : w[i] * v;
      }
    }
    for (let g = 0; g < ga; g++) a[g] = nA[g] > 0 ? a[g] / nA[g] : 0;
    return { a, f, s };
  };
  const fill = (
    x: Float64Array,
    steps: readonly FeStep[],
    from: number,
    to: number,
    out: Float64Array,
    stride: number,
    offset: number,
  ): void => {
    if (steps.length === 0) {
      for (let i = from, o = offset; i < to; i++, o += stride) out[o] = x[i];
      return;
    }
    if (steps.length === 1 && c0 !== null) {
      // One step and one small FE (the usual case), operands in locals: valueAt's operations.
      const { a, f, s } = steps[0];
      for (let i = from, o = offset; i < to; i++, o += stride) {
        const v = x[i] - f[fc[i] - fb];
        out[o] = v - s[c0[i] - b0] - a[ac[i] - ab];
      }
      return;
    }
    for (let i = from, o = offset; i < to; i++, o += stride)
      out[o] = valueAt(x, steps, i, ac[i] - ab, fc[i] - fb);
  };
  let scratch: FeStep | null = null;
  const residualize = (x: Float64Array): void => {
    scratch = step(x, [], scratch ?? undefined);
    fill(x, [scratch], 0, n, x, 1, 0);
  };
  const newStep = (): FeStep => ({
    a: new Float64Array(ga),
    f: new Float64Array(gf),
    s: new Float64Array(ns),
  });
  let work: FeStep | null = null;
  const workStep = (): FeStep => {
    work ??= newStep();
    return work;
  };
  return { residualize, step, newStep, workStep, fill, size: p.size, envelope: p.envelope };
}

/** The F×small and small×small blocks of S, dense (row-major, F level × small level). */
interface SmallBlocks {
  readonly fs: Float64Array;
  readonly ss: Float64Array;
}

/** The F–F block of S: its graph in compressed rows (both halves), its links and its diagonal. */
interface FFBlock {
  readonly start: Int32Array;
  readonly adj: Int32Array;
  readonly links: LinkTable;
  readonly diag: Float64Array;
}

/**
 * Assemble S group by group of A: each group's distinct F levels (with weights) give its terms of
 * the diagonal, of the F–F links (a hash table keyed by level pair, entries in order of first
 * appearance so that each row lists its links as a level-by-level scan would) and of the small FE's
 * blocks. Null beyond the link budget.
 */
function assemble(
  av: CodeView,
  ga: number,
  fv: CodeView,
  gf: number,
  sv: readonly CodeView[],
  offsets: readonly number[],
  ns: number,
  w: Float64Array | null,
  linkEstimate: number,
): { nA: Float64Array; block: FFBlock; smallBlocks: SmallBlocks } | null {
  const ac = av.array;
  const ab = av.base;
  const fc = fv.array;
  const fb = fv.base;
  const n = ac.length;
  // Weight of each A level, and whether the rows come grouped by A (a sorted panel: codes numbered
  // by first appearance never decrease), with the longest run of one level.
  const nA = new Float64Array(ga);
  let grouped = true;
  let prev = 0;
  let run = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const g = ac[i] - ab;
    nA[g] += w === null ? 1 : w[i];
    if (g < prev) grouped = false;
    run = g === prev ? run + 1 : 1;
    if (run > largest) largest = run;
    prev = g;
  }
  // Otherwise the rows of each level are listed (one index per row).
  let gStart: Int32Array | null = null;
  let gRows: Int32Array | null = null;
  if (!grouped) {
    gStart = new Int32Array(ga + 1);
    for (let i = 0; i < n; i++) gStart[ac[i] - ab + 1]++;
    largest = 0;
    for (let g = 0; g < ga; g++) {
      largest = Math.max(largest, gStart[g + 1]);
      gStart[g + 1] += gStart[g];
    }
    const fillAt = gStart.slice(0, ga);
    gRows = new Int32Array(n);
    for (let i = 0; i < n; i++) gRows[fillAt[ac[i] - ab]++] = i;
  }
  const sc = sv.map((v) => v.array);
  const sb = sv.map((v) => v.base);
  const t = sc.length;
  // B'WB parts of the small blocks: cross-tabulations F×small and small×small (diagonal = level weights).
  const fs = new Float64Array(gf * ns);
  const ss = new Float64Array(ns * ns);
  for (let i = 0; i < n; i++) {
    const wi = w === null ? 1 : w[i];
    const f = fc[i] - fb;
    for (let a = 0; a < t; a++) {
      const sa = offsets[a] + sc[a][i] - sb[a];
      fs[f * ns + sa] += wi;
      for (let b = 0; b <= a; b++) ss[sa * ns + offsets[b] + sc[b][i] - sb[b]] += wi;
    }
  }
  const diag = new Float64Array(gf);
  const links = new LinkTable(Math.min(MAX_LINKS, Math.max(1024, linkEstimate)));
  // This group's distinct F levels and their weights.
  const mark = new Int32Array(gf).fill(-1);
  const at = new Int32Array(gf);
  const locF = new Int32Array(largest);
  const locW = new Float64Array(largest);
  // This group's small-FE weights.
  const acc = new Float64Array(ns);
  const touched = new Int32Array(ns);
  const smark = new Int32Array(ns).fill(-1);
  let cursor = 0;
  for (let g = 0; g < ga; g++) {
    // This group's rows: positions from..to of gRows, or rows from..to of a sorted panel.
    let from = cursor;
    let to = cursor;
    if (gStart) {
      from = gStart[g];
      to = gStart[g + 1];
    } else {
      while (to < n && ac[to] - ab === g) to++;
      cursor = to;
    }
    let d = 0;
    for (let k = from; k < to; k++) {
      const i = gRows === null ? k : gRows[k];
      const c = fc[i] - fb;
      const wi = w === null ? 1 : w[i];
      if (mark[c] === g) locW[at[c]] += wi;
      else {
        mark[c] = g;
        at[c] = d;
        locF[d] = c;
        locW[d++] = wi;
      }
    }
    for (let p = 0; p < d; p++) diag[locF[p]] += locW[p];
    if (!(nA[g] > 0)) continue;
    // Minus the A-group terms w_gl·w_gm / n_g: diagonal, then each pair's two halves.
    for (let p = 0; p < d; p++) diag[locF[p]] -= (locW[p] / nA[g]) * locW[p];
    for (let p = 0; p < d; p++) {
      const l = locF[p];
      const cl = locW[p] / nA[g];
      for (let q = p + 1; q < d; q++) {
        const m = locF[q];
        if (!links.subtract(l, m, cl * locW[q], (locW[q] / nA[g]) * locW[p])) return null;
      }
    }
    if (!ns) continue;
    let m = 0;
    for (let k = from; k < to; k++) {
      const i = gRows === null ? k : gRows[k];
      const wi = w === null ? 1 : w[i];
      for (let a = 0; a < t; a++) {
        const s = offsets[a] + sc[a][i] - sb[a];
        if (smark[s] !== g) {
          smark[s] = g;
          touched[m++] = s;
        }
        acc[s] += wi;
      }
    }
    const inv = 1 / nA[g];
    for (let p = 0; p < m; p++) {
      const s = touched[p];
      const ws = acc[s] * inv;
      for (let r = 0; r < d; r++) fs[locF[r] * ns + s] -= ws * locW[r];
      for (let q = 0; q < m; q++) {
        const s2 = touched[q];
        if (s2 <= s) ss[s * ns + s2] -= ws * acc[s2];
      }
    }
    for (let p = 0; p < m; p++) acc[touched[p]] = 0;
  }
  return { nA, block: { ...links.graph(gf), links, diag }, smallBlocks: { fs, ss } };
}

/**
 * The F–F links of S: a hash table from level pair to entry, entries in order of first appearance,
 * each holding both halves (row l's value at column m, and row m's at column l, each summed in its
 * own order of operations).
 */
class LinkTable {
  /** Entry of each hash slot (−1: empty); released once the graph is built. */
  private slot: Int32Array;
  private mask: number;
  private lo: Int32Array;
  private hi: Int32Array;
  /** Row `lo`'s value at column `hi`, and row `hi`'s at column `lo`. */
  private vLo: Float64Array;
  private vHi: Float64Array;
  private count = 0;

  constructor(expectedLinks: number) {
    const entries = Math.max(256, Math.ceil(expectedLinks / 2));
    let cap = 1024;
    while (cap < 2 * entries) cap *= 2;
    this.slot = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.lo = new Int32Array(entries);
    this.hi = new Int32Array(entries);
    this.vLo = new Float64Array(entries);
    this.vHi = new Float64Array(entries);
  }

  /** Subtract vl from row l's entry at m and vm from row m's at l; false beyond the link budget. */
  subtract(l: number, m: number, vl: number, vm: number): boolean {
    const swap = l > m;
    const a = swap ? m : l;
    const b = swap ? l : m;
    let h = this.hash(a, b);
    let e: number;
    for (;;) {
      e = this.slot[h];
      if (e < 0 || (this.lo[e] === a && this.hi[e] === b)) break;
      h = (h + 1) & this.mask;
    }
    if (e < 0) {
      // A new link: claim an entry (growing the table past half full).
      if (2 * (this.count + 1) > MAX_LINKS) return false;
      if (2 * (this.count + 1) > this.slot.length) {
        this.rehash(this.slot.length * 2);
        return this.subtract(l, m, vl, vm);
      }
      if (this.count === this.lo.length) this.growEntries();
      e = this.count++;
      this.lo[e] = a;
      this.hi[e] = b;
      this.slot[h] = e;
    }
    this.vLo[e] -= swap ? vm : vl;
    this.vHi[e] -= swap ? vl : vm;
    return true;
  }

  /** Each link (lo < hi) with row lo's value at hi and row hi's at lo. */
  forEach(f: (lo: number, hi: number, vLo: number, vHi: number) => void): void {
    for (let e = 0; e < this.count; e++) f(this.lo[e], this.hi[e], this.vLo[e], this.vHi[e]);
  }

  /** The graph in compressed rows (both halves; each row's links in order of first appearance). */
  graph(gf: number): { start: Int32Array; adj: Int32Array } {
    this.slot = new Int32Array(0);
    const start = new Int32Array(gf + 1);
    for (let e = 0; e < this.count; e++) {
      start[this.lo[e] + 1]++;
      start[this.hi[e] + 1]++;
    }
    for (let l = 0; l < gf; l++) start[l + 1] += start[l];
    const at = start.slice(0, gf);
    const adj = new Int32Array(2 * this.count);
    for (let e = 0; e < this.count; e++) {
      const a = this.lo[e];
      const b = this.hi[e];
      adj[at[a]++] = b;
      adj[at[b]++] = a;
    }
    return { start, adj };
  }

  private hash(a: number, b: number): number {
    const h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    return (h ^ (h >>> 15)) & this.mask;
  }

  private growEntries(): void {
    const size = 2 * this.lo.length;
    const gi = (x: Int32Array) => {
      const y = new Int32Array(size);
      y.set(x);
      return y;
    };
    const gd = (x: Float64Array) => {
      const y = new Float64Array(size);
      y.set(x);
      return y;
    };
    this.lo = gi(this.lo);
    this.hi = gi(this.hi);
    this.vLo = gd(this.vLo);
    this.vHi = gd(this.vHi);
  }

  /** Rebuild the slots with `cap` of them. */
  private rehash(cap: number): void {
    this.slot = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let e = 0; e < this.count; e++) {
      let h = this.hash(this.lo[e], this.hi[e]);
      while (this.slot[h] >= 0) h = (h + 1) & this.mask;
      this.slot[h] = e;
    }
  }
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
