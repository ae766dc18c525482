/**
 * From a frame, a formula and options to the estimation sample: every model column evaluated,
 * listwise deletion of missing values (counted), iterative singleton removal, all columns subset to
 * the kept rows, weights normalised as Stata does.
 */
import type { Frame } from "../frame/frame.js";
import { buildFactor, type Factor, subsetFactor } from "../fe/factor.js";
import { dropSingletons } from "../fe/singletons.js";
import { evaluateExpr, evaluateTerm } from "../formula/evaluate.js";
import type { Formula, Term } from "../formula/formula.js";
import { checkMagnitudes } from "./checks/magnitude.js";
import type { ClusterDim } from "./vcov/meat.js";
import type { EstimateOptions, VcovSpec, WeightType } from "./options.js";

export interface NamedColumns {
  readonly names: string[];
  readonly cols: Float64Array[];
}

export interface ModelData {
  /** Rows in the estimation sample. */
  readonly n: number;
  /** N as Stata counts it (sum of frequency weights, else n). */
  readonly nobs: number;
  readonly y: Float64Array;
  readonly yName: string;
  readonly exog: NamedColumns;
  readonly endog: NamedColumns;
  readonly instruments: NamedColumns;
  readonly factors: Factor[];
  readonly clusters: ClusterDim[];
  /** Weights as used in the normal equations (aweights/pweights normalised to sum to n in Stata mode), or null. */
  readonly weights: Float64Array | null;
  readonly weightType: WeightType | null;
  readonly removed: { readonly missing: number; readonly singletons: number };
  /** Rows deleted (and counted in `removed.missing`) for an infinite value, and the columns that had one. */
  readonly nonFinite: { readonly rows: number; readonly columns: readonly string[] };
  /** Row indices (into the frame) of the estimation sample. */
  readonly rows: Int32Array;
  /** The --time variable's values and the --panel variable's codes on the sample (null when not given). */
  readonly time: { readonly name: string; readonly values: Float64Array } | null;
  readonly panel: { readonly name: string; readonly codes: Int32Array } | null;
}

/**
 * Evaluate and clean the estimation sample.
 * @example const md = buildModelData(frame, parseFormula("y ~ x | g"), parseVcov("iid"), {});
 */
export function buildModelData(frame: Frame, f: Formula, vcov: VcovSpec, opts: EstimateOptions): ModelData {
  const where = frame.source ? ` in ${frame.source}` : "";
  const evalTerms = (terms: readonly Term[]) => ({
    names: terms.map((t) => t.label),
    cols: terms.map((t) => evaluateTerm(frame, t)),
  });
  const y = evaluateExpr(frame, f.lhs);
  const exog = evalTerms(f.terms);
  const endog = evalTerms(f.endog);
  const instruments = evalTerms(f.instruments);
  if (endog.cols.length > instruments.cols.length) {
    throw new Error(
      `fewer excluded instruments (${instruments.names.join(", ")}) than endogenous regressors (${endog.names.join(", ")}): the model is not identified; add instruments`,
    );
  }
  for (const name of endog.names) {
    if (exog.names.includes(name))
      throw new Error(`"${name}" is both an exogenous and an endogenous regressor; list it once`);
  }
  const factors = f.fixedEffects.map((fe) => buildFactor(frame, fe.vars, fe.label));
  const clusterFactors = (vcov.vars ?? []).map((v) => buildFactor(frame, v.split("^"), v));
  const timeCol = opts.time ? evaluateExpr(frame, { kind: "var", name: opts.time }) : null;
  const panelFactor = opts.panel ? buildFactor(frame, [opts.panel], opts.panel) : null;
  let weights: Float64Array | null = null;
  const weightType: WeightType | null = opts.weights ? (opts.weightType ?? "aweight") : null;
  if (opts.weights) {
    const w = evaluateExpr(frame, { kind: "var", name: opts.weights });
    weights = w;
  }
  const n0 = frame.nrows;
  // The kept-rows mask (as long as the data) is made at the first dropped row or when a step needs it.
  let keep: Uint8Array | null = null;
  const mask = (): Uint8Array => {
    keep ??= new Uint8Array(n0).fill(1);
    return keep;
  };
  const numeric = [y, ...exog.cols, ...endog.cols, ...instruments.cols];
  const numericNames = [f.lhsLabel, ...exog.names, ...endog.names, ...instruments.names];
  if (weights && opts.weights) {
    numeric.push(weights);
    numericNames.push(opts.weights);
  }
  // Missing and non-finite (±Inf, e.g. 1e309 in a file) values are deleted listwise and counted.
  let infinite: Uint8Array | null = null; // made at the first infinite value
  const infiniteColumns: string[] = [];
  // The largest finite |value| of each column, for the magnitude check when every row is kept.
  const largest = numeric.map(() => 0);
  numeric.forEach((col, c) => {
    let seen = false;
    let max = 0;
    for (let i = 0; i < n0; i++) {
      const v = col[i];
      if (Number.isFinite(v)) {
        const a = Math.abs(v);
        if (a > max) max = a;
        continue;
      }
      mask()[i] = 0;
      if (!Number.isNaN(v)) {
        infinite ??= new Uint8Array(n0);
        infinite[i] = 1;
        seen = true;
      }
    }
    largest[c] = max;
    if (seen) infiniteColumns.push(numericNames[c]);
  });
  if (timeCol) for (let i = 0; i < n0; i++) if (!Number.isFinite(timeCol[i])) mask()[i] = 0;
  // Value-coded factors and those whose coding saw no missing value have no code −1.
  for (const fac of [...factors, ...clusterFactors, ...(panelFactor ? [panelFactor] : [])])
    if (!fac.values && !fac.complete) for (let i = 0; i < n0; i++) if (fac.codes[i] < 0) mask()[i] = 0;
  if (weights) {
    for (let i = 0; i < n0; i++) {
      const wi = weights[i];
      if (!Number.isFinite(wi)) mask()[i] = 0;
      else if (wi < 0)
        throw new Error(
          `weight column "${opts.weights}"${where} has a negative value (${wi}) at row ${i + 1}; weights must be ≥ 0`,
        );
      else if (wi === 0) mask()[i] = 0;
      else if (weightType === "fweight" && !Number.isInteger(wi)) {
        throw new Error(
          `frequency weights "${opts.weights}"${where} must be whole numbers; row ${i + 1} has ${wi} (use aweight or pweight)`,
        );
      }
    }
  }
  let kept = n0;
  if (keep) {
    kept = 0;
    for (let i = 0; i < n0; i++) kept += keep[i];
  }
  const missing = n0 - kept;
  let infiniteRows = 0;
  if (infinite) for (let i = 0; i < n0; i++) infiniteRows += infinite[i];
  if (kept === 0) {
    throw new Error(
      `no observations left${where}: every row has a missing value in one of ${modelVariableList(f, opts)}`,
    );
  }
  let singletons = 0;
  if (factors.length && !opts.keepSingletons) {
    singletons = dropSingletons(factors, mask());
    kept -= singletons;
    if (kept === 0)
      throw new Error(
        `no observations left${where} after dropping singleton groups of ${factors.map((x) => x.name).join(", ")}`,
      );
  }
  // Every row kept: the row index (as long as the data) is built only if something reads it.
  let rows: Int32Array | null = kept === n0 ? null : new Int32Array(kept);
  const kmask = kept === n0 ? null : mask();
  if (rows && kmask) for (let i = 0, r = 0; i < n0; i++) if (kmask[i]) rows[r++] = i;
  const sub = (c: Float64Array) => {
    // Every row kept: share the evaluated column (nothing downstream writes into model columns).
    if (kept === n0) return c;
    const out = new Float64Array(kept);
    for (let i = 0, r = 0; i < n0; i++) if (kmask?.[i]) out[r++] = c[i];
    return out;
  };
  let w = weights ? sub(weights) : null;

  let nobs = kept;
  if (w && weightType === "fweight") {
    nobs = 0;
    for (let i = 0; i < kept; i++) nobs += w[i];
  } else if (w && opts.ssc !== "fixest") {
    // Stata rescales analytic and probability weights to sum to N.
    let s = 0;
    for (let i = 0; i < kept; i++) s += w[i];
    const scale = kept / s;
    w = w.map((v) => v * scale);
  }
  const ySub = sub(y);
  const exogSub = exog.cols.map(sub);
  const endogSub = endog.cols.map(sub);
  const instSub = instruments.cols.map(sub);
  const wSub = weights ? sub(weights) : null;
  // Every row kept: each column's largest |value| is known from the pass above.
  const checked = kept === n0 ? largest.map((v) => Float64Array.of(v)) : null;
  checkMagnitudes(
    [ySub, ...exogSub, ...endogSub, ...instSub, ...(wSub ? [wSub] : [])].map((values, c) => ({
      name: numericNames[c],
      values: checked ? checked[c] : values,
    })),
    where,
  );
  // A value-coded factor on every row is its own subset (no mask needed).
  const subset = (fac: Factor) => (kmask === null && fac.values ? fac : subsetFactor(fac, mask(), kept));
  const clusters: ClusterDim[] = clusterFactors.map((c) => {
    const s = subset(c);
    return { name: c.name, codes: s.codes, groups: s.levels };
  });
  for (const c of clusters) {
    if (c.groups < 2)
      throw new Error(
        `cluster variable "${c.name}"${where} has ${c.groups} group in the estimation sample; clustering needs at least two`,
      );
  }
  return {
    n: kept,
    nobs,
    y: ySub,
    yName: f.lhsLabel,
    exog: { names: exog.names, cols: exogSub },
    endog: { names: endog.names, cols: endogSub },
    instruments: { names: instruments.names, cols: instSub },
    factors: factors.map(subset),
    clusters,
    weights: w,
    weightType,
    removed: { missing, singletons },
    nonFinite: { rows: infiniteRows, columns: infiniteColumns },
    get rows(): Int32Array {
      rows ??= Int32Array.from({ length: kept }, (_, i) => i);
      return rows;
    },
    time: timeCol && opts.time ? { name: opts.time, values: sub(timeCol) } : null,
    panel: panelFactor && opts.panel ? { name: opts.panel, codes: subset(panelFactor).codes } : null,
  };
}

function modelVariableList(f: Formula, opts: EstimateOptions): string {
  const names = [
    f.lhsLabel,
    ...f.terms.map((t) => t.label),
    ...f.endog.map((t) => t.label),
    ...f.instruments.map((t) => t.label),
  ];
  for (const fe of f.fixedEffects) names.push(fe.label);
  if (opts.weights) names.push(opts.weights);
  return names.join(", ");
}
