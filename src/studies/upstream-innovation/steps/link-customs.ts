/**
 * Step 2c: customs rows with their city (the city field matched to the city statistics) and, where
 * the declared firm name and city identify an ASIE firm (link-names.ts), that firm; values in cents (exact sums)
 * and in thousand yuan at the year's exchange rate.
 */
import { registerFrame } from "../../../io/from-frame.js";
import { type PipelineContext, recordLink } from "../context.js";
import { sqlList } from "./asie.js";
import { dirname, join } from "node:path";
import { LINKAGE_TRUTH_FILE, scoreNameLinks } from "./link-accuracy.js";
import { ensureNameLinks } from "./link-names.js";

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
  await ensureNameLinks(ctx);
  const bad = await session.rows(
    "SELECT row_number AS r, value_usd FROM (SELECT row_number() OVER () AS row_number, value_usd FROM customs) WHERE value_usd < 0 LIMIT 1",
  );
  if (bad.length) {
    throw new Error(
      `${file}: column "value_usd" of customs is negative (${bad[0].value_usd}) at row ${bad[0].r}; values must be ≥ 0`,
    );
  }
  await session.run(`CREATE OR REPLACE TABLE customs_linked AS
    SELECT CAST(c.year AS INTEGER) AS year, cm.mapped AS city_code, nl.firm,
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
    LEFT JOIN name_links nl ON nl.source = 'customs' AND nl.name = c.firm_name AND nl.city IS NOT DISTINCT FROM cm.mapped
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
    description: "customs rows whose declared firm name and city identify one ASIE firm (robometrics link)",
    total: Number(s.total),
    matched: Number(s.with_firm),
    detail: { rows_with_unknown_flow: Number(s.no_flow) },
  });
  await scoreNameLinks(ctx, join(dirname(file), LINKAGE_TRUTH_FILE));
}
