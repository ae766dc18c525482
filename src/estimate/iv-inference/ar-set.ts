/**
 * The Anderson–Rubin confidence set for the coefficient of one endogenous regressor: every β₀ that
 * the AR test does not reject (Anderson & Rubin 1949; robust to weak instruments). AR(β₀) is the
 * Wald test that the excluded instruments have zero coefficients in the regression of y − β₀x on the
 * instruments and the included exogenous regressors (FE absorbed), under the model's VCOV (iid,
 * robust, one- or multi-way clusters), with K = instruments + included regressors + FE dof and the
 * convention's small-sample factor; F(L, N − K) or, clustered, F(L, G − 1) (χ²(L) under `--no-small`).
 *
 * Everything is a quadratic in β₀: the reduced-form coefficients γ_y − β₀γ_x, and the meat
 * S_yy − β₀(S_yx + S_xy) + β₀²S_xx (cluster sums or, iid, the residual variance), so each β₀ costs
 * O(L³). The set is found on a grid of β̂_2SLS ± SE·0.05·1.2^m (m up to 110, i.e. about 10⁷ SEs),
 * each change between accepted and rejected located by bisection to 1e-10 SE; beyond the grid the
 * set is unbounded exactly when the β₀ → ±∞ limit (the first-stage Wald test) does not reject.
 * Pieces narrower than the grid spacing could be missed; the set may be an interval, two rays, the
 * whole line, or empty (over-identified models).
 */
import { type Formula, parseFormula } from "../../formula/formula.js";
import type { Frame } from "../../frame/frame.js";
import { invSym } from "../../linalg/cholesky.js";
import { leastSquares } from "../../linalg/least-squares.js";
import { inverseRtR } from "../../linalg/qr.js";
import { absorbColumns } from "../absorb-columns.js";
import { fixedEffectDof, totalFeDof } from "../fe-dof.js";
import { multiwayClusterCodes } from "./cluster-terms.js";
import { type EstimateOptions, parseVcov } from "../options.js";
import { pChi2, pF } from "../pvalues.js";
import { VCOV_KINDS, vcovKind } from "../vcov/registry.js";

/** One piece of the set; null ends are unbounded. */
export type ArPiece = readonly [number | null, number | null];

export interface ArConfidenceSet {
  readonly endogenous: string;
  readonly level: number;
  /** Disjoint pieces in increasing order; empty when every β₀ is rejected. */
  readonly set: readonly ArPiece[];
  readonly bounded: boolean;
  /** The AR test of β₀ = 0 (F, or χ² under large-sample conventions) and its p-value. */
  readonly stat_at_zero: number;
  readonly p_at_zero: number;
  readonly df: readonly [number, number | null];
}

interface Quadratic {
  readonly L: number;
  readonly gy: Float64Array;
  readonly gx: Float64Array;
  readonly A: Float64Array;
  /** Meat pieces (row-major L×L): S(β) = Syy − β(Syx + Syx') + β²Sxx. */
  readonly Syy: Float64Array;
  readonly Syx: Float64Array;
  readonly Sxx: Float64Array;
  /** iid only: residual quadratic for σ²(β) = (qyy − 2β qxy + β² qxx) / dof. */
  readonly iid: { readonly qyy: number; readonly qxy: number; readonly qxx: number } | null;
  readonly c: number;
  readonly small: boolean;
  readonly dfR: number;
}

/**
 * The AR confidence set of the (single) endogenous regressor of an IV formula.
 * @example const ar = arConfidenceSet(frame, "y ~ w | firm | x ~ z", { vcov: "cluster:state" });
 */
export function arConfidenceSet(
  frame: Frame,
  formula: string | Formula,
  opts: EstimateOptions,
  level = 0.95,
): ArConfidenceSet {
  const f = typeof formula === "string" ? parseFormula(formula) : formula;
  if (f.endog.length !== 1)
    throw new Error(
      `the Anderson–Rubin confidence set is for one endogenous regressor; the formula has ${f.endog.length}`,
    );
  const spec = parseVcov(opts.vcov, opts);
  // The set is solved in closed form for the VCOVs without a time dimension (from the registry).
  if (vcovKind(spec.type).needs.time)
    throw new Error(
      `the Anderson–Rubin confidence set supports --vcov ${VCOV_KINDS.filter((k) => !k.needs.time)
        .map((k) => k.type)
        .join(", ")}, not ${spec.type}`,
    );
  const a = absorbColumns(frame, f, spec, opts);
  const w = a.md.weights;
  const lsOpts = { weights: w ?? undefined };
  const part = (v: Float64Array) => (a.exog.length ? leastSquares(a.exog, v, lsOpts).resid : v);
  const kW = a.exog.length ? leastSquares(a.exog, a.y, lsOpts).rank : 0;
  const y = part(a.y);
  const x = part(a.endog[0]);
  const z = a.inst.map(part);
  const fy = leastSquares(z, y, lsOpts);
  const fx = leastSquares(z, x, lsOpts);
  const keptZ = fy.factor.kept;
  const L = keptZ.length;
  const zk = keptZ.map((j) => z[j]);
  const gy = Float64Array.from(keptZ, (j) => fy.coef[j]);
  const gx = Float64Array.from(keptZ, (j) => fx.coef[j]);
  const A = inverseRtR(fy.factor);
  const ssc = opts.ssc ?? "stata";
  const small = ssc === "fixest" || (opts.small ?? true);
  const clusters = a.md.clusters;
  const fe = totalFeDof(fixedEffectDof(a.md.factors, clusters, ssc !== "fixest"));
  const N = a.md.nobs;
  const K = L + kW + (spec.type === "cluster" ? fe.withoutNested : fe.all);
  const ey = fy.resid;
  const ex = fx.resid;
  const fw = a.md.weightType === "fweight";
  const S = { Syy: new Float64Array(L * L), Syx: new Float64Array(L * L), Sxx: new Float64Array(L * L) };
  let iid: Quadratic["iid"] = null;
  let c = 1;
  let dfR = N - K;
  if (spec.type === "iid") {
    let qyy = 0;
    let qxy = 0;
    let qxx = 0;
    for (let i = 0; i < ey.length; i++) {
      const wi = w ? w[i] : 1;
      qyy += wi * ey[i] * ey[i];
      qxy += wi * ey[i] * ex[i];
      qxx += wi * ex[i] * ex[i];
    }
    const dof = small ? N - K : N;
    iid = { qyy: qyy / dof, qxy: qxy / dof, qxx: qxx / dof };
  } else if (spec.type === "hetero") {
    addOuter(S, zk, ey, ex, w, fw, null, 0, 1);
    c = small ? N / (N - K) : 1;
  } else {
    const terms = multiwayClusterCodes(clusters);
    for (const t of terms) addOuter(S, zk, ey, ex, w, false, t.codes, t.groups, t.sign);
    const G = Math.min(...clusters.map((d) => d.groups));
    c = small ? ((N - 1) / (N - K)) * (G / (G - 1)) : 1;
    dfR = G - 1;
  }
  const q: Quadratic = { L, gy, gx, A, ...S, iid, c, small, dfR };
  const alpha = 1 - level;
  const accept = (b: number) => arTest(q, b).p >= alpha;
  // Scale: the 2SLS estimate and a rough SE from the iid formula.
  const Ainv = invSym(A, L);
  const pxx = quad(gx, Ainv, gx, L);
  const beta = quad(gx, Ainv, gy, L) / pxx;
  let rss = 0;
  let sw = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    rss += wi * (y[i] - beta * x[i]) ** 2;
    sw += wi;
  }
  const se = Math.sqrt(rss / sw / pxx) || Math.abs(beta) || 1;
  const grid = [beta];
  for (let m = 0; m <= 110; m++) {
    const d = se * 0.05 * 1.2 ** m;
    grid.push(beta + d, beta - d);
  }
  grid.sort((u, v) => u - v);
  const inside = grid.map(accept);
  const infAccept = arLimit(q) >= alpha;
  const edges: number[] = [];
  for (let i = 1; i < grid.length; i++) {
    if (inside[i] === inside[i - 1]) continue;
    let lo = grid[i - 1];
    let hi = grid[i];
    const loIn = inside[i - 1];
    for (let it = 0; it < 200 && hi - lo > 1e-10 * se; it++) {
      const mid = (lo + hi) / 2;
      if (accept(mid) === loIn) lo = mid;
      else hi = mid;
    }
    edges.push((lo + hi) / 2);
  }
  const set: ArPiece[] = [];
  // The grid reaches ~10⁷ SEs, where the statistic has reached its limit: outside it, accepted iff the limit is.
  let open: number | null | undefined = inside[0] ? (infAccept ? null : grid[0]) : undefined;
  for (const e of edges) {
    if (open === undefined) open = e;
    else {
      set.push([open, e]);
      open = undefined;
    }
  }
  if (open !== undefined)
    set.push([open, infAccept && inside[grid.length - 1] ? null : grid[grid.length - 1]]);
  const t0 = arTest(q, 0);
  return {
    endogenous: a.md.endog.names[0],
    level,
    set,
    bounded: !infAccept,
    stat_at_zero: t0.stat,
    p_at_zero: t0.p,
    df: [L, small ? dfR : null],
  };
}

/** The AR statistic (F under small-sample conventions, else χ²) and p-value at β₀ = b. */
function arTest(q: Quadratic, b: number): { stat: number; p: number } {
  const { L } = q;
  const g = new Float64Array(L);
  for (let j = 0; j < L; j++) g[j] = q.gy[j] - b * q.gx[j];
  const V = covariance(q, b, 1);
  const wald = quad(g, invSym(V, L), g, L);
  return q.small ? { stat: wald / L, p: pF(wald / L, L, q.dfR) } : { stat: wald, p: pChi2(wald, L) };
}

/** p-value of the β₀ → ±∞ limit: the Wald test of γ_x = 0 with the Sxx meat. */
function arLimit(q: Quadratic): number {
  const V = covariance(q, 0, 0);
  const wald = quad(q.gx, invSym(V, q.L), q.gx, q.L);
  return q.small ? pF(wald / q.L, q.L, q.dfR) : pChi2(wald, q.L);
}

/**
 * c·A·S(b)·A (or σ²(b)·A for iid); with `lead` = 0 only the b² coefficient (the limit as b → ∞,
 * divided by b²).
 */
function covariance(q: Quadratic, b: number, lead: 0 | 1): Float64Array {
  const { L, A } = q;
  if (q.iid) {
    const s2 = lead ? q.iid.qyy - 2 * b * q.iid.qxy + b * b * q.iid.qxx : q.iid.qxx;
    return A.map((v) => v * s2);
  }
  const M = new Float64Array(L * L);
  for (let i = 0; i < L; i++)
    for (let j = 0; j < L; j++) {
      const k = i * L + j;
      M[k] = lead ? q.Syy[k] - b * (q.Syx[k] + q.Syx[j * L + i]) + b * b * q.Sxx[k] : q.Sxx[k];
    }
  const out = new Float64Array(L * L);
  for (let i = 0; i < L; i++)
    for (let j = 0; j < L; j++) {
      let s = 0;
      for (let k = 0; k < L; k++) for (let l = 0; l < L; l++) s += A[i * L + k] * M[k * L + l] * A[l * L + j];
      out[i * L + j] = q.c * s;
    }
  return out;
}

function quad(u: Float64Array, M: Float64Array, v: Float64Array, L: number): number {
  let s = 0;
  for (let i = 0; i < L; i++) for (let j = 0; j < L; j++) s += u[i] * M[i * L + j] * v[j];
  return s;
}

/** Add sign·Σ_g s_y s_y', s_y s_x', s_x s_x' (s = Σ_{i∈g} w e z; hetero: each row its own group). */
function addOuter(
  S: { Syy: Float64Array; Syx: Float64Array; Sxx: Float64Array },
  z: readonly Float64Array[],
  ey: Float64Array,
  ex: Float64Array,
  w: Float64Array | null,
  fweights: boolean,
  codes: Int32Array | null,
  groups: number,
  sign: number,
): void {
  const L = z.length;
  const n = ey.length;
  const G = codes ? groups : n;
  const sy = new Float64Array(G * L);
  const sx = new Float64Array(G * L);
  for (let i = 0; i < n; i++) {
    const wi = w ? (fweights ? Math.sqrt(w[i]) : w[i]) : 1;
    const g = codes ? codes[i] : i;
    for (let j = 0; j < L; j++) {
      sy[g * L + j] += wi * ey[i] * z[j][i];
      sx[g * L + j] += wi * ex[i] * z[j][i];
    }
  }
  for (let g = 0; g < G; g++)
    for (let i = 0; i < L; i++)
      for (let j = 0; j < L; j++) {
        const a = sy[g * L + i];
        const b = sx[g * L + i];
        S.Syy[i * L + j] += sign * a * sy[g * L + j];
        S.Syx[i * L + j] += sign * a * sx[g * L + j];
        S.Sxx[i * L + j] += sign * b * sx[g * L + j];
      }
}
