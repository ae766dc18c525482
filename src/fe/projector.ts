/**
 * The symmetric Kaczmarz sweep T = M₁M₂…M_k…M₂M₁ over the fixed effects, where M_j subtracts the
 * (weighted) group means of FE j. T is symmetric in the W-inner product with eigenvalue 1 exactly on
 * the complement of the FE space, which lets conjugate gradients accelerate it (reghdfe's method).
 * Consecutive projections are fused: the pass that subtracts FE j's means also accumulates FE j+1's sums.
 */
import type { Factor } from "./factor.js";

/** A pending conjugate-gradient step: x ← x − αp and p ← r + βp, applied by the next product. */
export interface CgStep {
  readonly x: Float64Array;
  readonly r: Float64Array;
  readonly alpha: number;
  readonly beta: number;
}

export class FEProjector {
  readonly n: number;
  private readonly codes: Int32Array[];
  private readonly invWeight: Float64Array[];
  private readonly sums: Float64Array[];
  private readonly weights: Float64Array | null;
  /** The order of projections in one symmetric sweep, e.g. [0, 1, 2, 1, 0]. */
  private readonly order: number[];

  constructor(factors: readonly Factor[], weights: Float64Array | null) {
    this.n = factors[0].codes.length;
    this.codes = factors.map((f) => f.codes);
    this.weights = weights;
    this.invWeight = factors.map((f) => {
      const tot = new Float64Array(f.levels);
      const c = f.codes;
      if (weights) for (let i = 0; i < c.length; i++) tot[c[i]] += weights[i];
      else for (let i = 0; i < c.length; i++) tot[c[i]] += 1;
      return tot.map((t) => (t > 0 ? 1 / t : 0));
    });
    this.sums = factors.map((f) => new Float64Array(f.levels));
    const k = factors.length;
    this.order = [];
    for (let j = 0; j < k; j++) this.order.push(j);
    for (let j = k - 2; j >= 0; j--) this.order.push(j);
  }

  /** Number of fixed effects. */
  get size(): number {
    return this.codes.length;
  }

  /** Subtract the means of a single FE in place (exact demeaning when there is one FE). */
  demeanOne(x: Float64Array, j = 0): void {
    this.accumulate(j, x);
    this.subtract(j, x, -1);
  }

  /** x ← T x in place. */
  sweep(x: Float64Array): void {
    const order = this.order;
    this.accumulate(order[0], x);
    for (let s = 0; s < order.length; s++)
      this.subtract(order[s], x, s + 1 < order.length ? order[s + 1] : -1);
  }

  /**
   * out ← (I − T)p without modifying p, returning the W-inner product p'W·out (one fused pass per
   * projection; the CG step of demean.ts uses it).
   */
  applyIminusT(p: Float64Array, out: Float64Array, step?: CgStep): number {
    return this.iMinusT(p, out, step, false);
  }

  /**
   * out ← (I − T)x without modifying x, returning out'W·out: the CG residual of demean.ts and its
   * squared norm in one fused pass per projection (the same arithmetic as copying x, sweeping and
   * subtracting).
   */
  residualInto(x: Float64Array, out: Float64Array): number {
    return this.iMinusT(x, out, undefined, true);
  }

  private iMinusT(p: Float64Array, out: Float64Array, step: CgStep | undefined, selfDot: boolean): number {
    const order = this.order;
    const last = order.length - 1;
    if (step) this.stepAndAccumulate(order[0], p, step);
    else this.accumulate(order[0], p);
    // First projection reads p and writes out.
    this.subtractInto(order[0], p, out, order.length > 1 ? order[1] : -1);
    for (let s = 1; s < last; s++) this.subtract(order[s], out, order[s + 1]);
    // Last projection: out holds T p once its means are removed; finish with out = p − Tp and p'W out.
    const means = this.sums[order[last]];
    const c = this.codes[order[last]];
    const w = this.weights;
    let dot = 0;
    if (last === 0) {
      for (let i = 0; i < p.length; i++) {
        const v = p[i] - out[i];
        out[i] = v;
        const d = selfDot ? v : p[i];
        dot += w ? w[i] * d * v : d * v;
      }
      return dot;
    }
    if (selfDot) {
      for (let i = 0; i < p.length; i++) {
        const v = p[i] - (out[i] - means[c[i]]);
        out[i] = v;
        dot += w ? w[i] * v * v : v * v;
      }
    } else if (w) {
      for (let i = 0; i < p.length; i++) {
        const v = p[i] - (out[i] - means[c[i]]);
        out[i] = v;
        dot += w[i] * p[i] * v;
      }
    } else {
      for (let i = 0; i < p.length; i++) {
        const v = p[i] - (out[i] - means[c[i]]);
        out[i] = v;
        dot += p[i] * v;
      }
    }
    return dot;
  }

  /** dst ← src minus FE j's means, accumulating FE next's sums (next ≥ 0) in the same pass. */
  private subtractInto(j: number, src: Float64Array, dst: Float64Array, next: number): void {
    const means = this.sums[j];
    const c = this.codes[j];
    if (next < 0) {
      for (let i = 0; i < src.length; i++) dst[i] = src[i] - means[c[i]];
      return;
    }
    const sums = this.sums[next];
    sums.fill(0);
    const cn = this.codes[next];
    const w = this.weights;
    if (w) {
      for (let i = 0; i < src.length; i++) {
        const v = src[i] - means[c[i]];
        dst[i] = v;
        sums[cn[i]] += w[i] * v;
      }
    } else {
      for (let i = 0; i < src.length; i++) {
        const v = src[i] - means[c[i]];
        dst[i] = v;
        sums[cn[i]] += v;
      }
    }
    const inv = this.invWeight[next];
    for (let g = 0; g < sums.length; g++) sums[g] *= inv[g];
  }

  /**
   * The previous CG step fused into the first pass: x ← x − αp, then p ← r + βp, accumulating FE
   * j's sums of the new p (the same arithmetic, in the same order, as the separate passes).
   */
  private stepAndAccumulate(j: number, p: Float64Array, step: CgStep): void {
    const sums = this.sums[j];
    sums.fill(0);
    const c = this.codes[j];
    const w = this.weights;
    const { x, r, alpha, beta } = step;
    if (w) {
      for (let i = 0; i < p.length; i++) {
        const pi = p[i];
        x[i] -= alpha * pi;
        const v = r[i] + beta * pi;
        p[i] = v;
        sums[c[i]] += w[i] * v;
      }
    } else {
      for (let i = 0; i < p.length; i++) {
        const pi = p[i];
        x[i] -= alpha * pi;
        const v = r[i] + beta * pi;
        p[i] = v;
        sums[c[i]] += v;
      }
    }
    const inv = this.invWeight[j];
    for (let g = 0; g < sums.length; g++) sums[g] *= inv[g];
  }

  private accumulate(j: number, x: Float64Array): void {
    const sums = this.sums[j];
    sums.fill(0);
    const c = this.codes[j];
    const w = this.weights;
    if (w) for (let i = 0; i < x.length; i++) sums[c[i]] += w[i] * x[i];
    else for (let i = 0; i < x.length; i++) sums[c[i]] += x[i];
    const inv = this.invWeight[j];
    for (let g = 0; g < sums.length; g++) sums[g] *= inv[g];
  }

  /** Subtract FE j's means; when `next` ≥ 0, accumulate FE next's sums in the same pass. */
  private subtract(j: number, x: Float64Array, next: number): void {
    const means = this.sums[j];
    const c = this.codes[j];
    if (next < 0) {
      for (let i = 0; i < x.length; i++) x[i] -= means[c[i]];
      return;
    }
    const sums = this.sums[next];
    const cn = this.codes[next];
    const w = this.weights;
    // `means` and `sums` are distinct buffers: the sweep order never repeats an FE back to back.
    const nextSums = sums;
    nextSums.fill(0);
    if (w) {
      for (let i = 0; i < x.length; i++) {
        const v = x[i] - means[c[i]];
        x[i] = v;
        nextSums[cn[i]] += w[i] * v;
      }
    } else {
      for (let i = 0; i < x.length; i++) {
        const v = x[i] - means[c[i]];
        x[i] = v;
        nextSums[cn[i]] += v;
      }
    }
    const inv = this.invWeight[next];
    for (let g = 0; g < sums.length; g++) sums[g] *= inv[g];
  }

  /** W-inner product. */
  dot(a: Float64Array, b: Float64Array): number {
    let s = 0;
    const w = this.weights;
    if (w) for (let i = 0; i < a.length; i++) s += w[i] * a[i] * b[i];
    else for (let i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
