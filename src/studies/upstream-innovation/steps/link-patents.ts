/**
 * Step 2b: link patent applications to ASIE firms by applicant name and the city of the applicant's
 * address (link-names.ts: the linker finds name variants, former names, typos and traditional
 * characters), and count applications (all, and inventions) by firm and year.
 */
import { type PipelineContext, recordLink } from "../context.js";
import { sqlList } from "./asie.js";
import { ensureNameLinks } from "./link-names.js";

/**
 * Create table `patent_counts(firm, year, patents, inventions)`.
 * @example await linkPatents(ctx);
 */
export async function linkPatents(ctx: PipelineContext): Promise<void> {
  const { session, cfg } = ctx;
  await ensureNameLinks(ctx);
  await session.run(`CREATE OR REPLACE TABLE patents_linked AS
    SELECT CAST(p.application_year AS INTEGER) AS year, nl.firm,
      trim(p.patent_type) IN ${sqlList(cfg.inventionTypes)} AS invention
    FROM patents p
    LEFT JOIN patent_city_map cm ON cm.text = p.address
    LEFT JOIN name_links nl ON nl.source = 'patents' AND nl.name = p.applicant AND nl.city IS NOT DISTINCT FROM cm.mapped
    WHERE p.application_year BETWEEN ${cfg.years[0]} AND ${cfg.years[1]}`);
  await session.run(`CREATE OR REPLACE TABLE patent_counts AS
    SELECT firm, year, count(*) AS patents, count(*) FILTER (WHERE invention) AS inventions
    FROM patents_linked WHERE firm IS NOT NULL GROUP BY firm, year`);
  const [s] = await session.rows(`SELECT count(*) AS total, count(firm) AS matched,
      count(*) FILTER (WHERE firm IN (SELECT firm FROM upstream_firms)) AS upstream
    FROM patents_linked`);
  const [u] = await session.rows(`SELECT count(*) AS firms,
      count(*) FILTER (WHERE firm IN (SELECT DISTINCT firm FROM patent_counts)) AS with_patents FROM upstream_firms`);
  recordLink(ctx, {
    step: "patents → ASIE",
    description:
      "patent applications matched to an ASIE firm by applicant name and the city of the address (robometrics link; applications of universities, individuals and firms outside the ASIE stay unmatched)",
    total: Number(s.total),
    matched: Number(s.matched),
    detail: {
      applications_of_upstream_firms: Number(s.upstream),
      upstream_firms: Number(u.firms),
      upstream_firms_with_patents: Number(u.with_patents),
    },
  });
}
