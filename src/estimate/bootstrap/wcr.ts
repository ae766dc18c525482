/**
 * Wild cluster restricted (WCR) bootstrap of one coefficient of a (weighted) least-squares fit with
 * absorbed fixed effects, by the fast algorithm of Roodman, MacKinnon, Nielsen & Webb (2019): every
 * draw is reduced to cluster-level quantities, so its cost is O(G·k), not O(N).
 *
 * Notation (all on the FE-demeaned data X̃, ỹ, weights W, clusters g = 1…G, tested coefficient j,
 * A = (X̃'WX̃)⁻¹, a = A e_j): under H0 β_j = h the restricted residual is ü(h) = ü₀ − h·ü₁ with
 * ü₀ = M_R ỹ and ü₁ = M_R x̃_j (R: the other regressors). The bootstrap outcome y* = ỹ − ü + ü⊙v
 * (v constant within clusters) gives β̂*_j − h = Σ_g c_g v_g with c_g = a'X̃_g'W_g ü_g, and the
 * cluster score of the bootstrap residual û* = M_{D,X}(ü⊙v) is
 *   a'X̃_g'W_g û*_g = c_g v_g − d_g'A S v − Σ_h E_gh v_h,
 * with S the k×G matrix of cluster scores X̃_h'W_h ü_h, d_g = X̃_g'W_g X̃ a, and E the correction for
 * fixed effects not nested in the clusters, E_gh = Σ_{i∈h} w_i ü_i [P_D(1_g ⊙ X̃a)]_i (zero when
 * every FE is nested). Everything is linear in h, so each draw keeps five numbers — the numerator's
 * two parts and the three coefficients of the quadratic denominator — and t*(h) is available for any
 * h in O(B): the test inversion for the confidence interval costs no further draws.
 */
import { leastSquares } from "../../linalg/least-squares.js";
import type { DrawPlan } from "./boot-weights.js";

export interface WcrInput {
  /** FE-demeaned outcome and kept regressors (the intercept, if any, as a column of ones). */
  readonly y: Float64Array;
  readonly x: readonly Float64Array[];
  readonly weights: Float64Array | null;
  /** Bootstrap clusters: codes 0…G−1. */
  readonly codes: Int32Array;
  readonly groups: number;
  /** Index of the tested coefficient in `x`. */
  readonly j: number;
  /** (X̃'WX̃)⁻¹, row-major k×k. */
  readonly bread: Float64Array;
  /** The unrestricted estimate β̂_j and its cluster-robust SE (the model's, finite-sample factor included). */
  readonly estimate: number;
  readonly se: number;
  /** P_D^W (projection on the fixed effects), or null when every FE is nested in the clusters (or none). */
  readonly projectFE: ((v: Float64Array) => Float64Array) | null;
  /**
   * The column whose restricted residual is ü₁ (default x_j). The Anderson–Rubin test passes the
   * endogenous regressor x̃: its outcome ỹ − β₀x̃ has the restricted residual ü₀ − β₀ü₁.
   */
  readonly shift?: Float64Array;
}

/** Per draw: numerator n₀ − h·n₁ and denominator² c·(q₀₀ − 2h·q₀₁ + h²·q₁₁). */
export interface WcrDraws {
  readonly reps: number;
  readonly enumerated: boolean;
  readonly n0: Float64Array;
  readonly n1: Float64Array;
  readonly q00: Float64Array;
  readonly q01: Float64Array;
  readonly q11: Float64Array;
  /** The finite-sample factor c of the cluster-robust VCOV (model SE² / raw CRVE). */
  readonly ssc: number;
  readonly estimate: number;
  readonly se: number;
}

/**
 * Run the draws once; {@link wcrPValue} then gives p(h) for any null value h.
 * @example const d = wcrDraws(input, drawPlan(input.groups, 9999, "webb", 1)); wcrPValue(d, 0);
 */
export function wcrDraws(inp: WcrInput, plan: DrawPlan): WcrDraws {
  const { y, x, codes, groups: G, j } = inp;
  const n = y.length;
  const k = x.length;
  const w = inp.weights;
  const others = x.filter((_, m) => m !== j);
  let u0: Float64Array;
  let u1: Float64Array;
  if (others.length) {
    u0 = leastSquares(others, y, { weights: w ?? undefined }).resid;
    u1 = leastSquares(others, inp.shift ?? x[j], { weights: w ?? undefined }).resid;
  } else {
    u0 = y;
    u1 = inp.shift ?? x[j];
  }
  const a = new Float64Array(k);
  for (let m = 0; m < k; m++) a[m] = inp.bread[j * k + m];
  // p = X̃a; S₀, S₁ (k×G, column g at g·k), d (G×k).
  const p = new Float64Array(n);
  for (let m = 0; m < k; m++) {
    const xm = x[m];
    const am = a[m];
    for (let i = 0; i < n; i++) p[i] += xm[i] * am;
  }
  const S0 = new Float64Array(G * k);
  const S1 = new Float64Array(G * k);
  const d = new Float64Array(G * k);
  for (let m = 0; m < k; m++) {
    const xm = x[m];
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1;
      const off = codes[i] * k + m;
      const wx = wi * xm[i];
      S0[off] += wx * u0[i];
      S1[off] += wx * u1[i];
      d[off] += wx * p[i];
    }
  }
  const c0 = new Float64Array(G);
  const c1 = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    for (let m = 0; m < k; m++) {
      c0[g] += a[m] * S0[g * k + m];
      c1[g] += a[m] * S1[g * k + m];
    }
  }
  // DA = d·A (G×k).
  const DA = new Float64Array(G * k);
  for (let g = 0; g < G; g++)
    for (let m = 0; m < k; m++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += d[g * k + l] * inp.bread[l * k + m];
      DA[g * k + m] = s;
    }
  const E = inp.projectFE ? feCorrection(inp.projectFE, p, u0, u1, w, codes, G) : null;
  const B = plan.reps;
  const out = {
    n0: new Float64Array(B),
    n1: new Float64Array(B),
    q00: new Float64Array(B),
    q01: new Float64Array(B),
    q11: new Float64Array(B),
  };
  const v = new Float64Array(G);
  const sv0 = new Float64Array(k);
  const sv1 = new Float64Array(k);
  const r0 = new Float64Array(G);
  const r1 = new Float64Array(G);
  for (let b = 0; b < B; b++) {
    plan.fill(b, v);
    sv0.fill(0);
    sv1.fill(0);
    let n0 = 0;
    let n1 = 0;
    for (let g = 0; g < G; g++) {
      const vg = v[g];
      n0 += c0[g] * vg;
      n1 += c1[g] * vg;
      for (let m = 0; m < k; m++) {
        sv0[m] += S0[g * k + m] * vg;
        sv1[m] += S1[g * k + m] * vg;
      }
    }
    for (let g = 0; g < G; g++) {
      let s0 = c0[g] * v[g];
      let s1 = c1[g] * v[g];
      for (let m = 0; m < k; m++) {
        s0 -= DA[g * k + m] * sv0[m];
        s1 -= DA[g * k + m] * sv1[m];
      }
      r0[g] = s0;
      r1[g] = s1;
    }
    if (E) {
      for (let g = 0; g < G; g++) {
        let e0 = 0;
        let e1 = 0;
        for (let h = 0; h < G; h++) {
          e0 += E.e0[g * G + h] * v[h];
          e1 += E.e1[g * G + h] * v[h];
        }
        r0[g] -= e0;
        r1[g] -= e1;
      }
    }
    let q00 = 0;
    let q01 = 0;
    let q11 = 0;
    for (let g = 0; g < G; g++) {
      q00 += r0[g] * r0[g];
      q01 += r0[g] * r1[g];
      q11 += r1[g] * r1[g];
    }
    out.n0[b] = n0;
    out.n1[b] = n1;
    out.q00[b] = q00;
    out.q01[b] = q01;
    out.q11[b] = q11;
  }
  // The finite-sample factor: the model's SE² over the raw CRVE.
  const ssc = (inp.se * inp.se) / rawCrve(inp, c0, c1, DA, S0, S1, E);
  return { reps: B, enumerated: plan.enumerated, ...out, ssc, estimate: inp.estimate, se: inp.se };
}

/**
 * The raw (no finite-sample factor) CRVE of β̂_j: the draw v = 1 at h = β̂_j reproduces the original
 * fit, so its denominator is exactly the model's cluster meat.
 */
function rawCrve(
  inp: WcrInput,
  c0: Float64Array,
  c1: Float64Array,
  DA: Float64Array,
  S0: Float64Array,
  S1: Float64Array,
  E: { e0: Float64Array; e1: Float64Array } | null,
): number {
  const G = inp.groups;
  const k = inp.x.length;
  const h = inp.estimate;
  const sv = new Float64Array(k);
  for (let g = 0; g < G; g++) for (let m = 0; m < k; m++) sv[m] += S0[g * k + m] - h * S1[g * k + m];
  let q = 0;
  for (let g = 0; g < G; g++) {
    let r = c0[g] - h * c1[g];
    for (let m = 0; m < k; m++) r -= DA[g * k + m] * sv[m];
    if (E) for (let l = 0; l < G; l++) r -= E.e0[g * G + l] - h * E.e1[g * G + l];
    q += r * r;
  }
  return q;
}

/** E₀, E₁ (G×G): E_gh = Σ_{i∈h} w_i ü_i [P_D(1_g ⊙ p)]_i for ü₀ and ü₁. */
function feCorrection(
  project: (v: Float64Array) => Float64Array,
  p: Float64Array,
  u0: Float64Array,
  u1: Float64Array,
  w: Float64Array | null,
  codes: Int32Array,
  G: number,
): { e0: Float64Array; e1: Float64Array } {
  const n = p.length;
  const e0 = new Float64Array(G * G);
  const e1 = new Float64Array(G * G);
  const col = new Float64Array(n);
  for (let g = 0; g < G; g++) {
    for (let i = 0; i < n; i++) col[i] = codes[i] === g ? p[i] : 0;
    const q = project(col);
    for (let i = 0; i < n; i++) {
      const wq = (w ? w[i] : 1) * q[i];
      if (wq === 0) continue;
      e0[g * G + codes[i]] += wq * u0[i];
      e1[g * G + codes[i]] += wq * u1[i];
    }
  }
  return { e0, e1 };
}
