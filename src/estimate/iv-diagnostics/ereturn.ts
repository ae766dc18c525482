/**
 * The diagnostics as ivreg2's e() scalars, under ivreg2's names and storage rules: J (and Sargan under
 * iid) always, a p-value only for a non-zero non-missing statistic, the C test's df only with its value.
 */
import type { Identification } from "./identification.js";
import type { AndersonRubin, DiagnosticTest } from "./types.js";

export interface EreturnParts {
  readonly iid: boolean;
  readonly id: Identification;
  readonly overid: DiagnosticTest;
  readonly endog: DiagnosticTest;
  readonly ar: AndersonRubin;
  readonly sw: DiagnosticTest;
}

/**
 * Record of idstat, iddf, idp, cdf, widstat, j, jdf, jp, [sargan…], estat…, arf…, archi2…, sstat….
 * @example const stats = ereturnScalars({ iid: true, id, overid, endog, ar, sw });
 */
export function ereturnScalars(p: EreturnParts): Record<string, number | null> {
  const { id, overid, endog, ar, sw } = p;
  return {
    idstat: id.underid.stat,
    iddf: id.underid.df,
    idp: id.underid.p,
    cdf: id.cdf,
    widstat: id.widstat,
    ...(p.iid ? {} : { rkf: id.widstat }),
    j: overid.stat,
    jdf: overid.df,
    jp: positive(overid),
    ...(p.iid ? { sargan: overid.stat, sargandf: overid.df, sarganp: positive(overid) } : {}),
    estat: endog.stat,
    estatdf: endog.stat === null || endog.stat === 0 ? null : endog.df,
    estatp: positive(endog),
    arf: ar.f,
    arfp: ar.f_p,
    ardf: ar.df,
    ardf_r: ar.df_r,
    archi2: ar.chi2,
    archi2p: ar.chi2_p,
    sstat: sw.stat,
    sstatdf: sw.df,
    sstatp: sw.p,
  };
}

function positive(t: DiagnosticTest): number | null {
  return t.stat === null || t.stat === 0 ? null : t.p;
}
