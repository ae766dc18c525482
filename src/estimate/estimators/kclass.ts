/**
 * k-class IV estimators on the absorbed data: 2SLS (k = 1), LIML (k = λ), Fuller (k = λ − α/(N − L))
 * and a given k. β = [X'W(I − kM_Z)X]⁻¹ X'W(I − kM_Z)y is solved in the coordinates of the QR
 * factor R of √W·X̂ (X̂ = P_Z X), where X'W(I − kM_Z)X = R'(I − (k−1)·C'C)R with C = √W·M_Z X·R⁻¹,
 * so the conditioning is that of X̂, not of the normal equations.
 */
import { cholesky, invLower, invSPD } from "../../linalg/cholesky.js";
import { eigenSym } from "../../linalg/eigen-sym.js";
import { leastSquares, residual } from "../../linalg/least-squares.js";
import { applyQt, householderQR, solveR } from "../../linalg/qr.js";
import { solveSym } from "../../linalg/symmetric.js";
import type { Absorbed, Fit } from "../fit.js";
import { tsls } from "../tsls.js";
import { weightedSS } from "./ols.js";
import type { EstimatorSpec, FitContext } from "./types.js";

/**
 * 2SLS by QR (X̂ = P_Z X, then least squares of y on X̂), plus what the other k-class estimators reuse.
 * @example const { fit } = twoStage(absorbed);
 */
export function twoStage(a: Absorbed) {
  const w = a.md.weights;
  const kx = a.exog.length;
  const t = tsls(a.y, a.x, [...a.exog, ...a.inst], {
    weights: w,
    refNormsX: a.xRef,
    refNormsZ: [...a.exogRef, ...a.instRef],
  });
  const kept = t.kept.slice();
  const droppedInst = t.droppedInstruments.filter((j) => j >= kx).map((j) => j - kx);
  const keptInst = a.inst.map((_, j) => j).filter((j) => !droppedInst.includes(j));
  const zKept = [...a.exog, ...a.inst].filter((_, j) => !t.droppedInstruments.includes(j));
  const fit: Fit = {
    estimator: "2sls",
    absorbed: a,
    kept,
    dropped: t.dropped.slice(),
    keptInst,
    droppedInst,
    coef: Float64Array.from(kept, (j) => t.coef[j]),
    resid: t.resid,
    rss: weightedSS(t.resid, w),
    bread: t.bread,
    scores: kept.map((j) => t.xhat[j]),
    form: "sandwich",
    kclass: 1,
    lambda: null,
  };
  return { fit, tsls: t, zKept };
}

/**
 * A k-class fit (2SLS, LIML, Fuller, k-class) with ivreg2's conventions.
 * @example const fit = kclassFit(absorbed, { name: "liml", param: null }, ctx);
 */
export function kclassFit(a: Absorbed, spec: EstimatorSpec, ctx: FitContext): Fit {
  const base = twoStage(a);
  if (spec.name === "2sls") return base.fit;
  const t = base.tsls;
  const { kept } = base.fit;
  const sw = t.sqrtWeights;
  const sc = (v: Float64Array) => (sw ? v.map((x, i) => x * sw[i]) : v);
  const isExog = kept.map((j) => a.isExog[j]);
  const xs = kept.map((j) => sc(a.x[j]));
  const xhs = xs.map((x, p) => (isExog[p] ? x : t.projectScaled(x)));
  const ys = sc(a.y);
  const yhat = t.projectScaled(ys);
  const us = ys.map((v, i) => v - yhat[i]);

  let lambda: number | null = null;
  let k: number;
  if (spec.name === "kclass") k = spec.param ?? Number.NaN;
  else {
    lambda = limlLambda(ys, us, xs, xhs, isExog);
    if (spec.name === "liml") k = lambda;
    else {
      // ivreg2: k = λ − α/(N − L), with no dofminus/sdofminus; absorbed fixed effects count in L, so
      // that absorbing them equals ivreg2 on explicit dummies.
      const L = isExog.filter(Boolean).length + base.fit.keptInst.length + a.feDof.all;
      k = lambda - (spec.param ?? 1) / (a.md.nobs - L);
    }
  }

  const m = kept.length;
  const f = householderQR(xhs, { tol: 0 });
  if (f.kept.length < m) throw new Error("internal: the fitted regressors lost rank in the k-class fit");
  const c = applyQt(f, ys).subarray(0, m);
  // C = √W·M_Z X·R⁻¹ (exogenous columns have M_Z x = 0).
  const v = xs.map((x, p) => (isExog[p] ? new Float64Array(x.length) : x.map((xi, i) => xi - xhs[p][i])));
  const cols: Float64Array[] = [];
  for (let j = 0; j < m; j++) {
    const col = Float64Array.from(v[j]);
    for (let p = 0; p < j; p++) {
      const r = f.r[p * m + j];
      if (r === 0) continue;
      const cp = cols[p];
      for (let i = 0; i < col.length; i++) col[i] -= cp[i] * r;
    }
    const d = f.r[j * m + j];
    for (let i = 0; i < col.length; i++) col[i] /= d;
    cols.push(col);
  }
  const km1 = k - 1;
  const M = new Float64Array(m * m);
  const rhs = Float64Array.from(c);
  for (let p = 0; p < m; p++) {
    let h = 0;
    for (let i = 0; i < us.length; i++) h += cols[p][i] * us[i];
    rhs[p] -= km1 * h;
    for (let q = p; q < m; q++) {
      let g = 0;
      for (let i = 0; i < us.length; i++) g += cols[p][i] * cols[q][i];
      M[p * m + q] = M[q * m + p] = (p === q ? 1 : 0) - km1 * g;
    }
  }
  const tt = solveSym(M, m, rhs, 1);
  if (!tt || !cholesky(M, m))
    throw new Error(
      `the ${spec.name} normal matrix X'(I − kM_Z)X is not positive definite at k = ${k}; choose a smaller k`,
    );
  const b = solveR(f, tt);
  const xKept = kept.map((j) => a.x[j]);
  const resid = residual(xKept, a.y, b);
  // bread = R⁻¹ M⁻¹ R⁻ᵀ
  const Minv = invSPD(M, m);
  const Rinv = upperInverse(f.r, m);
  const bread = new Float64Array(m * m);
  const tmp = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let p = 0; p < m; p++) s += Rinv[i * m + p] * Minv[p * m + j];
      tmp[i * m + j] = s;
    }
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let p = 0; p < m; p++) s += tmp[i * m + p] * Rinv[j * m + p];
      bread[i * m + j] = bread[j * m + i] = s;
    }
  const xhat = kept.map((j) => t.xhat[j]);
  // ivreg2 forms the robust meat from the moment conditions Z·e, i.e. scores P_Z X, with or without coviv.
  const scores = xhat;
  return {
    ...base.fit,
    estimator: spec.name,
    coef: b,
    resid,
    rss: weightedSS(resid, a.md.weights),
    bread: ctx.coviv ? base.fit.bread : bread,
    scores,
    kclass: k,
    lambda,
  };
}

/**
 * LIML's λ: the smallest eigenvalue of (Y'M_Z Y)⁻¹(Y'M₁Y), Y = [y, X_endog], M₁ partialling the
 * included exogenous regressors, M_Z all instruments (√W-scaled inputs).
 */
function limlLambda(
  ys: Float64Array,
  us: Float64Array,
  xs: readonly Float64Array[],
  xhs: readonly Float64Array[],
  isExog: readonly boolean[],
): number {
  const endogP = isExog.map((e, p) => (e ? -1 : p)).filter((p) => p >= 0);
  const exogP = isExog.map((e, p) => (e ? p : -1)).filter((p) => p >= 0);
  // M_Z Y: y's and each endogenous regressor's residual on all instruments.
  const mz = [us, ...endogP.map((p) => xs[p].map((v, i) => v - xhs[p][i]))];
  const yCols = [ys, ...endogP.map((p) => xs[p])];
  const exog = exogP.map((p) => xs[p]);
  const m1 = yCols.map((c) => (exog.length ? leastSquares(exog, c).resid : c));
  const q = yCols.length;
  const A = new Float64Array(q * q);
  const B = new Float64Array(q * q);
  for (let p = 0; p < q; p++)
    for (let r = p; r < q; r++) {
      let sa = 0;
      let sb = 0;
      for (let i = 0; i < us.length; i++) {
        sa += mz[p][i] * mz[r][i];
        sb += m1[p][i] * m1[r][i];
      }
      A[p * q + r] = A[r * q + p] = sa;
      B[p * q + r] = B[r * q + p] = sb;
    }
  const L = cholesky(A, q);
  if (!L) throw new Error("LIML: the residuals of [y, endogenous] on the instruments are collinear");
  // Li·B·Liᵀ with A = LLᵀ
  const Li = invLower(L, q);
  const t1 = new Float64Array(q * q);
  for (let i = 0; i < q; i++)
    for (let j = 0; j < q; j++) {
      let s = 0;
      for (let p = 0; p <= i; p++) s += Li[i * q + p] * B[p * q + j];
      t1[i * q + j] = s;
    }
  const S = new Float64Array(q * q);
  for (let i = 0; i < q; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let p = 0; p <= j; p++) s += t1[i * q + p] * Li[j * q + p];
      S[i * q + j] = S[j * q + i] = s;
    }
  return Math.min(...eigenSym(S, q).values);
}

function upperInverse(r: Float64Array, m: number): Float64Array {
  const ri = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    ri[j * m + j] = 1 / r[j * m + j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let p = i + 1; p <= j; p++) s += r[i * m + p] * ri[p * m + j];
      ri[i * m + j] = -s / r[i * m + i];
    }
  }
  return ri;
}
