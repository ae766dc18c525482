/**
 * Step 5: the firm-level analysis panels — upstream makers (every firm-year, with patents, controls,
 * city measures and trade flows), importers of robot parts (Table 3 column 1), and firms of the
 * industries without any upstream maker (the exclusion check) — as frames sorted by firm and year.
 */
import type { Frame } from "../../../frame/frame.js";
import { toFrame } from "../../../io/to-frame.js";
import type { PipelineContext } from "../context.js";
import { sqlList } from "./asie.js";
import { buildDvarTrade } from "./dvar-trade.js";

const FIRM_VARS = `
  CASE WHEN a.value_added > 0 AND a.employment > 0 THEN ln(a.value_added / a.employment) END AS lnlp,
  CASE WHEN a.net_fixed_assets > 0 THEN ln(a.net_fixed_assets) END AS lnkfix,
  CASE WHEN a.net_fixed_assets > 0 AND a.employment > 0 THEN ln(a.net_fixed_assets / a.employment) END AS lnklratio,
  CASE WHEN a.year - a.founding_year + 1 > 0 THEN ln(a.year - a.founding_year + 1) END AS lnbdat,
  c.robot, c.robot_np, c.robot_cap, c.us_robot, c.late_robot, c.other_robot,
  c.lngdp, c.second_rate, c.lnedc_cost, h.cic4_hhi, c.province`;

const JOINS = `
  LEFT JOIN city_panel c ON c.city_code = a.city AND c.year = a.year
  LEFT JOIN hhi h ON h.cic4 = a.cic4 AND h.year = a.year`;

/** The three firm panels. */
export interface FirmPanels {
  readonly upstream: Frame;
  readonly parts: Frame;
  readonly exclusion: Frame;
  /** Every ASIE firm-year of the upstream makers' 2-digit industries (the production functions' sample). */
  readonly production: Frame;
}

/**
 * Build the trade aggregates, the US productivity by industry-year and the three panels.
 * @example const panels = await buildFirmPanels(ctx);
 */
export async function buildFirmPanels(ctx: PipelineContext): Promise<FirmPanels> {
  const { session, cfg } = ctx;
  await buildDvarTrade(ctx);
  await session.run(`CREATE OR REPLACE TABLE firm_trade AS
    SELECT firm, year, sum(value_kcny) FILTER (WHERE flow = 'import' AND hs8 IN ${sqlList(cfg.partCodes)}) AS parts_kcny
    FROM customs_linked WHERE firm IS NOT NULL GROUP BY firm, year`);
  await session.run(`CREATE OR REPLACE TABLE us_lp AS
    SELECT trim(n.cic4) AS cic4, CAST(n.year AS INTEGER) AS year,
      CASE WHEN sum(n.emp) > 0 AND sum(n.vadd) > 0
        THEN ln(CAST(sum(CAST(n.vadd AS DECIMAL(20, 4))) AS DOUBLE) * 1e6 * any_value(fx.cny_per_usd) / 1000 / (CAST(sum(CAST(n.emp AS DECIMAL(20, 4))) AS DOUBLE) * 1000)) END AS us_lnlp
    FROM nber_ces n JOIN fx ON fx.year = n.year GROUP BY 1, 2`);
  const upstream = await toFrame(
    session,
    `SELECT a.firm, a.year, a.cic4, a.city, a.ownership, ${FIRM_VARS},
      coalesce(p.patents, 0) AS patents, coalesce(p.inventions, 0) AS inventions,
      CASE WHEN p.patents > 0 THEN ln(p.patents) END AS lnspatent,
      CASE WHEN p.inventions > 0 THEN ln(p.inventions) END AS lnfm_patent,
      ln(1 + coalesce(p.patents, 0)) AS ln1p_patent,
      a.output, a.sales, a.total_assets, a.employment, a.net_fixed_assets, a.intermediate_inputs,
      CAST(a.year - a.founding_year AS DOUBLE) AS age,
      CASE WHEN a.sales_expense > 0 AND a.output > 0 THEN ln(a.sales_expense / a.output) END AS lnexpense,
      CASE WHEN a.total_profit > 0 THEN ln(a.total_profit) END AS lnprofit,
      CASE WHEN a.n_products > 0 THEN ln(a.n_products) END AS lnn,
      u.us_lnlp,
      CAST(t.xp AS DOUBLE) AS xp, CAST(t.xo AS DOUBLE) AS xo, CAST(t.mp AS DOUBLE) AS mp, CAST(t.mo AS DOUBLE) AS mo,
      CAST(t.mo_int AS DOUBLE) AS mo_int, (t.firm IS NOT NULL)::DOUBLE AS trades,
      c.robot_kcny
    FROM asie_clean a JOIN upstream_firms USING (firm)
    LEFT JOIN patent_counts p ON p.firm = a.firm AND p.year = a.year
    LEFT JOIN dvar_trade t ON t.firm = a.firm AND t.year = a.year
    LEFT JOIN us_lp u ON u.cic4 = a.cic4 AND u.year = a.year
    ${JOINS}
    ORDER BY a.firm, a.year`,
    { source: "upstream panel" },
  );
  const parts = await toFrame(
    session,
    `SELECT a.firm, a.year, a.cic4, a.city, ln(CAST(t.parts_kcny AS DOUBLE)) AS lncap_value, ${FIRM_VARS}
    FROM asie_clean a JOIN firm_trade t ON t.firm = a.firm AND t.year = a.year
    ${JOINS}
    WHERE t.parts_kcny > 0
    ORDER BY a.firm, a.year`,
    { source: "robot-part importers" },
  );
  const exclusion = await toFrame(
    session,
    `SELECT a.firm, a.year, a.cic4, a.city, ln(p.patents) AS lnspatent, ${FIRM_VARS}
    FROM asie_clean a JOIN patent_counts p ON p.firm = a.firm AND p.year = a.year
    ${JOINS}
    WHERE p.patents > 0 AND a.firm NOT IN (SELECT firm FROM upstream_firms)
      AND a.cic4 NOT IN (SELECT DISTINCT a2.cic4 FROM asie_clean a2 JOIN upstream_firms USING (firm) WHERE a2.cic4 IS NOT NULL)
    ORDER BY a.firm, a.year`,
    { source: "firms of industries without upstream makers" },
  );
  const production = await toFrame(
    session,
    `SELECT a.firm, a.year, substr(a.cic4, 1, 2) AS cic2, a.output, a.employment, a.net_fixed_assets, a.intermediate_inputs
    FROM asie_clean a
    WHERE substr(a.cic4, 1, 2) IN (SELECT DISTINCT substr(u.cic4, 1, 2) FROM asie_clean u JOIN upstream_firms USING (firm) WHERE u.cic4 IS NOT NULL)
    ORDER BY a.firm, a.year`,
    { source: "ASIE firms of the upstream makers' industries" },
  );
  ctx.progress(
    `panels: ${upstream.nrows} upstream firm-years, ${parts.nrows} part-importer firm-years, ${exclusion.nrows} firm-years for the exclusion check`,
  );
  return { upstream, parts, exclusion, production };
}
