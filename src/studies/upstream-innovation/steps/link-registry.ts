/**
 * Step 2a: link the identified upstream makers to the ASIE — first by code (characters 9–17 of the
 * unified social credit code are the organisation code), then, for the rest, by name with the
 * linker (link-names.ts: name variants, former names, typos, within the city). Makers not found are
 * too small for the ASIE.
 */
import { type PipelineContext, recordLink } from "../context.js";
import { ensureNameLinks } from "./link-names.js";

/**
 * Create table `upstream_firms(firm, how)`: the ASIE firms that are upstream makers.
 * @example await linkRegistry(ctx);
 */
export async function linkRegistry(ctx: PipelineContext): Promise<void> {
  const { session } = ctx;
  await ensureNameLinks(ctx);
  await session.run(`CREATE OR REPLACE TABLE registry_link AS
    WITH r AS (
      SELECT row_number() OVER (ORDER BY firm_name, credit_code) AS rid, *,
        CASE WHEN length(regexp_replace(coalesce(credit_code, ''), '\\s', '', 'g')) = 18
          THEN upper(substr(regexp_replace(credit_code, '\\s', '', 'g'), 9, 9)) END AS org
      FROM registry_upstream),
    firms AS (SELECT DISTINCT firm FROM asie_clean),
    by_code AS (SELECT r.rid, f.firm FROM r JOIN firms f ON f.firm = r.org),
    by_name AS (
      SELECT r.rid, n.firm FROM r JOIN name_links n
        ON n.source = 'registry' AND n.name = r.firm_name AND n.city IS NOT DISTINCT FROM r.city
      WHERE r.rid NOT IN (SELECT rid FROM by_code) AND n.firm IS NOT NULL)
    SELECT r.rid, r.firm_name, coalesce(c.firm, n.firm) AS firm,
      CASE WHEN c.firm IS NOT NULL THEN 'code' WHEN n.firm IS NOT NULL THEN 'name' END AS how
    FROM r LEFT JOIN by_code c USING (rid) LEFT JOIN by_name n USING (rid)`);
  await session.run(`CREATE OR REPLACE TABLE upstream_firms AS
    SELECT firm, min(how) AS how FROM registry_link WHERE firm IS NOT NULL GROUP BY firm ORDER BY firm`);
  const [s] = await session.rows(`SELECT count(*) AS total,
      count(*) FILTER (WHERE how = 'code') AS code, count(*) FILTER (WHERE how = 'name') AS name
    FROM registry_link`);
  const total = Number(s.total);
  const byCode = Number(s.code);
  const byName = Number(s.name);
  recordLink(ctx, {
    step: "registry → ASIE",
    description:
      "identified upstream makers found in the ASIE, by organisation code (credit code characters 9–17), then by name (robometrics link: Fellegi–Sunter on name variants, former names and the city)",
    total,
    matched: byCode + byName,
    detail: { by_code: byCode, by_name: byName, not_in_asie: total - byCode - byName },
  });
  const [{ n }] = await session.rows("SELECT count(*) AS n FROM upstream_firms");
  if (Number(n) === 0) {
    throw new Error(
      "no identified upstream maker could be found in the ASIE (asie.org_code vs registry.credit_code, or names within a city); check the codes and names of the two sources",
    );
  }
}
