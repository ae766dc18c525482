/**
 * Linking by firm name with `robometrics link` (src/link): the firms are the ASIE firms (latest
 * name, city; former names from the ASIE's own earlier names and the registry's 曾用名 of the
 * firm's organisation code); the records are the distinct (name, city) pairs of the registry's
 * upstream makers that their code does not find, of the patent applicants (city of the address)
 * and of the customs declarants (city field), each with the last year it appears (a former name
 * links only up to the year the firm stopped using it). Result: table
 * `name_links(source, name, city, firm, score, rule)`, built once and shared by the link steps.
 */
import { linkColumns } from "../../../link/link-firms.js";
import { readStrings } from "../../../link/read-strings.js";
import { cityOfText } from "../address-city.js";
import type { PipelineContext } from "../context.js";
import { registerTextMap } from "../name-map.js";
import { normalizeFirmName } from "../normalize-name.js";

/** Record sources of the name linkage. */
export const NAME_LINK_SOURCES = ["registry", "patents", "customs"] as const;

/** City maps of patent addresses and customs city fields (text → city code). */
export async function registerCityMaps(ctx: PipelineContext): Promise<void> {
  const { session } = ctx;
  await registerTextMap(session, "SELECT DISTINCT address FROM patents", "patent_city_map", (s) =>
    cityOfText(s, ctx.cities),
  );
  await registerTextMap(session, "SELECT DISTINCT city FROM customs", "customs_city_map", (s) =>
    cityOfText(s, ctx.cities),
  );
}

async function tableExists(ctx: PipelineContext, table: string): Promise<boolean> {
  const rows = await ctx.session.rows(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${table}' AND NOT temporary`,
  );
  return Number(rows[0].n) > 0;
}

/**
 * The firm list (the ASIE firms) with the registry's former names of each firm: by its organisation
 * code, or, for a registry firm without a credit code, by its normalised name and city when they
 * identify one ASIE firm.
 */
const FIRMS_SQL = `
  WITH latest AS (
    SELECT firm, arg_max(firm_name, year) AS name, arg_max(city, year) AS city,
      arg_max(name_norm, year) AS norm FROM asie_clean GROUP BY firm),
  asie_former AS (
    SELECT a.firm, a.name_norm, arg_max(a.firm_name, a.year) || '@' || max(a.year) AS former
    FROM asie_clean a JOIN latest l USING (firm) WHERE a.name_norm <> l.norm GROUP BY a.firm, a.name_norm),
  registry_former AS (
    SELECT upper(substr(regexp_replace(credit_code, '\\s', '', 'g'), 9, 9)) AS firm, former_names AS former
    FROM registry WHERE nullif(trim(former_names), '') IS NOT NULL
      AND length(regexp_replace(coalesce(credit_code, ''), '\\s', '', 'g')) = 18
    UNION ALL
    SELECT a.firm, r.former_names FROM registry r
    JOIN nl_registry_name nm ON nm.text = r.firm_name JOIN nl_registry_city cm ON cm.text = r.address
    JOIN asie_names a ON a.name_norm = nm.mapped AND a.city = cm.mapped
    WHERE nullif(trim(r.former_names), '') IS NOT NULL
      AND length(regexp_replace(coalesce(r.credit_code, ''), '\\s', '', 'g')) <> 18),
  former AS (
    SELECT firm, string_agg(former, ';' ORDER BY former) AS former_names FROM (
      SELECT firm, former FROM asie_former UNION ALL SELECT firm, former FROM registry_former)
    GROUP BY firm)
  SELECT l.firm, l.name, l.city, f.former_names FROM latest l LEFT JOIN former f USING (firm)
  WHERE nullif(trim(l.name), '') IS NOT NULL ORDER BY l.firm`;

/** The records: distinct (source, name, city code) with the last year. */
const RECORDS_SQL = `
  SELECT row_number() OVER (ORDER BY source, name, city) AS k, source, name, city, last_year FROM (
    SELECT 'registry' AS source, r.firm_name AS name, r.city, NULL::INTEGER AS last_year
    FROM registry_upstream r
    WHERE nullif(trim(r.firm_name), '') IS NOT NULL AND (length(regexp_replace(coalesce(r.credit_code, ''), '\\s', '', 'g')) <> 18
      OR upper(substr(regexp_replace(r.credit_code, '\\s', '', 'g'), 9, 9)) NOT IN (SELECT firm FROM asie_clean))
    GROUP BY ALL
    UNION ALL
    SELECT 'patents', p.applicant, cm.mapped, max(CAST(p.application_year AS INTEGER))
    FROM patents p LEFT JOIN patent_city_map cm ON cm.text = p.address
    WHERE nullif(trim(p.applicant), '') IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT 'customs', c.firm_name, cm.mapped, max(CAST(c.year AS INTEGER))
    FROM customs c LEFT JOIN customs_city_map cm ON cm.text = c.city
    WHERE nullif(trim(c.firm_name), '') IS NOT NULL GROUP BY ALL)`;

/**
 * Create `name_links` (once per run): every record's firm (NULL: none, or left for review).
 * @example await ensureNameLinks(ctx);
 */
export async function ensureNameLinks(ctx: PipelineContext): Promise<void> {
  if (await tableExists(ctx, "name_links")) return;
  const { session } = ctx;
  const t0 = performance.now();
  if (!(await tableExists(ctx, "patent_city_map"))) await registerCityMaps(ctx);
  const shortOf = new Map<string, string>();
  for (const [short, code] of ctx.cities.byShort) shortOf.set(code, short);
  const city = (code: string | null) => (code === null ? null : (shortOf.get(code) ?? code));
  const noCode = `FROM registry WHERE nullif(trim(former_names), '') IS NOT NULL
    AND length(regexp_replace(coalesce(credit_code, ''), '\\s', '', 'g')) <> 18`;
  await registerTextMap(session, `SELECT DISTINCT firm_name ${noCode}`, "nl_registry_name", (s) =>
    normalizeFirmName(s, ctx.places),
  );
  await registerTextMap(session, `SELECT DISTINCT address ${noCode}`, "nl_registry_city", (s) =>
    cityOfText(s, ctx.cities),
  );
  const [fid, fname, fcity, fformer] = await readStrings(session, FIRMS_SQL, 4);
  await session.run(`CREATE OR REPLACE TEMP TABLE nl_records AS ${RECORDS_SQL}`);
  const [rk, rname, rcity, ryear] = await readStrings(
    session,
    "SELECT k, name, city, last_year FROM nl_records ORDER BY k",
    4,
  );
  const none = (n: number) => Array.from({ length: n }, () => null);
  const summary = await linkColumns(
    session,
    { id: fid, name: fname, city: fcity.map(city), address: none(fid.length), formerNames: fformer },
    {
      id: rk,
      name: rname,
      city: rcity.map(city),
      address: none(rk.length),
      year: Float64Array.from(ryear, (y) => (y === null ? Number.NaN : Number(y))),
    },
    // 10,000 sampled records pin down the near-neighbour u well enough for one study run.
    { uSample: 10_000 },
  );
  await session.run(`CREATE OR REPLACE TABLE name_links AS
    SELECT r.source, r.name, r.city, x.firm_id AS firm, x.score, x.rule
    FROM nl_records r JOIN lk_result x ON x.record_id = CAST(r.k AS VARCHAR)`);
  await session.run("DROP TABLE nl_records");
  ctx.progress(
    `name linkage: ${summary.records} distinct names of the registry, patents and customs × ${summary.firms} ASIE firms, ${summary.matched} linked, ${summary.review} for review (${((performance.now() - t0) / 1000).toFixed(1)} s; linker steps ${JSON.stringify(summary.seconds)})`,
  );
}
