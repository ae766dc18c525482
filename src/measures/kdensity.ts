/**
 * Univariate kernel density estimation with Stata `kdensity`'s defaults.
 */
import { KERNELS, type KernelName, kernel } from "./kernels.js";
import { sortedPctile, sortedWeighted, weightedSortedPctile } from "./percentile.js";
import { numberArg, numericArg, optionsArg, sameLength } from "./validate.js";

/** Options of {@link kdensity}. */
export interface KdensityOptions {
  /** Kernel (default `"epanechnikov"`, Stata's √5-scaled one). */
  readonly kernel?: KernelName;
  /** Half-width h (Stata's `bwidth()`); default the rule of thumb below. */
  readonly bandwidth?: number;
  /** Number of equally spaced evaluation points (Stata's `n()`); default min(N, 50). */
  readonly n?: number;
  /** Evaluate at these points instead of the grid (Stata's `at()`); missing points give NaN. */
  readonly at?: Float64Array;
  /** Observation weights (≥ 0; zero-weight rows are left out). */
  readonly weights?: Float64Array;
  /** How weights are read: `"aweight"` (default) or `"fweight"` (integer frequencies). */
  readonly weightType?: "aweight" | "fweight";
}

/** Result of {@link kdensity}. */
export interface KdensityResult {
  /** Evaluation points. */
  readonly at: Float64Array;
  /** Density estimate at each point. */
  readonly density: Float64Array;
  /** Half-width used. */
  readonly bandwidth: number;
  readonly kernel: KernelName;
  /** N: non-missing observations (rows with positive weight; Σ weights for fweights). */
  readonly nobs: number;
}

/**
 * Kernel density estimate f(a) = Σ w_i K((a − x_i)/h) / (h Σ w_i) over the non-missing x, with
 * Stata `kdensity`'s defaults:
 * - bandwidth h = 0.9 · m · N^(−1/5), m = min(s.d., IQR/1.349), s.d. with denominator N − 1 and
 *   the quartiles by Stata's `_pctile`/`summarize, detail` definition (weighted with weights: for
 *   aweights the weights are normalised to sum to N and N is the number of observations; for
 *   fweights N = Σ w); when m is 0 (IQR 0) the s.d. is used instead, and an all-equal sample
 *   without a given bandwidth is an error;
 * - evaluation grid: `n` = min(N, 50) points equally spaced from min(x) − h to max(x) + h, both ends
 *   included (kdensity's default range), unless `at` is given.
 * @example kdensity(Float64Array.of(1, 2, 3, 4, 5), { bandwidth: 1, at: Float64Array.of(3) }).density; // [Σ K(3 − x_i) / 5]
 */
export function kdensity(x: Float64Array, opts?: KdensityOptions): KdensityResult {
  const fn = "kdensity";
  numericArg(fn, "x", x);
  const o = optionsArg(fn, opts);
  const kname = o.kernel ?? "epanechnikov";
  if (!KERNELS.includes(kname)) {
    throw new Error(`${fn}: unknown kernel ${JSON.stringify(kname)}; use one of ${KERNELS.join(", ")}`);
  }
  const wtype = o.weightType ?? "aweight";
  if (wtype !== "aweight" && wtype !== "fweight") {
    throw new Error(
      `${fn}: option "weightType" must be "aweight" or "fweight", got ${JSON.stringify(wtype)}`,
    );
  }
  let values: Float64Array;
  let w: Float64Array;
  if (o.weights !== undefined) {
    numericArg(fn, "weights", o.weights);
    sameLength(fn, [
      ["x", x.length],
      ["weights", o.weights.length],
    ]);
    ({ values, w } = sortedWeighted(x, o.weights, fn));
    if (wtype === "fweight") {
      w.forEach((v) => {
        if (!Number.isInteger(v))
          throw new Error(`${fn}: fweights must be integers, found ${v}; use weightType "aweight"`);
      });
    }
  } else {
    values = Float64Array.from(x.filter((v) => !Number.isNaN(v))).sort();
    w = new Float64Array(values.length).fill(1);
  }
  const rows = values.length;
  if (rows === 0) throw new Error(`${fn}: x has no non-missing value (with positive weight)`);
  for (let i = 0; i < rows; i++) {
    if (!Number.isFinite(values[i]))
      throw new Error(`${fn}: x contains ${values[i]}; only finite values can be smoothed`);
  }
  let sumW = 0;
  for (let i = 0; i < rows; i++) sumW += w[i];
  const N = wtype === "fweight" && o.weights !== undefined ? sumW : rows;
  const h =
    o.bandwidth === undefined
      ? defaultBandwidth(fn, values, w, sumW, N, o.weights !== undefined)
      : o.bandwidth;
  numberArg(fn, "bandwidth", h, { min: 0, openMin: true });

  let at: Float64Array;
  if (o.at !== undefined) {
    at = numericArg(fn, "at", o.at);
  } else {
    const points = o.n === undefined ? Math.min(N, 50) : numberArg(fn, "n", o.n, { min: 1, integer: true });
    const lo = values[0] - h;
    const hi = values[rows - 1] + h;
    const delta = points > 1 ? (hi - lo) / (points - 1) : 0;
    at = new Float64Array(points);
    for (let j = 0; j < points; j++) at[j] = lo + j * delta;
  }
  const density = new Float64Array(at.length);
  for (let j = 0; j < at.length; j++) {
    const a = at[j];
    if (Number.isNaN(a)) {
      density[j] = Number.NaN;
      continue;
    }
    let s = 0;
    for (let i = 0; i < rows; i++) s += w[i] * kernel(kname, (a - values[i]) / h);
    density[j] = s / (h * sumW);
  }
  return Object.freeze({ at, density, bandwidth: h, kernel: kname, nobs: N });
}

/** 0.9 · min(sd, IQR/1.349) · N^(−1/5), Stata's default half-width. */
function defaultBandwidth(
  fn: string,
  values: Float64Array,
  w: Float64Array,
  sumW: number,
  N: number,
  weighted: boolean,
): number {
  const rows = values.length;
  let mean = 0;
  for (let i = 0; i < rows; i++) mean += w[i] * values[i];
  mean /= sumW;
  let ss = 0;
  for (let i = 0; i < rows; i++) ss += w[i] * (values[i] - mean) ** 2;
  // aweights normalised to sum to N: Σ (w·N/W)(x − x̄)² / (N − 1); fweights / unweighted: Σ w (x − x̄)² / (N − 1).
  const variance = ((N / sumW) * ss) / (N - 1);
  const sd = Math.sqrt(variance);
  const p25 = weighted ? weightedSortedPctile(values, w, 25) : sortedPctile(values, 25);
  const p75 = weighted ? weightedSortedPctile(values, w, 75) : sortedPctile(values, 75);
  let m = Math.min(sd, (p75 - p25) / 1.349);
  if (!(m > 0)) m = sd;
  if (!(m > 0)) {
    throw new Error(
      `${fn}: x has ${N > 1 ? "no spread (all values equal)" : "a single observation"}, so the default ` +
        `bandwidth is 0; pass { bandwidth }`,
    );
  }
  return 0.9 * m * N ** -0.2;
}
