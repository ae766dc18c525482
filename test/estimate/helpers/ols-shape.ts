/** Shared by the streamed and one-regressor OLS tests: the absorbed OLS shape and a relative difference. */
import type { ModelData } from "../../../src/estimate/model-data.js";
import type { AbsorbedShape } from "../../../src/estimate/streamed-ols.js";

/** |a − b| / |b| (b = 0 guarded). */
export const relDiff = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

/** The absorbed OLS model's shape (every regressor exogenous, no instruments) with the given reference norms. */
export function olsShape(md: ModelData, xRef: number[]): AbsorbedShape {
  return {
    md,
    xNames: md.exog.names,
    xRef,
    isExog: md.exog.names.map(() => true),
    exogNames: md.exog.names,
    exogRef: xRef,
    instNames: [],
    instRef: [],
    hasFE: true,
    intercept: false,
    feDof: { all: 0, withoutNested: 0 },
  };
}
