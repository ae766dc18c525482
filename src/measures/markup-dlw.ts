/**
 * De Loecker & Warzynski (2012) markups: μ = θ^X / α^X, the output elasticity of a variable input X
 * over its expenditure share in output, with output purged of the first-stage error.
 */
import { leastSquares } from "../linalg/least-squares.js";
import { polynomialTermCount, polynomialTerms } from "./polynomial.js";
import { describeValue, numberArg, numericArg, optionsArg, sameLength } from "./validate.js";

/** Inputs of {@link markupDLW}, one row per firm-year. */
export interface MarkupDLWInput {
  /** ln output y (deflated revenue or gross output value), natural log. */
  readonly output: Float64Array;
  /** ln inputs entering the first-stage polynomial, e.g. [l, k, m] (natural logs). */
  readonly inputs: readonly Float64Array[];
  /** Output elasticity θ of the variable input: one number (Cobb–Douglas) or one per row (translog). */
  readonly elasticity: number | Float64Array;
  /** Expenditure on the variable input in levels, in the same currency units as exp(output). */
  readonly expenditure: Float64Array;
  /** Extra regressors entering the first stage linearly (e.g. year dummies); optional. */
  readonly controls?: readonly Float64Array[];
}

/** Options of {@link markupDLW}. */
export interface MarkupDLWOptions {
  /** Total degree of the first-stage polynomial in the inputs (default 3). */
  readonly degree?: number;
  /** Use the first-stage correction (default true); false uses the raw share X / exp(y). */
  readonly correction?: boolean;
}

/** Result of {@link markupDLW}. */
export interface MarkupDLWResult {
  /** μ = θ / α per row; NaN where any input is missing or the expenditure is ≤ 0. */
  readonly markup: Float64Array;
  /** The expenditure share α used (corrected unless `correction: false`). */
  readonly share: Float64Array;
  /** First-stage residual ε̂ = y − φ̂ (NaN outside the first-stage sample). */
  readonly epsilon: Float64Array;
  /** Rows in the first-stage sample. */
  readonly nobs: number;
}

/**
 * Markups à la De Loecker–Warzynski: first stage y = φ(inputs) + ε by OLS of y on a constant, the
 * full polynomial of total degree `degree` (default 3) in the inputs and the controls; the corrected
 * expenditure share is α = X / (exp(y) / exp(ε̂)) = X / exp(φ̂) and the markup θ / α. Rows where
 * output, an input, a control, the elasticity or the expenditure is missing (NaN/±∞) get NaN, as
 * do rows with expenditure 0; negative expenditure is an error. The elasticity comes from an
 * estimated production function (e.g. β_m of a Cobb–Douglas, or a translog's row-wise elasticity).
 * @example markupDLW({ output: y, inputs: [l, k, m], elasticity: 0.55, expenditure: materialsCost }).markup;
 */
export function markupDLW(input: MarkupDLWInput, opts?: MarkupDLWOptions): MarkupDLWResult {
  const fn = "markupDLW";
  if (typeof input !== "object" || input === null)
    throw new Error(`${fn}: pass { output, inputs, elasticity, expenditure }`);
  const y = numericArg(fn, "output", input.output);
  const X = numericArg(fn, "expenditure", input.expenditure);
  if (!Array.isArray(input.inputs) || input.inputs.length === 0) {
    throw new Error(
      `${fn}: argument "inputs" must be a non-empty array of Float64Array (ln inputs), got ${describeValue(input.inputs)}`,
    );
  }
  const inputs = input.inputs.map((c, j) => numericArg(fn, `inputs[${j}]`, c));
  const controls = (input.controls ?? []).map((c, j) => numericArg(fn, `controls[${j}]`, c));
  const theta = input.elasticity;
  if (typeof theta === "number") numberArg(fn, "elasticity", theta);
  else numericArg(fn, "elasticity", theta);
  const o = optionsArg(fn, opts);
  const degree =
    o.degree === undefined ? 3 : numberArg(fn, "degree", o.degree, { min: 1, max: 5, integer: true });
  const correction = o.correction ?? true;
  const n = sameLength(fn, [
    ["output", y.length],
    ["expenditure", X.length],
    ...inputs.map((c, j) => [`inputs[${j}]`, c.length] as const),
    ...controls.map((c, j) => [`controls[${j}]`, c.length] as const),
    ...(typeof theta === "number" ? [] : [["elasticity", theta.length] as const]),
  ]);
  for (let i = 0; i < n; i++) {
    if (X[i] < 0) throw new Error(`${fn}: expenditure is negative (${X[i]}) at index ${i}; it must be ≥ 0`);
  }
  // First-stage sample.
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    let ok = Number.isFinite(y[i]);
    for (const c of inputs) ok &&= Number.isFinite(c[i]);
    for (const c of controls) ok &&= Number.isFinite(c[i]);
    if (ok) rows.push(i);
  }
  const pick = (c: Float64Array) => Float64Array.from(rows, (i) => c[i]);
  const epsilon = new Float64Array(n).fill(Number.NaN);
  if (correction) {
    const nTerms = polynomialTermCount(inputs.length, degree) + controls.length + 1;
    if (rows.length <= nTerms) {
      throw new Error(
        `${fn}: the first stage has ${rows.length} complete rows for ${nTerms} regressors; it needs more rows`,
      );
    }
    const ones = new Float64Array(rows.length).fill(1);
    const fit = leastSquares(
      [ones, ...polynomialTerms(inputs.map(pick), degree), ...controls.map(pick)],
      pick(y),
    );
    rows.forEach((i, r) => {
      epsilon[i] = fit.resid[r];
    });
  }
  const markup = new Float64Array(n);
  const share = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const th = typeof theta === "number" ? theta : theta[i];
    const lnQ = correction ? y[i] - epsilon[i] : y[i];
    const a = X[i] > 0 ? X[i] / Math.exp(lnQ) : Number.NaN;
    share[i] = Number.isFinite(a) ? a : Number.NaN;
    const mu = th / share[i];
    markup[i] = Number.isFinite(mu) ? mu : Number.NaN;
  }
  return Object.freeze({ markup, share, epsilon, nobs: rows.length });
}
