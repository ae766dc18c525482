/**
 * demean.ts's convergence measure ‖(I − T)x‖_W (T the symmetric Kaczmarz sweep of projector.ts, in
 * the factors' order) evaluated on a Schur layout from two summaries of x that the Schur solver's
 * own passes produce: the eliminated FE A's group means `meanA` and b = B'W·M_A x, the small FE's
 * level sums of x minus its A means.
 *
 * As in implicit-demean.ts, after any projections the column is x − Σ_l D_l·E_l, a projection on FE
 * j setting E_j to FE j's weighted means of x − Σ_{l≠j} D_l·E_l, and (I − T)x = Σ_l D_l·E_l at the
 * end. Writing E_A = meanA + d (d = −meanA before A's first projection), the x part of each
 * projection is known (meanA for A, b scaled by the level weights for a small FE), so a projection
 * is at most one pass over the layout reading codes only (the column is not read, and nothing as
 * long as the data is written); one whose other coefficients are all still zero costs nothing, and
 * with A's coefficients at their first values two small FE project on each other through their
 * cross-tabulation (`SchurLayout.cross`). With A first and two small FE (fixest's designs) one
 * measurement is one pass over the layout's codes, against six over the column in row space.
 * The value equals the row-space one in exact arithmetic; in floating point it is the more accurate
 * (no x − Tx cancellation).
 */
import type { SchurLayout } from "./schur-cg.js";

/**
 * Reusable work arrays for {@link SchurSweep.residualSS} on one layout (one per thread).
 * @example const ss = new SchurSweep(layout).residualSS(meanA, b);
 */
export class SchurSweep {
  private readonly d: Float64Array;
  private readonly e: Float64Array;
  private readonly acc: Float64Array;
  private readonly set: Uint8Array;
  private readonly order: number[];

  constructor(readonly L: SchurLayout) {
    this.d = new Float64Array(L.groupInv.length);
    this.e = new Float64Array(L.m);
    this.acc = new Float64Array(L.m);
    this.set = new Uint8Array(L.rest);
    const k = L.rest + 1;
    this.order = [];
    for (let j = 0; j < k; j++) this.order.push(j);
    for (let j = k - 2; j >= 0; j--) this.order.push(j);
  }

  /**
   * ‖(I − T)x‖²_W for the column with A-group means `meanA` and b = B'W·M_A x.
   * @example const rr = sweep.residualSS(meanA, b);
   */
  residualSS(meanA: Float64Array, b: Float64Array): number {
    const { L, d, e, set, order } = this;
    // E_A = meanA + d: d = −meanA (E_A = 0) until A's first projection sets E_A to meanA.
    let dSet = L.aIndex !== 0;
    if (dSet) for (let g = 0; g < d.length; g++) d[g] = -meanA[g];
    else d.fill(0);
    e.fill(0);
    set.fill(0);
    let rr = 0;
    for (let s = 0; s < order.length; s++) {
      const j = order[s];
      const last = s === order.length - 1;
      if (j === L.aIndex) {
        // d = −(weighted A means of Σ_q D_q e_q); zero while every e_q is.
        if (set.includes(1)) {
          rr = this.projectA(meanA, last);
          dSet = true;
        } else if (last) rr = this.norm(meanA);
        continue;
      }
      const q = j < L.aIndex ? j : j - 1;
      const o0 = L.offsets[q];
      const o1 = L.offsets[q + 1];
      let others = false;
      for (let p = 0; p < L.rest; p++) if (p !== q && set[p]) others = true;
      for (let l = o0; l < o1; l++) this.acc[l] = b[l];
      if (!dSet && others && L.cross) this.crossSmall(q);
      else if (dSet || others) this.projectSmall(q);
      for (let l = o0; l < o1; l++) e[l] = this.acc[l] * L.levelInv[l];
      set[q] = 1;
      if (last) rr = this.norm(meanA);
    }
    return rr;
  }

  /** As {@link SchurSweep.projectSmall} with d = 0 and two small FE, through their cross-tabulation. */
  private crossSmall(q: number): void {
    const { L, e, acc } = this;
    const C = L.cross as Float64Array;
    const o1 = L.offsets[1];
    const m0 = o1;
    const m1 = L.offsets[2] - o1;
    if (q === 0) {
      for (let a = 0; a < m0; a++) {
        let s = 0;
        for (let c = 0, at = a * m1; c < m1; c++, at++) s += C[at] * e[o1 + c];
        acc[a] -= s;
      }
    } else {
      for (let a = 0; a < m0; a++) {
        const ea = e[a];
        for (let c = 0, at = a * m1; c < m1; c++, at++) acc[o1 + c] -= C[at] * ea;
      }
    }
  }

  /** acc (q's range) −= Σ w·(d[g] + Σ_{p≠q} e_p) by level of q: one pass over the layout. */
  private projectSmall(q: number): void {
    const { L, d, e, acc } = this;
    const { groupStart: gs, idx, rest, w } = L;
    const ga = gs.length - 1;
    if (rest === 2) {
      const o = 1 - q;
      for (let g = 0; g < ga; g++) {
        const dg = d[g];
        if (w) for (let k = gs[g]; k < gs[g + 1]; k++) acc[idx[2 * k + q]] -= w[k] * (dg + e[idx[2 * k + o]]);
        else for (let k = gs[g]; k < gs[g + 1]; k++) acc[idx[2 * k + q]] -= dg + e[idx[2 * k + o]];
      }
      return;
    }
    for (let g = 0; g < ga; g++) {
      const dg = d[g];
      for (let k = gs[g]; k < gs[g + 1]; k++) {
        let v = dg;
        for (let p = 0; p < rest; p++) if (p !== q) v += e[idx[k * rest + p]];
        acc[idx[k * rest + q]] -= w ? w[k] * v : v;
      }
    }
  }

  /** d ← −(A means of Σ_q D_q e_q); when `last`, also returns ‖D_A(meanA + d) + Σ_q D_q e_q‖²_W. */
  private projectA(meanA: Float64Array, last: boolean): number {
    const { L, d, e } = this;
    const { groupStart: gs, groupInv, idx, rest, w } = L;
    if (rest === 2 && !w) return projectA2(gs, groupInv, idx, e, d, meanA, last);
    const ga = gs.length - 1;
    let rr = 0;
    for (let g = 0; g < ga; g++) {
      const k0 = gs[g];
      const k1 = gs[g + 1];
      let s = 0;
      for (let k = k0; k < k1; k++) {
        let u = 0;
        for (let j = k * rest; j < (k + 1) * rest; j++) u += e[idx[j]];
        s += w ? w[k] * u : u;
      }
      const dg = -s * groupInv[g];
      d[g] = dg;
      if (!last) continue;
      const c = meanA[g] + dg;
      for (let k = k0; k < k1; k++) {
        let r = c;
        for (let j = k * rest; j < (k + 1) * rest; j++) r += e[idx[j]];
        rr += w ? w[k] * r * r : r * r;
      }
    }
    return rr;
  }

  /** ‖D_A(meanA + d) + Σ_q D_q e_q‖²_W (one pass). */
  private norm(meanA: Float64Array): number {
    const { L, d, e } = this;
    const { groupStart: gs, idx, rest, w } = L;
    const ga = gs.length - 1;
    let rr = 0;
    for (let g = 0; g < ga; g++) {
      const c = meanA[g] + d[g];
      for (let k = gs[g]; k < gs[g + 1]; k++) {
        let r = c;
        for (let j = k * rest; j < (k + 1) * rest; j++) r += e[idx[j]];
        rr += w ? w[k] * r * r : r * r;
      }
    }
    return rr;
  }
}

/** {@link SchurSweep.projectA} for two small FE, unweighted (the common case, operands in locals). */
function projectA2(
  gs: Int32Array,
  groupInv: Float64Array,
  idx: Int32Array,
  e: Float64Array,
  d: Float64Array,
  meanA: Float64Array,
  last: boolean,
): number {
  const ga = gs.length - 1;
  let rr = 0;
  for (let g = 0; g < ga; g++) {
    const k0 = gs[g];
    const k1 = gs[g + 1];
    let s = 0;
    for (let k = k0; k < k1; k++) s += e[idx[2 * k]] + e[idx[2 * k + 1]];
    const dg = -s * groupInv[g];
    d[g] = dg;
    if (!last) continue;
    const c = meanA[g] + dg;
    for (let k = k0; k < k1; k++) {
      const r = c + e[idx[2 * k]] + e[idx[2 * k + 1]];
      rr += r * r;
    }
  }
  return rr;
}
