/**
 * The ASIE panel cleaned for the pipeline: one firm identifier (the organisation code without
 * hyphens and spaces; the normalised name and city when the code is missing), the city from the
 * region code, ownership classes, the number of listed products, and a map from (normalised name,
 * city) to firm for linking the other databases by name.
 */
import { literalList } from "../../../io/sql.js";
import type { PipelineContext } from "../context.js";
import { registerTextMap } from "../name-map.js";
import { normalizeFirmName } from "../normalize-name.js";

/**
 * Create `asie_clean` (firm-year rows) and `asie_names(name_norm, city, firm)` (names that identify
 * exactly one firm in their city).
 * @example await prepareAsie(ctx, "asie.parquet");
 */
export async function prepareAsie(ctx: PipelineContext, file: string): Promise<void> {
  const { session, cfg } = ctx;
  await registerTextMap(session, "SELECT DISTINCT firm_name FROM asie", "asie_name_map", (s) =>
    normalizeFirmName(s, ctx.places),
  );
  const foreign = cfg.foreignTypePrefixes
    .map((p) => `starts_with(t, '${p.replaceAll("'", "''")}')`)
    .join(" OR ");
  await session.run(`CREATE OR REPLACE TABLE asie_clean AS
    WITH a AS (
      SELECT *, trim(ownership_type) AS t, substr(trim(region_code), 1, 4) AS city,
        nullif(upper(regexp_replace(coalesce(org_code, ''), '[\\s\\-]', '', 'g')), '') AS code
      FROM asie WHERE year BETWEEN ${cfg.years[0]} AND ${cfg.years[1]})
    SELECT coalesce(a.code, 'N:' || m.mapped || '@' || a.city) AS firm, CAST(a.year AS INTEGER) AS year,
      a.firm_name, m.mapped AS name_norm, trim(a.cic4) AS cic4, a.city,
      a.output, a.value_added, a.employment, a.net_fixed_assets, a.total_assets, a.sales, a.sales_expense,
      a.total_profit, a.intermediate_inputs, a.t AS ownership_type,
      CASE WHEN a.t IN ${sqlList(cfg.stateOwnedTypes)} THEN 'state' WHEN ${foreign || "false"} THEN 'foreign' ELSE 'private' END AS ownership,
      a.founding_year, a.export_value,
      CASE WHEN nullif(trim(a.products), '') IS NOT NULL
        THEN len(list_filter(regexp_split_to_array(a.products, '[；;、,，]'), x -> trim(x) <> '')) END AS n_products
    FROM a LEFT JOIN asie_name_map m ON m.text = a.firm_name`);
  const noId = await session.rows("SELECT count(*) AS n FROM asie_clean WHERE firm IS NULL");
  if (Number(noId[0].n) > 0) {
    throw new Error(
      `${file}: ${noId[0].n} ASIE row(s) have neither an org_code nor a usable firm_name; give every row its organisation code or name`,
    );
  }
  const dup = await session.rows(
    "SELECT firm, year, count(*) AS n FROM asie_clean GROUP BY firm, year HAVING count(*) > 1 ORDER BY firm, year LIMIT 3",
  );
  if (dup.length) {
    const which = dup.map((d) => `${d.firm} in ${d.year} (${d.n} rows)`).join(", ");
    throw new Error(
      `${file}: the ASIE has more than one row for a firm-year (org_code ${which}); keep one row per firm and year`,
    );
  }
  await session.run(`CREATE OR REPLACE TABLE asie_names AS
    SELECT name_norm, city, min(firm) AS firm FROM (SELECT DISTINCT name_norm, city, firm FROM asie_clean WHERE name_norm IS NOT NULL)
    GROUP BY name_norm, city HAVING count(*) = 1`);
}

/**
 * A SQL list of text literals: ('a', 'b').
 * @example sqlList(["110", "151"]); // "('110', '151')"
 */
export function sqlList(items: readonly string[]): string {
  if (!items.length) return "(NULL)";
  return `(${literalList(items).slice(1, -1)})`;
}
