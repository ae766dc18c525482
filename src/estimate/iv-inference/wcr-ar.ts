/**
 * Wild cluster restricted bootstrap inference for the coefficient of one endogenous regressor with
 * one excluded instrument, through the Anderson–Rubin (reduced-form) test: H0 β = β₀ is the test
 * that the instrument's coefficient is zero in the regression of y − β₀x on the instrument, the
 * included regressors and the FE, bootstrapped by WCR (the fast algorithm of `bootstrap/wcr.ts`,
 * same draws for every β₀). Robust to weak instruments; the p-value is the bootstrap AR p-value at
 * β₀, the interval the set of β₀ not rejected, searched outward from the 2SLS estimate on a grid of
 * SE multiples and located by bisection to 1e-4 SE (an end not found within 1000 SEs is unbounded:
 * null).
 *
 * Everything the test needs is linear in β₀: the demeaned outcome ỹ − β₀x̃, its restricted residual
 * ü(β₀) = ü_y − β₀ü_x, the cluster scores and the fixed-effect correction E(ü) — the same structure
 * as `wcrDraws`' ü₀ − h·ü₁. So the FE are absorbed and the G projections of the correction computed
 * once, each draw keeps five numbers, and the p-value at any β₀ costs O(B).
 */
import { demean } from "../../fe/demean.js";
import { type Formula, parseFormula } from "../../formula/formula.js";
import type { Frame } from "../../frame/frame.js";
import { evaluateExpr, evaluateTerm } from "../../formula/evaluate.js";
import { leastSquares } from "../../linalg/least-squares.js";
import { drawPlan } from "../bootstrap/boot-weights.js";
import { wcrDraws } from "../bootstrap/wcr.js";
import { type BootOptions, prepareWild } from "../bootstrap/wild.js";
import type { EstimateOptions } from "../options.js";

export interface WcrArResult {
  readonly term: string;
  readonly h0: number;
  readonly p: number;
  readonly ci: readonly [number | null, number | null];
  readonly reps: number;
  readonly weights: string;
  readonly clusters: number;
}

const GRID = [0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64, 128, 256, 1000];

/**
 * WCR bootstrap of the AR test of the endogenous coefficient (p at h0, interval by inversion).
 * @example const r = wcrAr(frame, "y ~ w | firm | x ~ z", { vcov: "cluster:state" }, { reps: 1999, weights: "webb" }, b2sls, se2sls);
 */
export function wcrAr(
  frame: Frame,
  formula: string | Formula,
  opts: EstimateOptions,
  boot: BootOptions,
  estimate: number,
  se: number,
): WcrArResult {
  const f = typeof formula === "string" ? parseFormula(formula) : formula;
  if (f.endog.length !== 1 || f.instruments.length !== 1)
    throw new Error(
      "the WCR Anderson–Rubin bootstrap needs exactly one endogenous regressor and one instrument",
    );
  const inst = f.instruments[0].label;
  const rhs = [inst, ...f.terms.map((t) => t.label)].join(" + ");
  const fe = f.fixedEffects.length ? ` | ${f.fixedEffects.map((x) => x.label).join(" + ")}` : "";
  // The reduced form of y (β₀ = 0) on the rows where y and x are both present (y + 0·x is missing
  // where x is); x is demeaned alongside on the same rows.
  const xAll = evaluateTerm(frame, f.endog[0]);
  const yAll = evaluateExpr(frame, f.lhs).map((v, i) => v + 0 * xAll[i]);
  const fr: Frame = {
    ...frame,
    names: [...frame.names, "y__ar"],
    columns: { ...frame.columns, y__ar: { type: "number", values: yAll } },
  };
  const wf = prepareWild(fr, parseFormula(`y__ar ~ ${rhs}${fe}`), opts, { ...boot, terms: [inst], h0: 0 });
  const j = wf.keptNames.indexOf(inst);
  if (j < 0) throw new Error(`the instrument ${inst} was dropped as collinear: no AR test`);
  const rows = wf.md.rows;
  let xD: Float64Array = Float64Array.from(rows, (r) => xAll[r]);
  if (wf.md.factors.length)
    xD = demean([xD], wf.md.factors, { weights: wf.w, tol: opts.demean?.tol }).columns[0];
  const draws = arDraws(wf, j, xD, boot);
  const p = (b: number) => draws.p(b);
  const alpha = 1 - (boot.level ?? 0.95);
  const end = (dir: 1 | -1): number | null => {
    let inH = estimate;
    for (const m of GRID) {
      const h = estimate + dir * m * se;
      if (p(h) < alpha) {
        let outH = h;
        while (Math.abs(outH - inH) > 1e-4 * se) {
          const mid = (inH + outH) / 2;
          if (p(mid) >= alpha) inH = mid;
          else outH = mid;
        }
        return (inH + outH) / 2;
      }
      inH = h;
    }
    return null;
  };
  const ci: [number | null, number | null] = [end(-1), end(1)];
  return {
    term: f.endog[0].label,
    h0: boot.h0 ?? 0,
    p: p(boot.h0 ?? 0),
    ci,
    reps: draws.reps,
    weights: boot.weights ?? "rademacher",
    clusters: wf.dim.groups,
  };
}

/** A tie within this relative margin counts as not exceeding (as `bootstrap/invert.ts`). */
const TIE = 1e-12;

/**
 * The draws of the AR test of coefficient j (null 0) for the outcome ỹ − β₀x̃ — `wcrDraws` with ü₁ the
 * restricted residual of x̃, so each draw's numerator is n₀ − β₀n₁ and its squared denominator
 * q₀₀ − 2β₀q₀₁ + β₀²q₁₁ — and the bootstrap p-value at any β₀.
 */
function arDraws(
  wf: ReturnType<typeof prepareWild>,
  j: number,
  xD: Float64Array,
  boot: BootOptions,
): { reps: number; p: (b: number) => number } {
  const { x, w, yD, bread, dim } = wf;
  const { codes, groups: G } = dim;
  const k = x.length;
  const plan = drawPlan(G, boot.reps ?? 9999, boot.weights ?? "rademacher", boot.seed ?? 1);
  // `estimate` and `se` only set the draws' finite-sample factor, which this p-value does not use.
  const d = wcrDraws(
    {
      y: yD,
      x,
      weights: w,
      codes,
      groups: G,
      j,
      bread,
      estimate: 0,
      se: 1,
      projectFE: wf.projectFE,
      shift: xD,
    },
    plan,
  );
  // The model's t of the instrument at β₀ from the unrestricted residuals ê_y − β₀ê_x (raw CRVE: the
  // finite-sample factor cancels with the draws').
  const full = (v: Float64Array) => leastSquares(x, v, { weights: w ?? undefined });
  const fy = full(yD);
  const fx = full(xD);
  const sy = new Float64Array(G);
  const sx = new Float64Array(G);
  for (let i = 0; i < yD.length; i++) {
    let pi = 0;
    for (let m = 0; m < k; m++) pi += x[m][i] * bread[j * k + m];
    const wp = (w ? w[i] : 1) * pi;
    sy[codes[i]] += wp * fy.resid[i];
    sx[codes[i]] += wp * fx.resid[i];
  }
  let Ryy = 0;
  let Ryx = 0;
  let Rxx = 0;
  for (let g = 0; g < G; g++) {
    Ryy += sy[g] * sy[g];
    Ryx += sy[g] * sx[g];
    Rxx += sx[g] * sx[g];
  }
  const by = fy.coef[j];
  const bx = fx.coef[j];
  return {
    reps: d.reps,
    p: (b0: number) => {
      const t = Math.abs(by - b0 * bx) / Math.sqrt(Ryy - 2 * b0 * Ryx + b0 * b0 * Rxx);
      const bound = t * (1 + TIE);
      let count = 0;
      for (let r = 0; r < d.reps; r++) {
        const num = d.n0[r] - b0 * d.n1[r];
        const den2 = d.q00[r] - 2 * b0 * d.q01[r] + b0 * b0 * d.q11[r];
        if (!(den2 > 0)) continue;
        if (Math.abs(num) > bound * Math.sqrt(den2)) count++;
      }
      return count / d.reps;
    },
  };
}
