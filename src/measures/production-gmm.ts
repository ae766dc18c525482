/**
 * A gross-output Cobb–Douglas production function y = β_l·l + β_k·k + β_m·m + ω + ε with AR(1)
 * productivity ω_t = c_t + ρ·ω_{t−1} + ξ_t, estimated by GMM on the productivity innovation, for
 * De Loecker & Warzynski (2012) markups from the materials elasticity:
 *
 * - ξ_t(β, ρ) = (y_t − x_t'β) − ρ·(y_{t−1} − x_{t−1}'β), demeaned (by year when `controls` are
 *   given: ξ is residualised on them, absorbing c_t);
 * - moments E[ξ_t · z] = 0 for z = k_t, k_{t−1}, l_{t−1}, m_{t−1}, m_{t−2} (capital decided at
 *   t−1, labour and materials instrumented by lags — the timing of Ackerberg–Caves–Frazer 2015 and
 *   DLW), one-step GMM with identity weights on instruments scaled by their standard deviations,
 *   minimised by Nelder–Mead from the OLS estimates and ρ = 0.5; lags are exact (a gap breaks them).
 *
 * Why not the proxy first stage (φ̂ = E[y | l, k, m]) of ACF/LP: with materials both an input and
 * the proxy, the gross-output elasticities are not identified (Gandhi, Navarro & Rivers 2020) — the
 * moments then hold along a line of β through the OLS estimate, and the search returns OLS. Without
 * the inversion, ε_t and ε_{t−1} stay in ξ (output measurement error, uncorrelated with the
 * instruments) and β is identified by input variation, such as materials prices, whose persistence
 * differs from productivity's (Blundell & Bond 2000's dynamic-panel moments in ACF's timing).
 */
import { leastSquares } from "../linalg/least-squares.js";
import type { KeyColumn } from "./keys.js";
import { nelderMead } from "./nelder-mead.js";
import { lagRows, panelIndex } from "./panel.js";
import { keyArg, keyLen, numericArg, sameLength } from "./validate.js";

/** Inputs of {@link productionGmm}: natural logs, one row per firm-year. */
export interface ProductionGmmInput {
  /** ln gross output (deflated). */
  readonly output: Float64Array;
  readonly labor: Float64Array;
  readonly capital: Float64Array;
  readonly materials: Float64Array;
  readonly id: KeyColumn;
  /** Year (integer-valued, numeric). */
  readonly time: KeyColumn;
  /** Regressors the innovation ξ is residualised on (e.g. year dummies); optional. */
  readonly controls?: readonly Float64Array[];
}

/** Result of {@link productionGmm}. */
export interface ProductionGmmResult {
  readonly labor: number;
  readonly capital: number;
  readonly materials: number;
  /** Persistence of productivity. */
  readonly rho: number;
  /** OLS of y on a constant, l, k, m (and the controls) over the same rows: the search's start. */
  readonly ols: { readonly labor: number; readonly capital: number; readonly materials: number };
  /** Sum of squared scaled moments at the estimate. */
  readonly criterion: number;
  readonly converged: boolean;
  /** Rows with the firm's two previous years (the GMM sample). */
  readonly nobs: number;
}

/**
 * Estimate the gross-output Cobb–Douglas elasticities and ρ (see the module notes).
 * @example const pf = productionGmm({ output: y, labor: l, capital: k, materials: m, id: firm, time: year });
 */
export function productionGmm(input: ProductionGmmInput): ProductionGmmResult {
  const fn = "productionGmm";
  if (typeof input !== "object" || input === null)
    throw new Error(`${fn}: pass { output, labor, capital, materials, id, time }`);
  const y = numericArg(fn, "output", input.output);
  const l = numericArg(fn, "labor", input.labor);
  const k = numericArg(fn, "capital", input.capital);
  const m = numericArg(fn, "materials", input.materials);
  const id = keyArg(fn, "id", input.id);
  const time = keyArg(fn, "time", input.time);
  const controls = (input.controls ?? []).map((c, j) => numericArg(fn, `controls[${j}]`, c));
  const n = sameLength(fn, [
    ["output", y.length],
    ["labor", l.length],
    ["capital", k.length],
    ["materials", m.length],
    keyLen("id", id),
    keyLen("time", time),
    ...controls.map((c, j) => [`controls[${j}]`, c.length] as const),
  ]);
  if (!(time instanceof Float64Array) && !(time instanceof Int32Array)) {
    throw new Error(`${fn}: argument "time" must be numeric (years), got a categorical column`);
  }
  const tt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let ok = Number.isFinite(y[i]) && Number.isFinite(l[i]) && Number.isFinite(k[i]) && Number.isFinite(m[i]);
    for (const c of controls) ok &&= Number.isFinite(c[i]);
    const tv = time instanceof Int32Array ? (time[i] === -1 ? Number.NaN : time[i]) : time[i];
    tt[i] = ok ? tv : Number.NaN;
  }
  const panel = panelIndex(fn, id, tt);
  const p1 = lagRows(panel, 1);
  const p2 = lagRows(panel, 2);
  const now: number[] = [];
  for (const i of panel.order) if (p1[i] >= 0 && p2[i] >= 0) now.push(i);
  const S = now.length;
  if (S < 30) {
    throw new Error(
      `${fn}: only ${S} rows have the same firm's two previous years; the moments need a panel of at least three consecutive years`,
    );
  }
  const at = (c: Float64Array, lagged: Int32Array | null) =>
    Float64Array.from(now, (i) => c[lagged ? lagged[i] : i]);
  const [yT, lT, kT, mT] = [y, l, k, m].map((c) => at(c, null));
  const [yL, lL, kL, mL] = [y, l, k, m].map((c) => at(c, p1));
  const mL2 = at(m, p2);
  const ones = new Float64Array(S).fill(1);
  const C = [ones, ...controls.map((c) => at(c, null))];
  const scaled = (z: Float64Array) => {
    let mean = 0;
    for (const v of z) mean += v / S;
    let ss = 0;
    for (const v of z) ss += (v - mean) ** 2;
    const sd = Math.sqrt(ss / S) || 1;
    return Float64Array.from(z, (v) => (v - mean) / sd);
  };
  // Residualising ξ on the controls (M_C ξ) inside the moments equals residualising the instruments
  // once: z'·M_C·ξ = (M_C·z)'·ξ, so each evaluation is O(rows).
  const Z = [kT, kL, lL, mL, mL2].map((z) => leastSquares(C, scaled(z)).resid);
  const xi = new Float64Array(S);
  const criterion = ([bl, bk, bm, rho]: readonly number[]): number => {
    for (let s = 0; s < S; s++) {
      xi[s] =
        yT[s] - bl * lT[s] - bk * kT[s] - bm * mT[s] - rho * (yL[s] - bl * lL[s] - bk * kL[s] - bm * mL[s]);
    }
    let q = 0;
    for (const z of Z) {
      let g = 0;
      for (let s = 0; s < S; s++) g += xi[s] * z[s];
      q += (g / S) ** 2;
    }
    return q;
  };
  const ols = leastSquares([...C, lT, kT, mT], yT).coef.slice(C.length);
  const start = [...ols.map((v) => (Number.isFinite(v) ? v : 0.3)), 0.5];
  const fit = nelderMead(criterion, start, { step: 0.1 });
  return Object.freeze({
    labor: fit.x[0],
    capital: fit.x[1],
    materials: fit.x[2],
    rho: fit.x[3],
    ols: Object.freeze({ labor: ols[0], capital: ols[1], materials: ols[2] }),
    criterion: fit.fx,
    converged: fit.converged,
    nobs: S,
  });
}
