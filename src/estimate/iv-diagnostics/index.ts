/**
 * Stata ivreg2's (4.1.x) identification and specification diagnostics on partialled data:
 * first-stage F / Sanderson–Windmeijer / Angrist–Pischke statistics, under- and weak-identification
 * tests with Stock–Yogo critical values, Sargan–Hansen overidentification, the endogeneity (C) test,
 * Anderson–Rubin and Stock–Wright weak-instrument-robust tests.
 */
import { andersonRubin } from "./anderson-rubin.js";
import { endogeneityTest } from "./endog-test.js";
import { ereturnScalars } from "./ereturn.js";
import { firstStages } from "./first-stage.js";
import { identification } from "./identification.js";
import { instrumentBasis } from "./instruments.js";
import { momentRankProblem } from "./moment-rank.js";
import { overidTest } from "./overid.js";
import { secondStage } from "./second-stage.js";
import { prepare, rankTestSetup } from "./setup.js";
import { stockWright } from "./stock-wright.js";
import { stockYogo } from "./stock-yogo.js";
import type { IVDiagnostics, IVDiagnosticsInput } from "./types.js";
import { validateInput } from "./validate.js";

export type {
  AndersonRubin,
  DiagnosticTest,
  FirstStageCoefficient,
  FirstStageDiagnostics,
  IVDiagnostics,
  IVDiagnosticsInput,
  WeakIdentification,
} from "./types.js";
export { stockYogo } from "./stock-yogo.js";

/**
 * All of ivreg2's IV diagnostics for one 2SLS model whose variables have been partialled.
 * @example const d = ivDiagnostics({ y, endog: [educ], endogNames: ["educ"], excluded: [nearc4], excludedNames: ["nearc4"], weights: null, vce: "iid", clusters: [], N: 3010, K: 6, L: 6, small: false, dofminus: 0, sdofminus: 0 });
 */
export function ivDiagnostics(input: IVDiagnosticsInput): IVDiagnostics {
  validateInput(input);
  const s = prepare(input);
  const basis = instrumentBasis(s, input.excludedNames);
  const fits = s.x.map((x) => basis.regress(x));
  const fitted = s.x.map((x, j) => x.map((v, i) => v - fits[j].resid[i]));
  const second = secondStage(s, fitted, input.endogNames);
  const firstStage = firstStages(s, {
    basis,
    fits,
    fitted,
    bread: second.bread,
    endogNames: input.endogNames,
    excludedNames: input.excludedNames,
  });
  const id = identification(
    rankTestSetup(s),
    fits.map((f) => f.resid),
  );
  const rankProblem = momentRankProblem(s, s.z, second.resid, s.L);
  const overid = overidTest(s, input.structuralResid ?? second.resid, basis.zz, rankProblem);
  const endog = endogeneityTest(s, rankProblem);
  const ar = andersonRubin(s, basis);
  const sw = stockWright(s);
  return deepFreeze({
    first_stage: firstStage,
    underid: id.underid,
    weakid: { cd_f: id.cdf, kp_f: s.vce === "iid" ? null : id.widstat, stock_yogo: stockYogo(s.K1, s.L1) },
    overid: overid.df === 0 ? null : overid,
    endog,
    anderson_rubin: ar,
    stock_wright: sw,
    stats: ereturnScalars({ iid: s.vce === "iid", id, overid, endog, ar, sw }),
    n_clusters: s.nClust,
  });
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
