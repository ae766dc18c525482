/**
 * Wild cluster restricted bootstrap inference for the coefficient of one endogenous regressor with
 * one excluded instrument, through the Anderson–Rubin (reduced-form) test: H0 β = β₀ is the test
 * that the instrument's coefficient is zero in the regression of y − β₀x on the instrument, the
 * included regressors and the FE, bootstrapped by WCR (`bootstrap/wild.ts`, same draws for every β₀).
 * Robust to weak instruments; the p-value is the bootstrap AR p-value at β₀, the interval the set
 * of β₀ not rejected, searched outward from the 2SLS estimate on a grid of SE multiples and located
 * by bisection to 1e-4 SE (an end not found within 1000 SEs is unbounded: null).
 */
import { type Formula, parseFormula } from "../../formula/formula.js";
import type { Frame } from "../../frame/frame.js";
import { evaluateExpr, evaluateTerm } from "../../formula/evaluate.js";
import { type BootOptions, wildBootstrap } from "../bootstrap/wild.js";
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
  const x = evaluateTerm(frame, f.endog[0]);
  const y = evaluateExpr(frame, f.lhs);
  const inst = f.instruments[0].label;
  const rhs = [inst, ...f.terms.map((t) => t.label)].join(" + ");
  const fe = f.fixedEffects.length ? ` | ${f.fixedEffects.map((x) => x.label).join(" + ")}` : "";
  const reduced = `y__ar ~ ${rhs}${fe}`;
  let last: ReturnType<typeof wildBootstrap>[number] | null = null;
  const p = (b: number) => {
    const yb = y.map((v, i) => v - b * x[i]);
    const fr: Frame = {
      ...frame,
      names: [...frame.names, "y__ar"],
      columns: { ...frame.columns, y__ar: { type: "number", values: yb } },
    };
    last = wildBootstrap(fr, reduced, opts, { ...boot, terms: [inst], h0: 0 })[0];
    return last.p;
  };
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
  const p0 = p(boot.h0 ?? 0);
  const l = last as unknown as ReturnType<typeof wildBootstrap>[number];
  return {
    term: f.endog[0].label,
    h0: boot.h0 ?? 0,
    p: p0,
    ci,
    reps: l.reps,
    weights: l.weights,
    clusters: l.clusters,
  };
}
