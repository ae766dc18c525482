/**
 * Meats of the kernel VCOVs, in the Σ-form of `heteroMeat` (V = c·B·S·B): ivreg2's HAC (robust),
 * AC (homoskedastic), Driscoll–Kraay (time sums) and the Thompson cluster-kernel combination.
 * Lags follow the time index, so gaps and panel boundaries are respected.
 */
import { clusterMeat } from "./meat.js";
import { lagRows, type TimeIndex } from "./time-index.js";

/** Lags and their kernel weights. */
export type Lags = readonly (readonly [number, number])[];

function addCross(s: Float64Array, a: Float64Array, b: Float64Array, k: number, f: number): void {
  for (let p = 0; p < k; p++) {
    const ap = a[p] * f;
    if (ap === 0) continue;
    for (let q = 0; q < k; q++) s[p * k + q] += ap * b[q];
  }
}

function symmetricPart(s: Float64Array, k: number): void {
  for (let p = 0; p < k; p++)
    for (let q = 0; q < p; q++) {
      const v = (s[p * k + q] + s[q * k + p]) / 2;
      s[p * k + q] = v;
      s[q * k + p] = v;
    }
}

/** Row scores u_i = v_i·e_i·z_i (v = weights), row-major n×k. */
function rowScores(z: readonly Float64Array[], e: Float64Array, v: Float64Array | null): Float64Array {
  const k = z.length;
  const n = e.length;
  const u = new Float64Array(n * k);
  for (let a = 0; a < k; a++) {
    const za = z[a];
    for (let i = 0; i < n; i++) u[i * k + a] = za[i] * e[i] * (v ? v[i] : 1);
  }
  return u;
}

/**
 * HAC: Σ_i u_i u_i' + Σ_τ k_τ Σ_i (u_i u_{i−τ}' + u_{i−τ} u_i'), u_i = v_i e_i z_i, the lag taken within
 * the panel by time value.
 * @example const s = hacMeat([x], e, null, ti, [[1, 0.5]]);
 */
export function hacMeat(
  z: readonly Float64Array[],
  e: Float64Array,
  v: Float64Array | null,
  ti: TimeIndex,
  lags: Lags,
): Float64Array {
  const k = z.length;
  const n = e.length;
  const u = rowScores(z, e, v);
  const s = new Float64Array(k * k);
  for (let i = 0; i < n; i++) addCross(s, u.subarray(i * k, i * k + k), u.subarray(i * k, i * k + k), k, 1);
  for (const [tau, kw] of lags) {
    const lag = lagRows(ti, tau);
    const g = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      const j = lag[i];
      if (j < 0) continue;
      addCross(g, u.subarray(i * k, i * k + k), u.subarray(j * k, j * k + k), k, 1);
    }
    for (let p = 0; p < k; p++)
      for (let q = 0; q < k; q++) s[p * k + q] += kw * (g[p * k + q] + g[q * k + p]);
  }
  symmetricPart(s, k);
  return s;
}

/**
 * AC (ivreg2's kernel VCOV without `robust`): (Σwe²/N)·Z'WZ + Σ_τ k_τ (γ_τ/N)(Z_τ + Z_τ'), where
 * γ_τ = Σ w_i w_j e_i e_j and Z_τ = Σ w_i w_j z_i z_j' over the pairs (i, j = lag τ of i).
 * @example const s = acMeat([x], e, null, ti, [[1, 1]], 100);
 */
export function acMeat(
  z: readonly Float64Array[],
  e: Float64Array,
  w: Float64Array | null,
  ti: TimeIndex,
  lags: Lags,
  N: number,
): Float64Array {
  return acKronMeat(z, [e], w, ti, lags, N);
}

/**
 * AC for several residual columns E (ivreg2's `m_omega` with a residual matrix, as `ranktest` calls
 * it): (E'WE/N)⊗Z'WZ + Σ_τ k_τ (G_τ + G_τ') with G_τ = (Σ w_i w_j e_i e_j'/N) ⊗ (Σ w_i w_j z_i z_j') over
 * the pairs (i, j = lag τ of i). Rows and columns are residual-major (index a·L + l).
 * @example const s = acKronMeat([z1, z2], [e1, e2], null, ti, [[1, 0.5]], 100);
 */
export function acKronMeat(
  z: readonly Float64Array[],
  e: readonly Float64Array[],
  w: Float64Array | null,
  ti: TimeIndex,
  lags: Lags,
  N: number,
): Float64Array {
  const L = z.length;
  const K = e.length;
  const m = K * L;
  const n = e[0].length;
  const out = new Float64Array(m * m);
  const pairs: [Int32Array | null, number][] = [
    [null, 1],
    ...lags.map(([tau, kw]) => [lagRows(ti, tau), kw] as [Int32Array, number]),
  ];
  for (const [lag, kw] of pairs) {
    const sig = new Float64Array(K * K);
    const zz = new Float64Array(L * L);
    const zi = new Float64Array(L);
    const zj = new Float64Array(L);
    const ei = new Float64Array(K);
    const ej = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      const j = lag ? lag[i] : i;
      if (j < 0) continue;
      const wv = w ? (lag ? w[i] * w[j] : w[i]) : 1;
      for (let a = 0; a < L; a++) {
        zi[a] = z[a][i];
        zj[a] = z[a][j];
      }
      for (let a = 0; a < K; a++) {
        ei[a] = e[a][i];
        ej[a] = e[a][j];
      }
      addCross(zz, zi, zj, L, wv);
      addCross(sig, ei, ej, K, wv);
    }
    // Lag 0 enters once; each lag τ ≥ 1 as G_τ + G_τ'.
    for (let a = 0; a < K; a++)
      for (let b = 0; b < K; b++) {
        const sab = sig[a * K + b] / N;
        const sba = sig[b * K + a] / N;
        for (let p = 0; p < L; p++)
          for (let q = 0; q < L; q++) {
            const v = lag ? sab * zz[p * L + q] + sba * zz[q * L + p] : sab * zz[p * L + q];
            out[(a * L + p) * m + b * L + q] += kw * v;
          }
      }
  }
  symmetricPart(out, m);
  return out;
}

/**
 * Driscoll–Kraay: with u_t = Σ_{i: t_i = t} w_i e_i z_i, Σ_t u_t u_t' + Σ_τ k_τ Σ_t (u_t u_{t−τ}' + u_{t−τ} u_t').
 * @example const s = driscollKraayMeat([x], e, null, ti, [[1, 0.5]]);
 */
export function driscollKraayMeat(
  z: readonly Float64Array[],
  e: Float64Array,
  w: Float64Array | null,
  ti: TimeIndex,
  lags: Lags,
): Float64Array {
  const k = z.length;
  const T = ti.tmax - ti.tmin + 1;
  const codes = Int32Array.from(ti.t, (t) => t - ti.tmin);
  const s = clusterMeat(z, e, w, codes, T);
  const sums = new Float64Array(T * k);
  for (let a = 0; a < k; a++) {
    const za = z[a];
    for (let i = 0; i < e.length; i++) sums[codes[i] * k + a] += za[i] * e[i] * (w ? w[i] : 1);
  }
  for (const [tau, kw] of lags) {
    const g = new Float64Array(k * k);
    for (let t = tau; t < T; t++)
      addCross(g, sums.subarray(t * k, t * k + k), sums.subarray((t - tau) * k, (t - tau) * k + k), k, 1);
    for (let p = 0; p < k; p++)
      for (let q = 0; q < k; q++) s[p * k + q] += kw * (g[p * k + q] + g[q * k + p]);
  }
  symmetricPart(s, k);
  return s;
}
