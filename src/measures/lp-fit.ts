/**
 * The Levinsohn–Petrin (2003) value-added estimator on one clean sample, following Stata's
 * `levpet` (Petrin, Poi & Levinsohn 2004): first-stage OLS of va on labour and a full third-order
 * polynomial in capital and the proxy, then a one-parameter search for β_k.
 */
import { leastSquares } from "../linalg/least-squares.js";
import { minimizeScalar } from "./minimize.js";
import { polynomialTerms } from "./polynomial.js";

/** A complete estimation sample (logs), rows grouped by firm and sorted by time within firm. */
export interface LpSample {
  readonly va: Float64Array;
  readonly l: Float64Array;
  readonly k: Float64Array;
  readonly m: Float64Array;
  /** Position (in this sample) of the same firm's row for t − 1, or −1. */
  readonly prev: Int32Array;
}

/** The second-stage criterion. */
export type LpObjective = "levpet" | "moment";

/** Settings of {@link lpFit}. */
export interface LpFitSettings {
  readonly objective: LpObjective;
  readonly bracket: readonly [number, number];
  readonly gridPoints: number;
}

/** Point estimates from one sample. */
export interface LpFit {
  readonly labor: number;
  readonly capital: number;
  /** The second-stage criterion at β_k. */
  readonly objectiveValue: number;
  /** Rows with a previous period (the second-stage sample). */
  readonly nSecondStage: number;
}

/**
 * Estimate β_l and β_k on one sample.
 *
 * First stage: va = c + β_l·l + Σ_{1 ≤ a+b ≤ 3} γ_ab k^a m^b + η by OLS; φ̂ = fitted − β_l·l.
 * Second stage, for a candidate β_k: ω̂_t = φ̂_t − β_k k_t; regress ω̂_t on (1, ω̂_{t−1}, ω̂²_{t−1},
 * ω̂³_{t−1}) over the rows with a previous period, giving ĝ; the residual is
 * e_t = va_t − β_l l_t − β_k k_t − ĝ_t. `"levpet"` minimises Σ e_t² (levpet's line search,
 * `lp_srch`/`lp_bs_ss`); `"moment"` minimises (mean of e_t·k_t)², the LP moment E[(ξ_t + η_t)·k_t] = 0.
 * @example const fit = lpFit(sample, { objective: "levpet", bracket: [-1, 2], gridPoints: 61 });
 */
export function lpFit(s: LpSample, settings: LpFitSettings): LpFit {
  const n = s.va.length;
  const ones = new Float64Array(n).fill(1);
  // Labour goes last so that, if it is collinear with the polynomial, it is the column dropped.
  const poly = polynomialTerms([s.k, s.m], 3);
  const first = leastSquares([ones, ...poly, s.l], s.va);
  const bl = first.coef[poly.length + 1];
  if (Number.isNaN(bl)) {
    throw new Error(
      "levinsohnPetrin: labour is collinear with the polynomial in capital and the proxy in the first stage, " +
        "so its coefficient is not identified; labour needs variation not explained by (capital, proxy)",
    );
  }
  // Second-stage sample: rows with a previous period.
  let S = 0;
  for (let i = 0; i < n; i++) if (s.prev[i] >= 0) S++;
  if (S < 8) {
    throw new Error(
      `levinsohnPetrin: only ${S} rows have the same firm's previous period; the second stage needs consecutive years`,
    );
  }
  const phiT = new Float64Array(S);
  const phiL = new Float64Array(S);
  const kT = new Float64Array(S);
  const kL = new Float64Array(S);
  const rT = new Float64Array(S);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const p = s.prev[i];
    if (p < 0) continue;
    // φ̂ = fitted − β_l·l = va − η̂ − β_l·l; rssterm = va − β_l·l.
    phiT[j] = s.va[i] - first.resid[i] - bl * s.l[i];
    phiL[j] = s.va[p] - first.resid[p] - bl * s.l[p];
    kT[j] = s.k[i];
    kL[j] = s.k[p];
    rT[j] = s.va[i] - bl * s.l[i];
    j++;
  }
  const one = new Float64Array(S).fill(1);
  const w = new Float64Array(S);
  const w1 = new Float64Array(S);
  const w2 = new Float64Array(S);
  const w3 = new Float64Array(S);
  const criterion = (bk: number): number => {
    for (let i = 0; i < S; i++) {
      w[i] = phiT[i] - bk * kT[i];
      const x = phiL[i] - bk * kL[i];
      w1[i] = x;
      w2[i] = x * x;
      w3[i] = x * x * x;
    }
    const g = leastSquares([one, w1, w2, w3], w);
    let ss = 0;
    let mk = 0;
    for (let i = 0; i < S; i++) {
      const ghat = w[i] - g.resid[i];
      const e = rT[i] - bk * kT[i] - ghat;
      ss += e * e;
      mk += e * kT[i];
    }
    if (settings.objective === "levpet") return ss;
    const mean = mk / S;
    return mean * mean;
  };
  const best = minimizeScalar(criterion, settings.bracket[0], settings.bracket[1], {
    gridPoints: settings.gridPoints,
  });
  return { labor: bl, capital: best.x, objectiveValue: best.fx, nSecondStage: S };
}
