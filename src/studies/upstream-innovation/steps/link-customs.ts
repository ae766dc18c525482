/**
 * Step 2c: customs rows with their city (the city field matched to the city statistics) and, where
 * the declared firm name and city identify an ASIE firm, that firm; values in cents (exact sums)
 * and in thousand yuan at the year's exchange rate.
 */
import { registerFrame } from "../../../io/from-frame.js";
import { cityOfText } from "../address-city.js";
import { type PipelineContext, recordLink } from "../context.js";
import { registerTextMap } from "../name-map.js";
import { normalizeFirmName } from "../normalize-name.js";
import { sqlList } from "./asie.js";

/**
 * Create `fx(year, cny_per_usd)` and `customs_linked(year, city_code, firm, flow, hs8, hs6,
 * trade_mode, cents, value_kcny)` with flow 'import' or 'export'.
 * @example await linkCustoms(ctx, "customs.parquet");
 */
export async function linkCustoms(ctx: PipelineContext, file: string): Promise<void> {
  const { session, cfg } = ctx;
  const years: number[] = [];
  for (let y = cfg.years[0]; y <= cfg.years[1]; y++) years.push(y);
  const missingFx = years.filter((y) => !(cfg.cnyPerUsd[y] > 0));
  if (missingFx.length) {
    throw new Error(
      `no yuan/dollar exchange rate for ${missingFx.join(", ")}; add the rates under options.cnyPerUsd to convert the customs values of ${file}`,
    );
  }
  await registerFrame(session, "fx", {
    nrows: years.length,
    names: ["year", "cny_per_usd"],
    columns: {
      year: { type: "number", values: Float64Array.from(years) },
      cny_per_usd: { type: "number", values: Float64Array.from(years, (y) => cfg.cnyPerUsd[y]) },
    },
    source: "exchange rates",
  });
  await registerTextMap(session, "SELECT DISTINCT city FROM customs", "customs_city_map", (s) =>
    cityOfText(s, ctx.cities),
  );
  await registerTextMap(session, "SELECT DISTINCT firm_name FROM customs", "customs_name_map", (s) =>
    normalizeFirmName(s, ctx.places),
  );
  const bad = await session.rows(
    "SELECT row_number AS r, value_usd FROM (SELECT row_number() OVER () AS row_number, value_usd FROM customs) WHERE value_usd < 0 LIMIT 1",
  );
  if (bad.length) {
    throw new Error(
      `${file}: column "value_usd" of customs is negative (${bad[0].value_usd}) at row ${bad[0].r}; values must be ≥ 0`,
    );
  }
  await session.run(`CREATE OR REPLACE TABLE customs_linked AS
    SELECT CAST(c.year AS INTEGER) AS year, cm.mapped AS city_code, a.firm,
      CASE WHEN trim(c.flow) IN ${sqlList(cfg.importFlows)} THEN 'import'
           WHEN trim(c.flow) IN ${sqlList(cfg.exportFlows)} THEN 'export' END AS flow,
      substr(regexp_replace(c.hs8, '[^0-9]', '', 'g'), 1, 8) AS hs8,
      substr(regexp_replace(c.hs8, '[^0-9]', '', 'g'), 1, 6) AS hs6,
      trim(c.trade_mode) AS trade_mode,
      CAST(round(c.value_usd * 100) AS BIGINT) AS cents,
      CAST(c.value_usd * fx.cny_per_usd / 1000 AS DECIMAL(18, 6)) AS value_kcny
    FROM customs c
    JOIN fx ON fx.year = c.year
    LEFT JOIN customs_city_map cm ON cm.text = c.city
    LEFT JOIN customs_name_map nm ON nm.text = c.firm_name
    LEFT JOIN asie_names a ON a.name_norm = nm.mapped AND a.city = cm.mapped
    WHERE c.value_usd IS NOT NULL`);
  const [s] = await session.rows(
    "SELECT count(*) AS total, count(city_code) AS with_city, count(firm) AS with_firm, count(*) FILTER (WHERE flow IS NULL) AS no_flow FROM customs_linked",
  );
  recordLink(ctx, {
    step: "customs → cities",
    description: "customs rows whose city field names a city of the city statistics",
    total: Number(s.total),
    matched: Number(s.with_city),
  });
  recordLink(ctx, {
    step: "customs → ASIE",
    description: "customs rows whose declared firm name (normalised) and city identify one ASIE firm",
    total: Number(s.total),
    matched: Number(s.with_firm),
    detail: { rows_with_unknown_flow: Number(s.no_flow) },
  });
}
