/** A readable console rendering of an estimation result (the `robometrics estimate` default output). */
import type { EstimationResult, TestStat } from "../estimate/result.js";
import { alignColumns } from "../text/align-columns.js";
import { formatNumber, formatP, stars } from "./format-number.js";

/**
 * Plain-text table of coefficients, fit statistics and (for 2SLS) the IV diagnostics.
 * @example console.log(renderResult(feols(frame, "y ~ x")));
 */
export function renderResult(r: EstimationResult): string {
  const out: string[] = [];
  const method = ESTIMATOR_TITLE[r.estimator] ?? r.estimator;
  const fe = r.fixed_effects.length
    ? ` | fixed effects: ${r.fixed_effects.map((f) => `${f.name} (${f.levels})`).join(", ")}`
    : "";
  const k = r.iv?.kclass;
  const kText = k !== undefined && k !== null && r.estimator !== "2sls" ? ` (k = ${formatNumber(k, 6)})` : "";
  out.push(`${method}${kText} estimation, dependent variable: ${r.depvar}${fe}`);
  out.push(`Observations: ${r.nobs}${removedText(r)}`);
  const clusters = r.vcov.clusters.length
    ? `, clustered by ${r.vcov.clusters.map((c, i) => `${c} (${r.vcov.n_clusters[i]})`).join(" and ")}`
    : r.vcov.type === "dkraay"
      ? `, ${r.vcov.n_clusters[0]} periods`
      : "";
  const kernel = r.vcov.kernel
    ? `, ${r.vcov.kernel} kernel, bandwidth ${formatNumber(r.vcov.bw ?? Number.NaN, 4)}`
    : "";
  const vc = `${r.vcov.label}${clusters}${kernel}`;
  out.push(
    `Standard errors: ${vc}${r.options.small ? "" : " (large-sample)"}${r.options.ssc === "fixest" ? " [fixest ssc]" : ""}`,
  );
  out.push("");
  const stat = r.dof.resid === null ? "z" : "t";
  const rows = r.coefficients.map((c) => [
    c.term,
    formatNumber(c.estimate, 6),
    formatNumber(c.se, 6),
    formatNumber(c.t, 4),
    formatP(c.p),
    stars(c.p),
  ]);
  out.push(...table(["", "Estimate", "Std. Error", `${stat} value`, `Pr(>|${stat}|)`, ""], rows));
  out.push("---");
  out.push("Signif.: *** 0.01, ** 0.05, * 0.1");
  const f = r.fit;
  const fit = [`R2: ${formatNumber(f.r2, 5)}`, `Adj. R2: ${formatNumber(f.adj_r2, 5)}`];
  if (f.within_r2 !== null) fit.push(`Within R2: ${formatNumber(f.within_r2, 5)}`);
  fit.push(`RMSE: ${formatNumber(f.rmse, 5)}`);
  out.push(fit.join("   "));
  if (f.f !== null && f.f_df)
    out.push(`F(${f.f_df[0]}, ${f.f_df[1]}) = ${formatNumber(f.f, 5)}, p = ${formatP(f.f_p)}`);
  if (r.iv) out.push(...renderIV(r));
  for (const n of r.notes) out.push(`Note: ${n}`);
  for (const w of r.warnings) out.push(`Warning: ${w}`);
  return out.join("\n");
}

function removedText(r: EstimationResult): string {
  const parts: string[] = [];
  if (r.removed.missing) parts.push(`${r.removed.missing} removed for missing values`);
  if (r.removed.singletons) parts.push(`${r.removed.singletons} singletons removed`);
  return parts.length ? ` (${parts.join("; ")})` : "";
}

function renderIV(r: EstimationResult): string[] {
  const iv = r.iv!;
  const out = ["", "First stages:"];
  for (const fs of iv.first_stage) {
    const excl = fs.coefficients.filter((c) => !r.coefficients.some((x) => x.term === c.term));
    const coefs = excl
      .map((c) => `${c.term} ${formatNumber(c.estimate, 5)} (${formatNumber(c.se, 4)})${stars(c.p)}`)
      .join(", ");
    const fstat = fs.f !== null ? `; F = ${formatNumber(fs.f, 5)}` : "";
    const sw = fs.sw_f !== null ? `; SW F = ${formatNumber(fs.sw_f, 5)}` : "";
    const pr2 = fs.partial_r2 !== null ? `; partial R2 = ${formatNumber(fs.partial_r2, 4)}` : "";
    out.push(`  ${fs.endogenous}: ${coefs}${fstat}${sw}${pr2}`);
  }
  out.push("Diagnostics:");
  const test = (label: string, t: TestStat | null) => {
    if (!t) return;
    const named =
      t.name && !t.name.toLowerCase().startsWith(label.toLowerCase())
        ? `${label} (${t.name})`
        : (t.name ?? label);
    const value =
      t.stat === null
        ? `. (${t.note ?? "not computed"})`
        : `${formatNumber(t.stat, 5)}, df ${t.df}, p = ${formatP(t.p)}`;
    out.push(`  ${named}: ${value}`);
  };
  test("Underidentification", iv.underid);
  if (iv.weakid.cd_f !== null)
    out.push(
      `  Weak identification: Cragg-Donald Wald F ${formatNumber(iv.weakid.cd_f, 5)}${iv.weakid.kp_f !== null ? `, Kleibergen-Paap rk Wald F ${formatNumber(iv.weakid.kp_f, 5)}` : ""}`,
    );
  const sy = Object.entries(iv.weakid.stock_yogo);
  if (sy.length) out.push(`  Stock-Yogo critical values: ${sy.map(([k, v]) => `${k} ${v}`).join(", ")}`);
  test("Overidentification", iv.overid);
  test("Endogeneity", iv.endog);
  if (iv.anderson_rubin)
    out.push(
      `  Anderson-Rubin: F = ${formatNumber(iv.anderson_rubin.f, 5)} (p = ${formatP(iv.anderson_rubin.f_p)}), chi2 = ${formatNumber(iv.anderson_rubin.chi2, 5)} (p = ${formatP(iv.anderson_rubin.chi2_p)})`,
    );
  return out;
}

/** Aligned text columns by display width: the first left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string[] {
  return alignColumns([header, ...rows], 1);
}

const ESTIMATOR_TITLE: Record<string, string> = {
  ols: "OLS",
  "2sls": "2SLS (IV)",
  liml: "LIML (IV)",
  fuller: "Fuller LIML (IV)",
  kclass: "k-class (IV)",
  gmm2s: "Two-step efficient GMM (IV)",
  poisson: "Poisson PML",
};
