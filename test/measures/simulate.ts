/**
 * Simulated firm panels for the production-function tests. Not a test file itself.
 *
 * Levinsohn–Petrin timing: productivity ω is AR(1) (ω_t = ρ·ω_{t−1} + ξ_t); capital k_t is chosen
 * at t−1 (from k_{t−1}, ω_{t−1} and an investment shock known at t−1), so it is uncorrelated with
 * ξ_t; intermediate inputs m_t = a + b·k_t + c·ω_t are strictly increasing in ω given k (c > 0);
 * labour is chosen after ω_t is known, l_t = d + e·k_t + f·ω_t + ν_t, where ν_t is an optimisation
 * error realised after m_t is chosen (Ackerberg–Caves–Frazer's case in which the LP first stage
 * identifies β_l); value added va = β_0 + β_l·l + β_k·k + ω + η with η i.i.d. measurement error.
 */
import { createRng } from "../../src/measures/rng.js";

export interface LpTruth {
  readonly beta0: number;
  readonly betaL: number;
  readonly betaK: number;
  readonly rho: number;
}

export interface SimPanel {
  readonly va: Float64Array;
  readonly labor: Float64Array;
  readonly capital: Float64Array;
  readonly proxy: Float64Array;
  readonly omega: Float64Array;
  readonly id: Int32Array;
  readonly time: Float64Array;
}

export const LP_TRUTH: LpTruth = { beta0: 1, betaL: 0.6, betaK: 0.3, rho: 0.7 };

export function simulateLpPanel(
  seed: number,
  firms: number,
  years: number,
  truth: LpTruth = LP_TRUTH,
): SimPanel {
  const rng = createRng(seed);
  const burn = 30;
  const n = firms * years;
  const out = {
    va: new Float64Array(n),
    labor: new Float64Array(n),
    capital: new Float64Array(n),
    proxy: new Float64Array(n),
    omega: new Float64Array(n),
    id: new Int32Array(n),
    time: new Float64Array(n),
  };
  const sdXi = 0.25;
  let r = 0;
  for (let f = 0; f < firms; f++) {
    const firmLevel = 2 + 0.5 * rng.normal();
    let omega = (sdXi / Math.sqrt(1 - truth.rho * truth.rho)) * rng.normal();
    let k = firmLevel + 0.5 * rng.normal();
    for (let t = 0; t < burn + years; t++) {
      // k_t decided at t−1 from the state then.
      const kNext = 0.8 * k + 0.2 * firmLevel + 0.4 * omega + 0.3 * rng.normal();
      const omegaNext = truth.rho * omega + sdXi * rng.normal();
      k = kNext;
      omega = omegaNext;
      if (t < burn) continue;
      const m = 0.5 + 0.7 * k + 1.0 * omega;
      const l = 0.3 + 0.4 * k + 0.8 * omega + 0.3 * rng.normal();
      const va = truth.beta0 + truth.betaL * l + truth.betaK * k + omega + 0.1 * rng.normal();
      out.va[r] = va;
      out.labor[r] = l;
      out.capital[r] = k;
      out.proxy[r] = m;
      out.omega[r] = omega;
      out.id[r] = f + 1;
      out.time[r] = 2000 + (t - burn);
      r++;
    }
  }
  return out;
}
