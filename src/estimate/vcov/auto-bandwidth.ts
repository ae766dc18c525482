/**
 * Automatic bandwidth (`--bw auto`): Newey & West (1994) plug-in selection, as ivreg2's `s_abw`
 * offers it for the Bartlett, Parzen and quadratic-spectral kernels. With T the time span
 * (max t − min t + 1), h_t = Σ_j z_jt·e_t over the non-constant score columns and
 * σ̂_τ = Σ_t h_t h_{t−τ}/N (lags follow time values) for τ = 0..m*, m* = ⌊20(T/100)^a⌋
 * (a = 2/9, 4/25, 2/25): s⁽ᵠ⁾ = 2Σ_{τ≥1} τ^q σ̂_τ, s⁽⁰⁾ = σ̂_0 + 2Σ_{τ≥1} σ̂_τ,
 * γ = c·((s⁽ᵠ⁾/s⁽⁰⁾)²)^{1/(2q+1)}, m = γ·T^{1/(2q+1)}. The largest lag is min(⌊m⌋, m*) for Bartlett
 * and Parzen and min(m, m*) for QS, and the bandwidth is that lag plus one (ivreg2's bw counts the
 * lag-0 term), at most T − 1.
 */
import type { KernelName } from "./kernel.js";
import { lagRows, type TimeIndex } from "./time-index.js";

const RULES: Partial<Record<KernelName, { q: number; c: number; a: number }>> = {
  bartlett: { q: 1, c: 1.1447, a: 2 / 9 },
  parzen: { q: 2, c: 2.6614, a: 4 / 25 },
  qs: { q: 2, c: 1.3221, a: 2 / 25 },
};

/**
 * The bandwidth for `kernel` from scores z and residuals e.
 * @example const bw = autoBandwidth([ones, x], e, null, ti, "bartlett");
 */
export function autoBandwidth(
  z: readonly Float64Array[],
  e: Float64Array,
  w: Float64Array | null,
  ti: TimeIndex,
  kernel: KernelName,
): number {
  const rule = RULES[kernel];
  if (!rule)
    throw new Error(
      `--bw auto is available for the bartlett, parzen and qs kernels (as in ivreg2), not ${kernel}`,
    );
  const n = e.length;
  const cols = z.filter((c) => !isConstant(c));
  const h = new Float64Array(n);
  for (const c of cols) for (let i = 0; i < n; i++) h[i] += c[i] * e[i] * (w ? w[i] : 1);
  const T = ti.tmax - ti.tmin + 1;
  const lagMax = Math.floor(20 * (T / 100) ** rule.a);
  if (lagMax < 1) return 1;
  const sigma = new Float64Array(lagMax + 1);
  for (let tau = 0; tau <= lagMax; tau++) {
    const lag = tau === 0 ? null : lagRows(ti, tau);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const j = lag ? lag[i] : i;
      if (j >= 0) s += h[i] * h[j];
    }
    sigma[tau] = s / n;
  }
  let sq = 0;
  let s0 = sigma[0];
  for (let tau = 1; tau <= lagMax; tau++) {
    sq += 2 * tau ** rule.q * sigma[tau];
    s0 += 2 * sigma[tau];
  }
  if (s0 === 0) return 1;
  const gamma = rule.c * ((sq / s0) ** 2) ** (1 / (2 * rule.q + 1));
  const m = gamma * T ** (1 / (2 * rule.q + 1));
  const lag = kernel === "qs" ? Math.min(m, lagMax) : Math.min(Math.floor(m), lagMax);
  return Math.min(lag + 1, T - 1);
}

function isConstant(c: Float64Array): boolean {
  for (let i = 1; i < c.length; i++) if (c[i] !== c[0]) return false;
  return true;
}
