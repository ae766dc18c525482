/**
 * Conjugate gradients on the Schur complement of the largest fixed effect (e.g. individuals), for
 * well-connected designs where the direct solve (direct-solver.ts) is turned down.
 *
 * With A the largest FE's dummies and B the others', A's block of the normal equations is diagonal,
 * so A is eliminated exactly: the residual is M_A(y − Bβ), where M_A subtracts A's (weighted) group
 * means and β solves S β = B'W M_A y with S = B'W M_A B (singular but consistent: the redundant
 * dummies). S has as many rows as the small FE have levels together (firms + years), and one product
 * S·p is a single pass over the rows in A's group order, reading only the small FE's codes: no
 * row-length vector is read or written. CG is preconditioned by the diagonal of B'WB (the small FE's
 * weighted counts); on well-connected graphs it converges in a few passes.
 *
 * The CG residual b − Sβ = B'W·x̃ holds, per level of the small FE, the weighted sum of the current
 * residual x̃; scaled by the preconditioner its norm is that of x̃'s projections on the small FE, the
 * quantity the caller's criterion (the norm of (I − T)x̃, demean.ts) measures. CG stops when it is at
 * most half the caller's target; the caller then checks its own criterion on x̃ and polishes if
 * needed, so the result does not depend on this solver.
 */
import type { Factor } from "./factor.js";
import { codeView } from "./value-codes.js";
import { SchurSweep } from "./schur-sweep.js";

/** The row layout of the Schur complement products: plain typed arrays, shareable with workers. */
export interface SchurLayout {
  readonly n: number;
  /** Number of FE besides the eliminated one, and their levels together. */
  readonly rest: number;
  readonly m: number;
  /** Position of the eliminated FE among the factors as given (the Kaczmarz sweep's order). */
  readonly aIndex: number;
  /** Small FE q's levels are offsets offsets[q] … offsets[q + 1] − 1 (rest + 1 entries). */
  readonly offsets: Int32Array;
  /** Rows of A's group g are positions groupStart[g] … groupStart[g + 1] − 1 of the group order. */
  readonly groupStart: Int32Array;
  /** Row of each position of the group order, or null when the rows are already in that order. */
  readonly perm: Int32Array | null;
  /** Per position, the `rest` small-FE levels (offset into 0…m − 1), interleaved. */
  readonly idx: Int32Array;
  /** Weights in group order (null: unweighted). */
  readonly w: Float64Array | null;
  /** 1 / (weight of each A group). */
  readonly groupInv: Float64Array;
  /** 1 / (weight of each small-FE level): the preconditioner. */
  readonly levelInv: Float64Array;
  /**
   * With two small FE of few level pairs (at most n / {@link CROSS_ROWS_PER_CELL}), their weighted
   * cross-tabulation (row-major, first FE's levels by the second's), else null: schur-sweep.ts then
   * projects one small FE on the other without a pass over the rows.
   */
  readonly cross: Float64Array | null;
}

/** Rows per cell of the small FE's cross-tabulation at least (else it is not made). */
const CROSS_ROWS_PER_CELL = 8;

/** Allocates the layout's buffers (a SharedArrayBuffer for threads, or an ArrayBuffer). */
export type Allocate = (bytes: number) => ArrayBufferLike;

const heap: Allocate = (bytes) => new ArrayBuffer(bytes);

/** CG iterations allowed before handing over to the caller's polish (a poorly connected graph). */
const MAX_SCHUR_ITER = 200;

/**
 * CG stops at this fraction of the caller's target. For a residual x̃ with no A component and two
 * small FE, ‖(I − T)x̃‖ ≤ 2‖P₂x̃‖ + ‖P₃x̃‖ ≤ √5 times the preconditioned CG residual; a half is
 * looser, and the caller's own check on ‖(I − T)x̃‖ decides (the bound is far from tight in practice).
 */
const GOAL = 0.5;

/**
 * The layout for these factors and weights (at least two factors; the one with most levels is eliminated).
 * @example const layout = schurLayout([indiv, firm, year], null);
 */
export function schurLayout(
  factors: readonly Factor[],
  weights: Float64Array | null,
  alloc: Allocate = heap,
): SchurLayout {
  const layout = allocateSchur(factors, weights, alloc);
  fillSchur(layout, factors, weights);
  return layout;
}

/** The largest factor (eliminated), its position, and the others, in their order. */
function split(factors: readonly Factor[]): { A: Factor; aIndex: number; others: Factor[] } {
  let e = 0;
  for (let j = 1; j < factors.length; j++) if (factors[j].levels > factors[e].levels) e = j;
  return { A: factors[e], aIndex: e, others: factors.filter((_, j) => j !== e) };
}

/**
 * The layout's buffers, not yet filled except the group starts (one pass counts the groups' rows and
 * sees whether the rows are already in group order): lets a caller hand them to a worker thread and
 * fill them meanwhile ({@link fillSchur}).
 * @example const layout = allocateSchur([indiv, firm, year], null, (b) => new SharedArrayBuffer(b));
 */
export function allocateSchur(
  factors: readonly Factor[],
  weights: Float64Array | null,
  alloc: Allocate = heap,
): SchurLayout {
  const { A, aIndex, others } = split(factors);
  // Codes read through codeView: a value-coded factor's code array is not materialised. One pass
  // counts the rows of each A group (groupStart, made here) and sees whether they are in group order.
  const { array: ac, base: ab } = codeView(A);
  const n = ac.length;
  const rest = others.length;
  const groupStart = new Int32Array(alloc(4 * (A.levels + 1)));
  let sorted = true;
  let prev = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = ac[i];
    if (v < prev) sorted = false;
    prev = v;
    groupStart[v - ab + 1]++;
  }
  for (let g = 0; g < A.levels; g++) groupStart[g + 1] += groupStart[g];
  const offsets = new Int32Array(rest + 1);
  for (let q = 0; q < rest; q++) offsets[q + 1] = offsets[q] + others[q].levels;
  const m = offsets[rest];
  const cells = rest === 2 ? others[0].levels * others[1].levels : Number.POSITIVE_INFINITY;
  return {
    n,
    rest,
    m,
    aIndex,
    offsets,
    groupStart,
    perm: sorted ? null : new Int32Array(alloc(4 * n)),
    idx: new Int32Array(alloc(4 * n * rest)),
    w: weights ? new Float64Array(alloc(8 * n)) : null,
    groupInv: new Float64Array(alloc(8 * A.levels)),
    levelInv: new Float64Array(alloc(8 * m)),
    cross: cells * CROSS_ROWS_PER_CELL <= n ? new Float64Array(alloc(8 * cells)) : null,
  };
}

/**
 * Fill a layout made by {@link allocateSchur} for the same factors and weights.
 * @example fillSchur(layout, [indiv, firm, year], null);
 */
export function fillSchur(
  layout: SchurLayout,
  factors: readonly Factor[],
  weights: Float64Array | null,
): void {
  const { A, others } = split(factors);
  const { n, rest, m, groupStart, perm, idx, w, groupInv, levelInv, cross } = layout;
  const { array: ac, base: ab } = codeView(A);
  const ga = A.levels;
  if (perm) {
    const next = groupStart.slice(0, ga);
    for (let i = 0; i < n; i++) perm[next[ac[i] - ab]++] = i;
  }
  // The small FE's levels per position; unweighted, their counts (the preconditioner) in the same
  // pass, and for two small FE in group order, both at once with their cross-tabulation.
  const together = !perm && !weights && cross !== null;
  if (together) fillTwoSmall(layout, others);
  let off = 0;
  for (let q = 0; q < rest && !together; q++) {
    const { array: c, base } = codeView(others[q]);
    const shift = off - base;
    if (perm) for (let k = 0; k < n; k++) idx[k * rest + q] = c[perm[k]] + shift;
    else if (weights) for (let k = 0; k < n; k++) idx[k * rest + q] = c[k] + shift;
    else
      for (let k = 0; k < n; k++) {
        const l = c[k] + shift;
        idx[k * rest + q] = l;
        levelInv[l] += 1;
      }
    off += others[q].levels;
  }
  if (w && weights) {
    if (perm) for (let k = 0; k < n; k++) w[k] = weights[perm[k]];
    else w.set(weights);
  }
  for (let g = 0; g < ga; g++) {
    let s = 0;
    if (w) for (let k = groupStart[g]; k < groupStart[g + 1]; k++) s += w[k];
    else s = groupStart[g + 1] - groupStart[g];
    groupInv[g] = s > 0 ? 1 / s : 0;
  }
  if (w) for (let k = 0; k < n * rest; k++) levelInv[idx[k]] += w[(k / rest) | 0];
  else if (perm) for (let k = 0; k < n * rest; k++) levelInv[idx[k]] += 1;
  for (let l = 0; l < m; l++) levelInv[l] = levelInv[l] > 0 ? 1 / levelInv[l] : 0;
  if (cross && !together) {
    const m1 = layout.offsets[2] - layout.offsets[1];
    const o1 = layout.offsets[1];
    if (w) for (let k = 0; k < n; k++) cross[idx[2 * k] * m1 + idx[2 * k + 1] - o1] += w[k];
    else for (let k = 0; k < n; k++) cross[idx[2 * k] * m1 + idx[2 * k + 1] - o1] += 1;
  }
}

/**
 * Both small FE's levels per position (rows in group order, unweighted), their counts and their
 * cross-tabulation, in one pass.
 */
function fillTwoSmall(layout: SchurLayout, others: readonly Factor[]): void {
  const { n, idx, levelInv, offsets } = layout;
  const cross = layout.cross as Float64Array;
  const { array: c0, base: b0 } = codeView(others[0]);
  const { array: c1, base: b1 } = codeView(others[1]);
  const o1 = offsets[1];
  const m1 = offsets[2] - o1;
  for (let k = 0; k < n; k++) {
    const l0 = c0[k] - b0;
    const l1 = c1[k] - b1;
    idx[2 * k] = l0;
    idx[2 * k + 1] = l1 + o1;
    levelInv[l0] += 1;
    levelInv[l1 + o1] += 1;
    cross[l0 * m1 + l1] += 1;
  }
}

/**
 * One thread's solver on a layout (its own work vectors): {@link SchurSolver.residualize} replaces a
 * column by its residual from the projection on all the FE dummies. Split into {@link SchurSolver.load},
 * {@link SchurSolver.solve} and {@link SchurSolver.store}, it also gives demean.ts's convergence
 * measure before and after, from the summaries its passes make anyway (schur-sweep.ts).
 * @example const s = new SchurSolver(schurLayout([indiv, firm, year], null)); s.residualize(y, 1e-9);
 */
export class SchurSolver {
  /** CG iterations of the last solve. */
  iterations = 0;
  private readonly beta: Float64Array;
  private readonly r: Float64Array;
  private readonly p: Float64Array;
  private readonly q: Float64Array;
  /** b = B'W·M_A t and A's group means of the loaded column t (kept current by each solve). */
  private readonly b: Float64Array;
  private readonly meanA: Float64Array;
  private readonly sweep: SchurSweep;
  private tBuf: Float64Array | null = null;
  /** The loaded column in group order (the caller's array itself when the rows are in that order). */
  private t: Float64Array | null = null;

  constructor(readonly layout: SchurLayout) {
    const m = layout.m;
    this.beta = new Float64Array(m);
    this.r = new Float64Array(m);
    this.p = new Float64Array(m);
    this.q = new Float64Array(m);
    this.b = new Float64Array(m);
    this.meanA = new Float64Array(layout.groupInv.length);
    this.sweep = new SchurSweep(layout);
  }

  /**
   * x ← M_A(x − Bβ) with β from CG on S, stopping when the preconditioned CG residual (the norm of
   * x̃'s projections on the small FE) is at most `target` / 2, or after {@link MAX_SCHUR_ITER} steps.
   */
  residualize(x: Float64Array, target: number): void {
    this.load(x);
    this.solve(target);
    this.store(x);
  }

  /**
   * Take column x (in place when the rows are in group order, else a permuted copy) and summarise it
   * in one pass: returns Σ w·x² and ‖(I − T)x‖²_W (demean.ts's criterion).
   */
  load(x: Float64Array): { ss: number; rr: number } {
    const L = this.layout;
    const { perm } = L;
    let t = x;
    if (perm) {
      this.tBuf ??= new Float64Array(L.n);
      t = this.tBuf;
      for (let k = 0; k < L.n; k++) t[k] = x[perm[k]];
    }
    this.t = t;
    const ss = rhs(L, t, this.b, this.meanA);
    return { ss, rr: this.sweep.residualSS(this.meanA, this.b) };
  }

  /**
   * Replace the loaded column by its residual (as {@link SchurSolver.residualize}); returns the
   * residual's ‖(I − T)x̃‖²_W.
   */
  solve(target: number): number {
    const L = this.layout;
    const t = this.t;
    if (!t) throw new Error("SchurSolver.solve: no column loaded");
    const { m, levelInv } = L;
    const { beta, r, p, q } = this;
    beta.fill(0);
    r.set(this.b);
    let rz = 0;
    for (let l = 0; l < m; l++) {
      const z = r[l] * levelInv[l];
      p[l] = z;
      rz += r[l] * z;
    }
    const goal = GOAL * target;
    let iter = 0;
    while (Math.sqrt(rz) > goal && iter < MAX_SCHUR_ITER) {
      q.fill(0);
      const pq = multiply(L, p, q);
      if (!(pq > 0)) break;
      const alpha = rz / pq;
      let rzNew = 0;
      for (let l = 0; l < m; l++) {
        beta[l] += alpha * p[l];
        const rl = r[l] - alpha * q[l];
        r[l] = rl;
        rzNew += rl * rl * levelInv[l];
      }
      const ratio = rzNew / rz;
      rz = rzNew;
      for (let l = 0; l < m; l++) p[l] = r[l] * levelInv[l] + ratio * p[l];
      iter++;
    }
    this.iterations = iter;
    residual(L, t, beta, this.b, this.meanA);
    return this.sweep.residualSS(this.meanA, this.b);
  }

  /** Write the loaded column back into x (nothing to do when it was taken in place). */
  store(x: Float64Array): void {
    const { perm, n } = this.layout;
    const t = this.t;
    if (perm && t) for (let k = 0; k < n; k++) x[perm[k]] = t[k];
    this.t = null;
  }
}

/** b ← B'W M_A t and meanA ← A's group means of t; returns Σ w·t². */
function rhs(L: SchurLayout, t: Float64Array, b: Float64Array, meanA: Float64Array): number {
  const { groupStart: gs, groupInv, idx, rest, w } = L;
  const ga = groupInv.length;
  b.fill(0);
  let ss = 0;
  for (let g = 0; g < ga; g++) {
    const k0 = gs[g];
    const k1 = gs[g + 1];
    let s = 0;
    if (w)
      for (let k = k0; k < k1; k++) {
        s += w[k] * t[k];
        ss += w[k] * t[k] * t[k];
      }
    else
      for (let k = k0; k < k1; k++) {
        s += t[k];
        ss += t[k] * t[k];
      }
    const mean = s * groupInv[g];
    meanA[g] = mean;
    for (let k = k0; k < k1; k++) {
      const v = w ? w[k] * (t[k] - mean) : t[k] - mean;
      for (let j = k * rest; j < (k + 1) * rest; j++) b[idx[j]] += v;
    }
  }
  return ss;
}

/**
 * t ← M_A(t − Bβ) in place; then, on the residual (each group still in cache), its A means and
 * b = B'W M_A t, for the convergence measure and a further solve.
 */
function residual(
  L: SchurLayout,
  t: Float64Array,
  beta: Float64Array,
  b: Float64Array,
  meanA: Float64Array,
): void {
  const { groupStart: gs, groupInv, idx, rest, w } = L;
  const ga = groupInv.length;
  b.fill(0);
  for (let g = 0; g < ga; g++) {
    const k0 = gs[g];
    const k1 = gs[g + 1];
    let s = 0;
    for (let k = k0; k < k1; k++) {
      let u = t[k];
      for (let j = k * rest; j < (k + 1) * rest; j++) u -= beta[idx[j]];
      t[k] = u;
      s += w ? w[k] * u : u;
    }
    const mean = s * groupInv[g];
    let s2 = 0;
    for (let k = k0; k < k1; k++) {
      const u = t[k] - mean;
      t[k] = u;
      s2 += w ? w[k] * u : u;
    }
    const mean2 = s2 * groupInv[g];
    meanA[g] = mean2;
    for (let k = k0; k < k1; k++) {
      const v = w ? w[k] * (t[k] - mean2) : t[k] - mean2;
      for (let j = k * rest; j < (k + 1) * rest; j++) b[idx[j]] += v;
    }
  }
}

/**
 * q ← q + S p, returning p'S p: one pass over the groups of A, each read twice (its sum of Bp, then
 * Bp minus the group mean scattered to q; the second read is in cache). Nested loops over the groups
 * measured faster here than flat passes through a row-length buffer (47 against 65 ms for the
 * products of one column on the 1M simple design).
 */
function multiply(L: SchurLayout, p: Float64Array, q: Float64Array): number {
  if (L.rest === 2 && !L.w) return multiply2(L.idx, L.groupStart, L.groupInv, p, q);
  const { groupStart: gs, groupInv, idx, rest, w } = L;
  const ga = groupInv.length;
  let pSp = 0;
  for (let g = 0; g < ga; g++) {
    const k0 = gs[g];
    const k1 = gs[g + 1];
    let s = 0;
    for (let k = k0; k < k1; k++) {
      let u = 0;
      for (let j = k * rest; j < (k + 1) * rest; j++) u += p[idx[j]];
      s += w ? w[k] * u : u;
    }
    const mean = s * groupInv[g];
    for (let k = k0; k < k1; k++) {
      let u = -mean;
      for (let j = k * rest; j < (k + 1) * rest; j++) u += p[idx[j]];
      const v = w ? w[k] * u : u;
      pSp += v * u;
      for (let j = k * rest; j < (k + 1) * rest; j++) q[idx[j]] += v;
    }
  }
  return pSp;
}

/** {@link multiply} for two small FE, unweighted (the common case, unrolled). */
function multiply2(
  idx: Int32Array,
  gs: Int32Array,
  groupInv: Float64Array,
  p: Float64Array,
  q: Float64Array,
): number {
  const ga = groupInv.length;
  let pSp = 0;
  for (let g = 0; g < ga; g++) {
    const k0 = gs[g];
    const k1 = gs[g + 1];
    let s = 0;
    for (let k = k0; k < k1; k++) s += p[idx[2 * k]] + p[idx[2 * k + 1]];
    const mean = s * groupInv[g];
    for (let k = k0; k < k1; k++) {
      const a = idx[2 * k];
      const b = idx[2 * k + 1];
      const v = p[a] + p[b] - mean;
      pSp += v * v;
      q[a] += v;
      q[b] += v;
    }
  }
  return pSp;
}
