/**
 * Precision and recall of the name linkage against the synthetic twin's truth
 * (`linkage-truth.parquet` beside the sources: the ASIE firm of every patent application, customs
 * enterprise code and registry name), written beside the match rates in review/linkage.json. A
 * user's own data has no truth: the report says so instead.
 */
import { existsSync } from "node:fs";
import { quoteLiteral } from "../../../io/sql.js";
import type { PipelineContext } from "../context.js";

/** File name of the twin's linkage truth, in the folder of its sources. */
export const LINKAGE_TRUTH_FILE = "linkage-truth.parquet";

/** Accuracy of one linking step, or why there is none. */
export interface LinkAccuracyReport {
  readonly against: string;
  readonly records?: number;
  /** Records whose firm is in the ASIE. */
  readonly true_links?: number;
  readonly linked?: number;
  /** Records linked to their own firm. */
  readonly correct?: number;
  /** correct / linked. */
  readonly precision?: number;
  /** correct / true_links. */
  readonly recall?: number;
}

/** Per step: the linked rows with their truth key, as SQL (`firm`, `truth`). */
function stepSql(ctx: PipelineContext): Readonly<Record<string, string>> {
  const [y0, y1] = ctx.cfg.years;
  return {
    "registry → ASIE": `SELECT l.firm, t.firm AS truth FROM registry_link l
      LEFT JOIN lt t ON t.source = 'registry' AND t.key = l.firm_name`,
    "patents → ASIE": `SELECT nl.firm, t.firm AS truth FROM patents p
      LEFT JOIN patent_city_map cm ON cm.text = p.address
      LEFT JOIN name_links nl ON nl.source = 'patents' AND nl.name = p.applicant AND nl.city IS NOT DISTINCT FROM cm.mapped
      LEFT JOIN lt t ON t.source = 'patents' AND t.key = p.application_no
      WHERE p.application_year BETWEEN ${y0} AND ${y1}`,
    "customs → ASIE": `SELECT nl.firm, t.firm AS truth FROM customs c
      LEFT JOIN customs_city_map cm ON cm.text = c.city
      LEFT JOIN name_links nl ON nl.source = 'customs' AND nl.name = c.firm_name AND nl.city IS NOT DISTINCT FROM cm.mapped
      LEFT JOIN lt t ON t.source = 'customs' AND t.key = c.firm_code
      WHERE c.value_usd IS NOT NULL AND c.year IN (SELECT year FROM fx)`,
  };
}

/**
 * Add `accuracy` to the registry, patent and customs steps of `ctx.linkage`, scored against the
 * truth file when it exists.
 * @example await scoreNameLinks(ctx, "sources/linkage-truth.parquet");
 */
export async function scoreNameLinks(ctx: PipelineContext, truthPath: string): Promise<void> {
  const { session } = ctx;
  const steps = stepSql(ctx);
  const have = existsSync(truthPath);
  if (have) {
    await session.run(`CREATE OR REPLACE TEMP TABLE lt AS
      SELECT source, key, nullif(upper(firm), '') AS firm FROM read_parquet(${quoteLiteral(truthPath)})`);
  }
  for (let i = 0; i < ctx.linkage.length; i++) {
    const step = ctx.linkage[i];
    const sql = steps[step.step];
    if (!sql) continue;
    let accuracy: LinkAccuracyReport = {
      against:
        "none: these sources carry no linkage truth (the synthetic twin writes linkage-truth.parquet beside its sources; a user's own data has none)",
    };
    if (have) {
      const [r] = await session.rows(`SELECT count(*) AS records, count(truth) AS true_links,
        count(firm) AS linked, count(*) FILTER (WHERE firm = truth) AS correct FROM (${sql})`);
      const linked = Number(r.linked);
      const trueLinks = Number(r.true_links);
      const correct = Number(r.correct);
      accuracy = {
        against: "the synthetic twin's truth (linkage-truth.parquet)",
        records: Number(r.records),
        true_links: trueLinks,
        linked,
        correct,
        precision: linked ? correct / linked : 1,
        recall: trueLinks ? correct / trueLinks : 1,
      };
    }
    ctx.linkage[i] = { ...step, accuracy };
  }
  if (have) await session.run("DROP TABLE lt");
}
