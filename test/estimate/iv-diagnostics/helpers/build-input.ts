/**
 * Turns an ivreg2 fixture case (test/fixtures/ivreg2/cases.json) into the partialled input of
 * ivDiagnostics exactly as the engine's pipeline would: listwise deletion over the model's variables
 * (and zero weights),
 * then the exogenous regressors and the constant partialled out of y, the endogenous regressors and
 * the excluded instruments by (weighted) least squares.
 */
import { leastSquares } from "../../../../src/linalg/least-squares.js";
import type { IVDiagnosticsInput } from "../../../../src/estimate/iv-diagnostics/index.js";
import type { ClusterDim } from "../../../../src/estimate/vcov/meat.js";
import type { WeightType } from "../../../../src/estimate/options.js";

export interface CaseModel {
  readonly data: string;
  readonly depvar: string;
  readonly exog: readonly string[];
  readonly endog: readonly string[];
  readonly instruments: readonly string[];
  readonly cluster: readonly string[] | null;
  readonly weights: { readonly type: WeightType; readonly var: string } | null;
  readonly constant: boolean;
  readonly dofminus: number;
  readonly sdofminus: number;
  readonly vce: "iid" | "robust" | "cluster";
  readonly small: boolean;
}

/**
 * The partialled diagnostics input of one case (with the included exogenous regressors attached).
 * @example const input = buildInput(model, readNumericCsv(path));
 */
export function buildInput(
  m: CaseModel,
  data: Record<string, Float64Array>,
  opts: { included?: boolean } = {},
): IVDiagnosticsInput {
  const col = (name: string): Float64Array => {
    const c = data[name];
    if (!c) throw new Error(`fixture ${m.data} has no column "${name}"`);
    return c;
  };
  const used = [
    m.depvar,
    ...m.exog,
    ...m.endog,
    ...m.instruments,
    ...(m.cluster ?? []),
    ...(m.weights ? [m.weights.var] : []),
  ];
  const nAll = col(m.depvar).length;
  const rows: number[] = [];
  // Stata's marksample: listwise deletion of missing values, and of zero weights.
  const w0 = m.weights ? col(m.weights.var) : null;
  for (let i = 0; i < nAll; i++)
    if (used.every((v) => !Number.isNaN(col(v)[i])) && (!w0 || w0[i] > 0)) rows.push(i);
  const take = (c: Float64Array) => Float64Array.from(rows, (i) => c[i]);
  const n = rows.length;
  const weights = m.weights ? take(col(m.weights.var)) : null;
  const x2 = [...m.exog.map((v) => take(col(v))), ...(m.constant ? [new Float64Array(n).fill(1)] : [])];
  const partial = (v: Float64Array) =>
    x2.length ? leastSquares(x2, v, { weights: weights ?? undefined }).resid : v;
  const clusters: ClusterDim[] = (m.cluster ?? []).map((name) => codesOf(name, take(col(name))));
  const weightType = m.weights?.type;
  const N = weights && weightType === "fweight" ? weights.reduce((a, b) => a + b, 0) : n;
  const k2 = x2.length;
  return {
    y: partial(take(col(m.depvar))),
    endog: m.endog.map((v) => partial(take(col(v)))),
    endogNames: m.endog,
    excluded: m.instruments.map((v) => partial(take(col(v)))),
    excludedNames: m.instruments,
    weights,
    weightType,
    vce: m.vce,
    clusters,
    N,
    K: m.endog.length + k2,
    L: m.instruments.length + k2,
    small: m.small,
    dofminus: m.dofminus,
    sdofminus: m.sdofminus,
    included: opts.included === false ? null : x2,
  };
}

/**
 * Group codes 0..G−1 in order of first appearance.
 * @example codesOf("state", new Float64Array([3, 1, 3])); // codes [0, 1, 0], groups 2
 */
export function codesOf(name: string, values: Float64Array): ClusterDim {
  const map = new Map<number, number>();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let g = map.get(values[i]);
    if (g === undefined) {
      g = map.size;
      map.set(values[i], g);
    }
    codes[i] = g;
  }
  return { name, codes, groups: map.size };
}
