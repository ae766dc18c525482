/**
 * OLS of a demeaned outcome on one demeaned regressor, for large samples whose fixed effects were
 * absorbed by CG (at least {@link STREAM_MIN_ROWS} rows, where least-squares.ts does no refinement).
 * The QR factor of a single column is its norm, so R of √W·[x̃ ỹ] follows from Σw·x̃², Σw·x̃ỹ and
 * Σw·ỹ², taken in one pass with the outcome's sums of squares; the least squares on R gives the
 * coefficient, R's collinearity decision and the bread as for the whole matrix, and a second pass
 * sums the squared residuals in least-squares.ts's order of operations (y − b·x). Residuals are
 * materialised only if something reads them (robust, clustered or kernel VCOVs, `residuals()`).
 * Householder QR of the n × 1 matrix computes the same quantities, with its own rounding: it costs
 * about eight passes over the rows and three fresh n-row arrays.
 */
import { leastSquares } from "../linalg/least-squares.js";
import { inverseRtR } from "../linalg/qr.js";
import type { Fit } from "./fit.js";
import type { ModelData } from "./model-data.js";
import { STREAM_MIN_ROWS, type StreamedOls } from "./streamed-ols.js";

/**
 * The fit of ỹ on x̃ (both already demeaned), or null where it does not apply (IV, not exactly one
 * regressor, fewer rows than `minRows`).
 * @example const s = oneRegressorOls(md, yD, xD, dm.reachedTol); if (s) fit = s.fit(s.absorbed(shape));
 */
export function oneRegressorOls(
  md: ModelData,
  y: Float64Array,
  exog: readonly Float64Array[],
  reachedTol: number,
  minRows = STREAM_MIN_ROWS,
): StreamedOls | null {
  if (md.n < minRows || exog.length !== 1 || md.endog.cols.length || md.instruments.cols.length) return null;
  const x = exog[0];
  const w = md.weights;
  const n = md.n;
  // Pass 1: the cross-products, and the outcome's sums of squares as fitStatistics and
  // checkOutcomeVariation sum them.
  let xx = 0;
  let xy = 0;
  let yy = 0;
  let yCheckSumSq = 0;
  if (w)
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      xx += wi * x[i] * x[i];
      xy += wi * x[i] * y[i];
      yy += wi * y[i] * y[i];
      yCheckSumSq += wi * y[i] ** 2;
    }
  else
    for (let i = 0; i < n; i++) {
      xx += x[i] * x[i];
      xy += x[i] * y[i];
      yy += y[i] * y[i];
      yCheckSumSq += y[i] ** 2;
    }
  // R of √W·[x̃ ỹ] (row-major 2 × 2): ‖x̃‖, x̃'ỹ/‖x̃‖, and the norm of ỹ's part orthogonal to x̃.
  const r11 = Math.sqrt(xx);
  const r12 = r11 > 0 ? xy / r11 : 0;
  const r22 = Math.sqrt(Math.max(0, yy - r12 * r12));
  return {
    ySumSq: yy,
    yCheckSumSq,
    reachedTol,
    absorbed: (shape) => ({ ...shape, y, x: [x], exog: [x], endog: [], inst: [] }),
    fit: (a): Fit => {
      const ls = leastSquares([Float64Array.of(r11, 0)], Float64Array.of(r12, r22), { refNorms: a.xRef });
      const kept = ls.factor.kept.slice();
      const b = kept.length ? ls.coef[0] : 0;
      // Pass 2: Σ w e², e = y − b·x as least-squares.ts forms it (no term for a dropped regressor).
      let rss = 0;
      if (w)
        for (let i = 0; i < n; i++) {
          const e = b !== 0 ? y[i] - b * x[i] : y[i];
          rss += w[i] * e * e;
        }
      else
        for (let i = 0; i < n; i++) {
          const e = b !== 0 ? y[i] - b * x[i] : y[i];
          rss += e * e;
        }
      let resid: Float64Array | null = null;
      return {
        estimator: "ols",
        absorbed: a,
        kept,
        dropped: ls.dropped.slice(),
        keptInst: [],
        droppedInst: [],
        coef: Float64Array.from(kept, () => b),
        get resid(): Float64Array {
          if (!resid) {
            const e = Float64Array.from(y);
            if (b !== 0) for (let i = 0; i < n; i++) e[i] -= b * x[i];
            resid = e;
          }
          return resid;
        },
        rss,
        bread: inverseRtR(ls.factor),
        scores: kept.map(() => x),
        form: "sandwich",
        kclass: null,
        lambda: null,
      };
    },
  };
}
