/**
 * Levinsohn–Petrin (2003) TFP for a value-added production function, following the conventions of
 * Stata's `levpet` (Petrin, Poi & Levinsohn 2004, value-added model):
 *
 * - sample: rows where va, labour, capital, proxy, id and time are all non-missing (NaN or ±∞,
 *   e.g. ln 0, count as missing — Stata's ln(0) is missing); (id, time) must be unique; time is an
 *   integer period and lags are exact (a gap means no previous period, as `L.` after `tsset`);
 * - first stage: OLS of va on labour and the full third-order polynomial in (capital, proxy) with a
 *   constant; β_l is labour's coefficient;
 * - second stage: β_k minimises the sum of squared residuals va − β_l l − β_k k − ĝ(ω̂_{t−1})
 *   (see `lpFit`); levpet searches from 0.5 with `_linemax`, here a grid over `bracket` (widened if
 *   the minimum is on its edge) then Brent's method locate the global minimum in the bracket;
 * - standard errors: bootstrap resampling whole firms with replacement (levpet's
 *   `bsample, cluster(id) idcluster()`, each drawn firm a new panel), `reps` replications, the
 *   point estimate from the original sample and the covariance of the replicates (denominator
 *   reps − 1), as levpet posts `e(V)`;
 * - TFP: ln ω = va − β_l·l − β_k·k at every row where va, l and k are present (levpet's
 *   `predict, omega` returns exp of this).
 */
import { type KeyColumn, keyValue } from "./keys.js";
import { type LpFit, type LpObjective, type LpSample, lpFit } from "./lp-fit.js";
import { lagRows, panelIndex } from "./panel.js";
import { createRng } from "./rng.js";
import { keyArg, keyLen, numberArg, numericArg, optionsArg, sameLength } from "./validate.js";

/** Inputs of {@link levinsohnPetrin}: natural logs, one row per firm-year. */
export interface LevinsohnPetrinInput {
  /** ln value added (deflated). */
  readonly va: Float64Array;
  /** ln labour (employment), the free input. */
  readonly labor: Float64Array;
  /** ln capital (e.g. deflated net fixed assets), the state variable. */
  readonly capital: Float64Array;
  /** ln intermediate inputs (deflated), the proxy. */
  readonly proxy: Float64Array;
  /** Firm id. */
  readonly id: KeyColumn;
  /** Year (integer-valued, numeric). */
  readonly time: KeyColumn;
}

/** Options of {@link levinsohnPetrin}. */
export interface LevinsohnPetrinOptions {
  /** Bootstrap replications (levpet's default 50); 0 skips the bootstrap. */
  readonly reps?: number;
  /** Seed of the bootstrap's random stream (default 1). */
  readonly seed?: number;
  /** Second-stage criterion: `"levpet"` (default, sum of squares) or `"moment"` (E[(ξ+η)·k_t] = 0). */
  readonly objective?: LpObjective;
  /** Initial search bracket for β_k (default [−1, 2]). */
  readonly bracket?: readonly [number, number];
  /** Grid points over the bracket (default 61). */
  readonly gridPoints?: number;
}

/** Result of {@link levinsohnPetrin}. */
export interface LevinsohnPetrinResult {
  /** β_l, the labour elasticity. */
  readonly labor: number;
  /** β_k, the capital elasticity. */
  readonly capital: number;
  /** Bootstrap standard errors, null when `reps` is 0. */
  readonly se: { readonly labor: number; readonly capital: number } | null;
  /** Bootstrap covariance [[v_ll, v_lk], [v_lk, v_kk]], null when `reps` is 0. */
  readonly vcov: readonly (readonly number[])[] | null;
  /** Successful bootstrap replications (replications that fail to estimate are counted in `failedReps`). */
  readonly reps: number;
  readonly failedReps: number;
  readonly seed: number;
  readonly objective: LpObjective;
  /** Second-stage criterion at the estimate. */
  readonly objectiveValue: number;
  /** Rows in the estimation sample. */
  readonly nobs: number;
  /** Firms in the estimation sample. */
  readonly nfirms: number;
  /** Rows with a previous period (second stage). */
  readonly nSecondStage: number;
  /** ln TFP (va − β_l·l − β_k·k) per input row; NaN where va, l or k is missing. */
  readonly tfp: Float64Array;
}

/**
 * Estimate a value-added Cobb–Douglas production function by Levinsohn–Petrin and return the
 * elasticities, bootstrap standard errors and ln TFP per row (see the module notes for levpet's
 * conventions followed).
 * @example const lp = levinsohnPetrin({ va, labor, capital, proxy, id, time: year }, { reps: 50, seed: 7 });
 */
export function levinsohnPetrin(
  input: LevinsohnPetrinInput,
  opts?: LevinsohnPetrinOptions,
): LevinsohnPetrinResult {
  const fn = "levinsohnPetrin";
  if (typeof input !== "object" || input === null)
    throw new Error(`${fn}: pass { va, labor, capital, proxy, id, time }`);
  const va = numericArg(fn, "va", input.va);
  const l = numericArg(fn, "labor", input.labor);
  const k = numericArg(fn, "capital", input.capital);
  const m = numericArg(fn, "proxy", input.proxy);
  const id = keyArg(fn, "id", input.id);
  const time = keyArg(fn, "time", input.time);
  const n = sameLength(fn, [
    ["va", va.length],
    ["labor", l.length],
    ["capital", k.length],
    ["proxy", m.length],
    keyLen("id", id),
    keyLen("time", time),
  ]);
  const o = optionsArg(fn, opts);
  const reps = o.reps === undefined ? 50 : numberArg(fn, "reps", o.reps, { min: 0, integer: true });
  if (reps === 1) throw new Error(`${fn}: reps must be 0 (no bootstrap) or at least 2`);
  const seed = o.seed === undefined ? 1 : numberArg(fn, "seed", o.seed, { integer: true });
  const objective = o.objective ?? "levpet";
  if (objective !== "levpet" && objective !== "moment") {
    throw new Error(
      `${fn}: option "objective" must be "levpet" or "moment", got ${JSON.stringify(objective)}`,
    );
  }
  const bracket = o.bracket ?? ([-1, 2] as const);
  if (!Array.isArray(bracket) || bracket.length !== 2 || !(bracket[0] < bracket[1])) {
    throw new Error(`${fn}: option "bracket" must be [lo, hi] with lo < hi, got ${JSON.stringify(bracket)}`);
  }
  const gridPoints =
    o.gridPoints === undefined ? 61 : numberArg(fn, "gridPoints", o.gridPoints, { min: 3, integer: true });
  const settings = { objective, bracket, gridPoints } as const;

  const { sample, blocks } = buildSample(fn, va, l, k, m, id, time, n);
  if (blocks.length < 2)
    throw new Error(`${fn}: the estimation sample has ${blocks.length} firm(s); LP needs a panel of firms`);
  const fit = lpFit(sample, settings);

  let se: LevinsohnPetrinResult["se"] = null;
  let vcov: LevinsohnPetrinResult["vcov"] = null;
  let done = 0;
  let failed = 0;
  if (reps > 0) {
    const rng = createRng(seed);
    const draws: LpFit[] = [];
    for (let r = 0; r < reps; r++) {
      const resampled = resampleFirms(sample, blocks, rng.int.bind(rng));
      try {
        draws.push(lpFit(resampled, settings));
      } catch {
        failed++;
      }
    }
    done = draws.length;
    if (done < 2) throw new Error(`${fn}: only ${done} of ${reps} bootstrap replications could be estimated`);
    const ml = draws.reduce((a, d) => a + d.labor, 0) / done;
    const mk = draws.reduce((a, d) => a + d.capital, 0) / done;
    let vll = 0;
    let vkk = 0;
    let vlk = 0;
    for (const d of draws) {
      vll += (d.labor - ml) ** 2;
      vkk += (d.capital - mk) ** 2;
      vlk += (d.labor - ml) * (d.capital - mk);
    }
    vll /= done - 1;
    vkk /= done - 1;
    vlk /= done - 1;
    se = Object.freeze({ labor: Math.sqrt(vll), capital: Math.sqrt(vkk) });
    vcov = Object.freeze([Object.freeze([vll, vlk]), Object.freeze([vlk, vkk])]);
  }
  const tfp = new Float64Array(n);
  for (let i = 0; i < n; i++) tfp[i] = va[i] - fit.labor * l[i] - fit.capital * k[i];
  for (let i = 0; i < n; i++) if (!Number.isFinite(tfp[i])) tfp[i] = Number.NaN;
  return Object.freeze({
    labor: fit.labor,
    capital: fit.capital,
    se,
    vcov,
    reps: done,
    failedReps: failed,
    seed,
    objective,
    objectiveValue: fit.objectiveValue,
    nobs: sample.va.length,
    nfirms: blocks.length,
    nSecondStage: fit.nSecondStage,
    tfp,
  });
}

/** The complete rows sorted by (firm, time), with previous-period links and firm blocks [start, end). */
function buildSample(
  fn: string,
  va: Float64Array,
  l: Float64Array,
  k: Float64Array,
  m: Float64Array,
  id: KeyColumn,
  time: KeyColumn,
  n: number,
): { sample: LpSample; blocks: [number, number][] } {
  if (!(time instanceof Float64Array) && !(time instanceof Int32Array)) {
    throw new Error(`${fn}: argument "time" must be numeric (years), got a categorical column`);
  }
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const tv = time instanceof Int32Array ? (time[i] === -1 ? Number.NaN : time[i]) : time[i];
    const ok =
      Number.isFinite(va[i]) &&
      Number.isFinite(l[i]) &&
      Number.isFinite(k[i]) &&
      Number.isFinite(m[i]) &&
      keyValue(id, i) !== undefined;
    t[i] = ok ? tv : Number.NaN;
  }
  const panel = panelIndex(fn, id, t);
  const prevRow = lagRows(panel, 1);
  const order = panel.order;
  const S = order.length;
  if (S === 0) throw new Error(`${fn}: no row has va, labor, capital, proxy, id and time all non-missing`);
  const pos = new Int32Array(n).fill(-1);
  for (let s = 0; s < S; s++) pos[order[s]] = s;
  const sample = {
    va: new Float64Array(S),
    l: new Float64Array(S),
    k: new Float64Array(S),
    m: new Float64Array(S),
    prev: new Int32Array(S),
  };
  const blocks: [number, number][] = [];
  for (let s = 0; s < S; s++) {
    const i = order[s];
    sample.va[s] = va[i];
    sample.l[s] = l[i];
    sample.k[s] = k[i];
    sample.m[s] = m[i];
    sample.prev[s] = prevRow[i] < 0 ? -1 : pos[prevRow[i]];
    if (s === 0 || panel.unit[i] !== panel.unit[order[s - 1]]) blocks.push([s, s + 1]);
    else blocks[blocks.length - 1][1] = s + 1;
  }
  return { sample, blocks };
}

/** A bootstrap sample: as many firms as in the data, drawn with replacement, each a new panel. */
function resampleFirms(
  s: LpSample,
  blocks: readonly [number, number][],
  draw: (n: number) => number,
): LpSample {
  const F = blocks.length;
  const picks = new Int32Array(F);
  let size = 0;
  for (let f = 0; f < F; f++) {
    picks[f] = draw(F);
    size += blocks[picks[f]][1] - blocks[picks[f]][0];
  }
  const out = {
    va: new Float64Array(size),
    l: new Float64Array(size),
    k: new Float64Array(size),
    m: new Float64Array(size),
    prev: new Int32Array(size),
  };
  let at = 0;
  for (let f = 0; f < F; f++) {
    const [a, b] = blocks[picks[f]];
    out.va.set(s.va.subarray(a, b), at);
    out.l.set(s.l.subarray(a, b), at);
    out.k.set(s.k.subarray(a, b), at);
    out.m.set(s.m.subarray(a, b), at);
    for (let r = a; r < b; r++) out.prev[at + r - a] = s.prev[r] < 0 ? -1 : at + (s.prev[r] - a);
    at += b - a;
  }
  return out;
}
