/**
 * Columns of extreme magnitude are scaled by powers of two before any arithmetic (exact in binary
 * floating point) and the results are scaled back, so that squares and cross-products in QR, the
 * VCOV and the diagnostics never overflow or underflow: a regressor of order 1e-150 or 1e150
 * estimates exactly like one of order 1. Columns of ordinary magnitude are left untouched, so their
 * results are bit-identical to the unscaled computation.
 */
import type { ModelData, NamedColumns } from "../model-data.js";
import type { CoefficientRow, EstimationResult } from "../result.js";

/** Columns whose largest |value| lies within [2^-64, 2^64] are not scaled. */
const SAFE_EXPONENT = 64;

/** Model data whose columns were scaled, and the factors to scale the results back. */
export interface ScaledModelData extends ModelData {
  /** Power-of-two factor each named column (and the outcome, under `yName`) was multiplied by. */
  readonly scales: ReadonlyMap<string, number>;
}

/**
 * Scale the outcome, regressors and instruments of extreme magnitude by powers of two.
 * @example const md = scaleModelData(buildModelData(frame, f, vcov, opts));
 */
export function scaleModelData(md: ModelData): ScaledModelData {
  const scales = new Map<string, number>([["(Intercept)", 1]]);
  const named = (nc: NamedColumns): NamedColumns => ({
    names: nc.names,
    cols: nc.cols.map((c, j) => scaled(c, nc.names[j], scales)),
  });
  const y = scaled(md.y, md.yName, scales);
  // md's properties copied as they are (a getter, e.g. md.rows, stays one: not evaluated here).
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(md)) as ModelData;
  return Object.assign(copy, {
    y,
    exog: named(md.exog),
    endog: named(md.endog),
    instruments: named(md.instruments),
    scales,
  });
}

/**
 * Scale a result computed on scaled columns back to the units of the data, and refuse any number
 * that does not fit in double precision in those units.
 * @example const res = unscaleResult(scaledResult, md.scales);
 */
export function unscaleResult(res: EstimationResult, scales: ReadonlyMap<string, number>): EstimationResult {
  const sy = scales.get(res.depvar) ?? 1;
  if (![...scales.values()].some((s) => s !== 1)) return res;
  const factor = (term: string) => (scales.get(term) ?? 1) / sy;
  const rows = (depScale: number, cs: readonly CoefficientRow[]) =>
    cs.map((c) => {
      const f = (scales.get(c.term) ?? 1) / depScale;
      return finiteRow({ ...c, estimate: c.estimate * f, se: c.se * f });
    });
  const terms = res.vcov.terms;
  const matrix = res.vcov.matrix.map((row, i) =>
    row.map((v, j) => {
      const out = v * factor(terms[i]) * factor(terms[j]);
      if (!Number.isFinite(out) || (v !== 0 && out === 0))
        throw new Error(
          `the covariance of ${terms[i]} and ${terms[j]} (${v} in scaled units) does not fit in double precision in the units of the data: the outcome "${res.depvar}" and the regressors differ in magnitude by more than about 1e150; rescale them`,
        );
      return out;
    }),
  );
  const fit = { ...res.fit, rss: res.fit.rss / sy / sy, rmse: res.fit.rmse / sy, sigma: res.fit.sigma / sy };
  const iv = res.iv
    ? {
        ...res.iv,
        first_stage: res.iv.first_stage.map((fs) => {
          const se = scales.get(fs.endogenous) ?? 1;
          const rmse = fs.stats.rmse;
          return {
            ...fs,
            coefficients: rows(se, fs.coefficients),
            stats: { ...fs.stats, ...(typeof rmse === "number" ? { rmse: rmse / se } : {}) },
          };
        }),
      }
    : null;
  return { ...res, coefficients: rows(sy, res.coefficients), vcov: { ...res.vcov, matrix }, fit, iv };
}

function finiteRow(c: CoefficientRow): CoefficientRow {
  if (Number.isFinite(c.estimate) && Number.isFinite(c.se) && (c.se > 0 || c.estimate === 0)) return c;
  throw new Error(
    `the estimate of ${c.term} (${c.estimate}, standard error ${c.se}) does not fit in double precision in the units of the data: the outcome and the regressors differ in magnitude by more than about 1e150; rescale them`,
  );
}

function scaled(c: Float64Array, name: string, scales: Map<string, number>): Float64Array {
  let max = 0;
  for (let i = 0; i < c.length; i++) {
    const a = Math.abs(c[i]);
    if (a > max) max = a;
  }
  const e = max > 0 && Number.isFinite(max) ? Math.floor(Math.log2(max)) + 1 : 0;
  if (Math.abs(e) <= SAFE_EXPONENT) {
    scales.set(name, 1);
    return c;
  }
  const s = 2 ** -Math.max(-1000, Math.min(1000, e));
  scales.set(name, s);
  return c.map((v) => v * s);
}
