/**
 * Step 1: identify the upstream component makers in the registry by their business scope, and write
 * the reviewable list of every firm whose scope names a keyword (`review/firm_identification.csv`):
 * name, credit code, city, matched keywords, decision and reason.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { registerFrame } from "../../../io/from-frame.js";
import { quoteLiteral } from "../../../io/sql.js";
import { writeTable } from "../../../io/write-file.js";
import { cityOfText } from "../address-city.js";
import type { PipelineContext } from "../context.js";
import { classifyScope } from "../identify-firms.js";
import { normalizeFirmName } from "../normalize-name.js";
import { textFrame } from "../text-frame.js";

/** Counts of the identification step. */
export interface IdentifySummary {
  readonly candidates: number;
  readonly upstream: number;
  readonly wholesale: number;
  readonly other: number;
}

/**
 * Create table `registry_upstream(credit_code, firm_name, name_norm, city)` of the kept firms and
 * write the review list.
 * @example const summary = await identifyUpstream(ctx);
 */
export async function identifyUpstream(ctx: PipelineContext): Promise<IdentifySummary> {
  const { session, cfg } = ctx;
  const any = cfg.keywords.map((k) => `contains(scope, ${quoteLiteral(k)})`).join(" OR ");
  const rows = await session.rows(
    `SELECT credit_code, firm_name, scope, address FROM registry WHERE ${any} ORDER BY firm_name, credit_code, address`,
  );
  const review = {
    firm_name: [] as string[],
    credit_code: [] as (string | null)[],
    city_code: [] as (string | null)[],
    matched_keywords: [] as string[],
    decision: [] as string[],
    reason: [] as string[],
    scope: [] as string[],
  };
  const kept = {
    credit_code: [] as (string | null)[],
    firm_name: [] as string[],
    name_norm: [] as string[],
    city: [] as (string | null)[],
  };
  let wholesale = 0;
  for (const r of rows) {
    const name = String(r.firm_name ?? "");
    const d = classifyScope(r.scope === null ? null : String(r.scope), cfg);
    const city = cityOfText(r.address === null ? null : String(r.address), ctx.cities);
    const code = r.credit_code === null ? null : String(r.credit_code).trim() || null;
    review.firm_name.push(name);
    review.credit_code.push(code);
    review.city_code.push(city);
    review.matched_keywords.push(d.matched.join("、"));
    review.decision.push(d.upstream ? "upstream" : "excluded");
    review.reason.push(d.reason);
    review.scope.push(String(r.scope ?? ""));
    if (d.reason.startsWith("wholesale")) wholesale++;
    if (d.upstream) {
      kept.credit_code.push(code);
      kept.firm_name.push(name);
      kept.name_norm.push(normalizeFirmName(name, ctx.places));
      kept.city.push(city);
    }
  }
  const dir = join(ctx.outDir, "review");
  await mkdir(dir, { recursive: true });
  await registerFrame(session, "identification_review", textFrame(review, "identification review"));
  await writeTable(session, "identification_review", join(dir, "firm_identification.csv"));
  if (!kept.firm_name.length) {
    throw new Error(
      `registry: no firm's business scope names one of the keywords (${cfg.keywords.join(", ")}) together with a manufacturing word (${cfg.makingWords.join(", ")}); check the scope column or the keyword settings (see review/firm_identification.csv)`,
    );
  }
  await registerFrame(session, "registry_upstream", textFrame(kept, "upstream firms"));
  const summary = {
    candidates: rows.length,
    upstream: kept.firm_name.length,
    wholesale,
    other: rows.length - kept.firm_name.length - wholesale,
  };
  ctx.progress(
    `identified ${summary.upstream} upstream makers among ${summary.candidates} registry firms naming a keyword (${wholesale} wholesale/retail only, ${summary.other} other exclusions)`,
  );
  return summary;
}
