/** The footer statistics of a regression table, formatted from a column's result. */
import type { EstimationResult } from "../estimate/result.js";
import { formatCount, formatFixed, formatProbability } from "./format-number.js";
import type { FooterRow } from "./table-spec.js";

/** Every statistic a footer row can show (all but `literal`). */
export type FooterStat = Exclude<FooterRow["stat"], "literal">;

/** The statistics a footer row may name, for validation. */
export const FOOTER_STATS: readonly FooterRow["stat"][] = [
  "literal",
  "nobs",
  "r2",
  "adj_r2",
  "within_r2",
  "r2_centered",
  "kp_lm",
  "cd_f",
  "kp_f",
  "stock_yogo_10",
  "hansen_p",
];

/**
 * One footer cell: N as a plain integer; R²s with 4 decimals; the underidentification LM statistic
 * (Kleibergen-Paap rk LM when robust/clustered, Anderson's LM under iid, as ivreg2) as `12.11 [0.0005]`;
 * Cragg-Donald and Kleibergen-Paap Wald F and the Stock–Yogo 10% maximal-size critical value with 2
 * decimals; the Hansen J (Sargan under iid) p-value with 4 decimals. Blank where the statistic does not
 * apply (IV diagnostics of an OLS column, within R² without FE, Hansen J when exactly identified). A
 * first-stage column shows N only: its R²s and diagnostics are not those of the first-stage regression.
 * @example footerStatCell(result, "kp_lm", false); // "12.11 [0.0005]"
 */
export function footerStatCell(r: EstimationResult, stat: FooterStat, firstStageColumn: boolean): string {
  if (stat === "nobs") return formatCount(r.nobs);
  if (firstStageColumn) return "";
  const iv = r.iv;
  switch (stat) {
    case "r2":
      return formatFixed(r.fit.r2, 4);
    case "adj_r2":
      return formatFixed(r.fit.adj_r2, 4);
    case "within_r2":
      return formatFixed(r.fit.within_r2, 4);
    case "r2_centered":
      return formatFixed(r.fit.r2_centered, 4);
    case "kp_lm": {
      const t = iv?.underid;
      if (!t || t.stat === null) return "";
      return `${formatFixed(t.stat, 2)} [${formatProbability(t.p, 4)}]`;
    }
    case "cd_f":
      return formatFixed(iv?.weakid.cd_f, 2);
    case "kp_f":
      return formatFixed(iv?.weakid.kp_f, 2);
    case "stock_yogo_10":
      return formatFixed(iv?.weakid.stock_yogo.tsls_size_10, 2);
    case "hansen_p":
      return formatProbability(iv?.overid?.p, 4);
  }
}
