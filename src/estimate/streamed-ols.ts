/**
 * OLS with absorbed fixed effects in streaming passes, for large samples where the FE are solved
 * directly (fe/direct-solver.ts): the demeaned y and X are never stored. Each column is its raw values
 * plus per-level FE coefficients (fe/implicit-demean.ts); one pass over the rows, block by block,
 * folds the demeaned [X y] into the triangular factor R of its QR decomposition (Householder updates,
 * so as stable as QR of the whole matrix), from which the existing least-squares code takes the
 * coefficients, R's collinearity decisions and the bread; a second pass sums the squared residuals.
 * The residuals and the demeaned columns (the scores) are materialised only if something reads them
 * (a robust, clustered or kernel VCOV; `residuals()`), so an iid fit keeps only O(levels) memory.
 *
 * Used only where the explicit path would compute the same things the same way: OLS, no IV, at least
 * {@link STREAM_MIN_ROWS} rows (where least-squares.ts skips its compensated refinement, so both are
 * plain Householder QR), a direct plan, and no column needing CG iterations. Otherwise null (or
 * {@link NO_DIRECT_PLAN}), and the caller demeans explicitly.
 */
import { DEFAULT_DEMEAN_TOL } from "../fe/demean.js";
import { planDirect } from "../fe/direct-solver.js";
import { type ImplicitColumn, implicitDemean } from "../fe/implicit-demean.js";
import { leastSquares } from "../linalg/least-squares.js";
import { inverseRtR } from "../linalg/qr.js";
import type { Absorbed, Fit } from "./fit.js";
import type { ModelData } from "./model-data.js";

/** Fewest rows for the streamed path (with one regressor, least-squares.ts refines below 666,667). */
export const STREAM_MIN_ROWS = 1_000_000;

/** Rows folded into R at a time. */
const BLOCK = 512;

/** The fields of {@link Absorbed} other than the demeaned columns. */
export type AbsorbedShape = Omit<Absorbed, "y" | "x" | "exog" | "endog" | "inst">;

/** The streamed path was tried but the FE have no cheap direct plan (the caller should iterate, not plan again). */
export const NO_DIRECT_PLAN = "no direct plan";

export interface StreamedOls {
  /** Σ w·ỹ² of the demeaned outcome, summed as fitStatistics sums it, and as checkOutcomeVariation does. */
  readonly ySumSq: number;
  readonly yCheckSumSq: number;
  readonly reachedTol: number;
  /** The absorbed model, its demeaned columns computed when first read. */
  readonly absorbed: (shape: AbsorbedShape) => Absorbed;
  /** The OLS fit on it (coefficients from the streamed R; residuals and scores computed when read). */
  readonly fit: (a: Absorbed) => Fit;
}

/**
 * The streamed absorption of y and the exogenous regressors, null where it does not apply, or
 * {@link NO_DIRECT_PLAN} when the FE turned the direct solve down.
 * @example const s = streamedOls(md, { tol: 1e-11 }); if (s && s !== NO_DIRECT_PLAN) fit = s.fit(s.absorbed(shape));
 */
export function streamedOls(
  md: ModelData,
  opts: { readonly tol?: number; readonly method?: "auto" | "cg"; readonly minRows?: number },
): StreamedOls | typeof NO_DIRECT_PLAN | null {
  const minRows = opts.minRows ?? STREAM_MIN_ROWS;
  if (md.n < minRows || md.factors.length < 2 || opts.method === "cg") return null;
  if (md.endog.cols.length || md.instruments.cols.length || !md.exog.cols.length) return null;
  const w = md.weights;
  const plan = planDirect(md.factors, w);
  if (!plan) return NO_DIRECT_PLAN;
  const raw = [...md.exog.cols, md.y];
  const dm = implicitDemean(plan, raw, md.factors, w, opts.tol ?? DEFAULT_DEMEAN_TOL);
  if (!dm) return null;
  const cols = dm.columns;
  const k = md.exog.cols.length;
  const m = k + 1;
  const n = md.n;
  const fillBlock = (from: number, to: number, blk: Float64Array, which: readonly number[]) => {
    which.forEach((c, j) => {
      plan.fill(cols[c].x, cols[c].steps, from, to, blk, which.length, j);
    });
  };

  // Pass 1: R of √W·[X̃ ỹ], and the outcome's sums of squares.
  const R = new Float64Array(m * m);
  const blk = new Float64Array(BLOCK * m);
  const all = Array.from({ length: m }, (_, j) => j);
  let ySumSq = 0;
  let yCheckSumSq = 0;
  for (let from = 0; from < n; from += BLOCK) {
    const to = Math.min(n, from + BLOCK);
    fillBlock(from, to, blk, all);
    for (let i = from, o = 0; i < to; i++, o += m) {
      const yd = blk[o + k];
      const wi = w ? w[i] : 1;
      ySumSq += wi * yd * yd;
      yCheckSumSq += wi * yd ** 2;
      if (w) {
        const sw = Math.sqrt(w[i]);
        for (let j = 0; j < m; j++) blk[o + j] *= sw;
      }
    }
    foldRows(R, m, blk, to - from);
  }

  const materialise = (c: ImplicitColumn): Float64Array => {
    const out = new Float64Array(n);
    plan.fill(c.x, c.steps, 0, n, out, 1, 0);
    return out;
  };
  let xs: Float64Array[] | null = null;
  let yD: Float64Array | null = null;
  const demeanedX = () => {
    xs ??= cols.slice(0, k).map(materialise);
    return xs;
  };
  const demeanedY = () => {
    yD ??= materialise(cols[k]);
    return yD;
  };

  return {
    ySumSq,
    yCheckSumSq,
    reachedTol: dm.reachedTol,
    absorbed: (shape) => ({
      ...shape,
      get y() {
        return demeanedY();
      },
      get x() {
        return demeanedX();
      },
      get exog() {
        return demeanedX();
      },
      endog: [],
      inst: [],
    }),
    fit: (a) => {
      // Least squares on the m rows of R: same coefficients, collinearity decisions and R'R.
      const rCol = (j: number) => Float64Array.from({ length: m }, (_, i) => (i <= j ? R[i * m + j] : 0));
      const ls = leastSquares(
        Array.from({ length: k }, (_, j) => rCol(j)),
        rCol(k),
        { refNorms: a.xRef },
      );
      const kept = ls.factor.kept.slice();
      const b = Float64Array.from(kept, (j) => ls.coef[j]);
      const which = [k, ...kept];
      const residualsInto = (from: number, to: number, buf: Float64Array, out: Float64Array | null) => {
        fillBlock(from, to, buf, which);
        const q = which.length;
        let ss = 0;
        for (let i = from, o = 0; i < to; i++, o += q) {
          // y − Σ b_j·x_j in least-squares.ts's order of operations.
          let e = buf[o];
          for (let j = 0; j < kept.length; j++) if (b[j] !== 0) e -= b[j] * buf[o + 1 + j];
          if (out) out[i] = e;
          ss += w ? w[i] * e * e : e * e;
        }
        return ss;
      };
      // Pass 2: Σ w e².
      const buf = new Float64Array(BLOCK * which.length);
      let rss = 0;
      for (let from = 0; from < n; from += BLOCK)
        rss += residualsInto(from, Math.min(n, from + BLOCK), buf, null);
      let resid: Float64Array | null = null;
      let scores: Float64Array[] | null = null;
      return {
        estimator: "ols",
        absorbed: a,
        kept,
        dropped: ls.dropped.slice(),
        keptInst: [],
        droppedInst: [],
        coef: b,
        get resid(): Float64Array {
          if (!resid) {
            const e = new Float64Array(n);
            for (let from = 0; from < n; from += BLOCK)
              residualsInto(from, Math.min(n, from + BLOCK), buf, e);
            resid = e;
          }
          return resid;
        },
        rss,
        bread: inverseRtR(ls.factor),
        get scores(): Float64Array[] {
          scores ??= kept.map((j) => a.x[j]);
          return scores;
        },
        form: "sandwich",
        kclass: null,
        lambda: null,
      };
    },
  };
}

/**
 * Fold `rows` rows (row-major, m columns) into the upper-triangular R (m×m, row-major) so that
 * R'R gains their cross-products: Householder reflections of [R; rows], column by column (the rows
 * are overwritten).
 */
function foldRows(R: Float64Array, m: number, blk: Float64Array, rows: number): void {
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let b = 0, o = j; b < rows; b++, o += m) s += blk[o] * blk[o];
    if (s === 0) continue;
    const alpha = R[j * m + j];
    const norm = Math.sqrt(alpha * alpha + s);
    const beta = alpha > 0 ? -norm : norm;
    // H = I − τ·u·u' with u = [1; rows' column j / (α − β)] maps [α; column j] to [β; 0].
    const v0 = alpha - beta;
    const tau = (beta - alpha) / beta;
    for (let b = 0, o = j; b < rows; b++, o += m) blk[o] /= v0;
    R[j * m + j] = beta;
    for (let c = j + 1; c < m; c++) {
      let d = R[j * m + c];
      for (let b = 0, o = b * m; b < rows; b++, o += m) d += blk[o + j] * blk[o + c];
      d *= tau;
      R[j * m + c] -= d;
      for (let b = 0, o = 0; b < rows; b++, o += m) blk[o + c] -= d * blk[o + j];
    }
  }
}
