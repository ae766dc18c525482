/** Console rendering of a Poisson PML result and of wild-bootstrap rows (`robometrics estimate`). */
import type { BootstrapRow } from "../estimate/bootstrap/wild.js";
import type { PoissonResult } from "../estimate/poisson/types.js";
import { table } from "./console-table.js";
import { formatNumber, formatP, stars } from "./format-number.js";

/**
 * Plain-text table of a Poisson PML fit: coefficients with z statistics, deviance, log-likelihood, pseudo R².
 * @example console.log(renderPoisson(fepois(frame, "y ~ x | firm")));
 */
export function renderPoisson(r: PoissonResult): string {
  const fe = r.fixed_effects.length
    ? ` | fixed effects: ${r.fixed_effects.map((f) => `${f.name} (${f.levels})`).join(", ")}`
    : "";
  const removed = [
    r.removed.missing ? `${r.removed.missing} removed for missing values` : "",
    r.removed.singletons ? `${r.removed.singletons} singletons removed` : "",
    r.removed.separation
      ? `${r.removed.separation} removed for separation (all-zero FE groups or regressors)`
      : "",
  ].filter(Boolean);
  const vc = poissonVcovText(r.vcov);
  const out = [
    `Poisson PML estimation (IRLS, ${r.iterations} iterations), dependent variable: ${r.depvar}${fe}`,
    `Observations: ${r.nobs}${removed.length ? ` (${removed.join("; ")})` : ""}`,
    `Standard errors: ${vc}${r.options.ssc === "fixest" ? " [fixest ssc]" : ""}`,
    "",
  ];
  const rows = r.coefficients.map((c) => [
    c.term,
    formatNumber(c.estimate, 6),
    formatNumber(c.se, 6),
    formatNumber(c.t, 4),
    formatP(c.p),
    stars(c.p),
  ]);
  out.push(...table(["", "Estimate", "Std. Error", "z value", "Pr(>|z|)", ""], rows));
  out.push("---", "Signif.: *** 0.01, ** 0.05, * 0.1");
  const f = r.fit;
  out.push(
    `Deviance: ${formatNumber(f.deviance, 8)}   Log-likelihood: ${formatNumber(f.loglik, 8)}   Pseudo R2: ${formatNumber(f.pseudo_r2, 5)}   Squared cor.: ${formatNumber(f.squared_cor, 5)}`,
  );
  for (const n of r.notes) out.push(`Note: ${n}`);
  for (const w of r.warnings) out.push(`Warning: ${w}`);
  return out.join("\n");
}

/** The VCOV as the console names it: type, clusters or periods, kernel and bandwidth. */
function poissonVcovText(v: PoissonResult["vcov"]): string {
  if (v.type === "iid") return "iid (inverse Hessian)";
  const clusters = v.clusters.length
    ? `, clustered by ${v.clusters.map((c, i) => `${c} (${v.n_clusters[i]})`).join(" and ")}`
    : "";
  const kernel = v.kernel ? `, ${v.kernel} kernel, bandwidth ${formatNumber(v.bw ?? Number.NaN, 4)}` : "";
  return `${v.label}${clusters}${kernel}`;
}

/**
 * The wild cluster bootstrap block: one line per tested coefficient.
 * @example console.log(renderBootstrap(wildBootstrap(frame, "y ~ x", { vcov: "cluster:g" })));
 */
export function renderBootstrap(rows: readonly BootstrapRow[]): string {
  if (!rows.length) return "";
  const r0 = rows[0];
  const how = r0.enumerated ? `all ${r0.reps} Rademacher sign vectors` : `${r0.reps} ${r0.weights} draws`;
  const out = ["", `Wild cluster bootstrap (WCR, null imposed; ${how}; ${r0.clusters} clusters):`];
  const body = rows.map((r) => [
    r.term,
    `H0: = ${formatNumber(r.h0, 4)}`,
    `t = ${formatNumber(r.t, 4)}`,
    `p = ${formatP(r.p)}`,
    `95% CI [${r.ci[0] === null ? "-inf" : formatNumber(r.ci[0], 6)}, ${r.ci[1] === null ? "+inf" : formatNumber(r.ci[1], 6)}]`,
  ]);
  out.push(...table(["", "", "", "", ""], body).slice(1));
  return out.join("\n");
}
