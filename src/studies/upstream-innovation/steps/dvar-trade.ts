/**
 * The trade flows of the domestic value-added ratio (DVAR) per firm-year, in the paper's design
 * (Upward, Wang & Zheng 2013; Kee & Tang 2016; 张杰等 2013): processing imports without the capital
 * goods imported as equipment (来料加工装配进口的设备), ordinary imports restricted to intermediates by
 * the BEC capital-goods share, and ordinary imports scaled up for the part that reached the firm
 * through trade intermediaries (firms whose declared name has 进出口, 经贸, 贸易, …): a firm's ordinary
 * imports of HS6 product g in year t are divided by 1 − ρ_gt, ρ_gt being the share of the nation's
 * ordinary imports of g in t declared by intermediaries.
 */
import { literalList } from "../../../io/sql.js";
import { domesticValueAdded } from "../../../measures/domestic-value-added.js";
import type { PipelineContext } from "../context.js";
import { sqlList } from "./asie.js";

/**
 * Create `intermediary_share(year, hs6, rho)` from the raw `customs` table (declared names) and
 * `dvar_trade(firm, year, xp, xo, mp, mo, mo_int)` from `customs_linked` and `bec`; flows in
 * thousand yuan. `mo_int` is the intermediary-adjusted ordinary intermediate imports; it is NULL
 * for a firm-year with a product all of whose ordinary imports went through intermediaries (ρ = 1,
 * the adjustment is undefined).
 * @example await buildDvarTrade(ctx);
 */
export async function buildDvarTrade(ctx: PipelineContext): Promise<void> {
  const { session, cfg } = ctx;
  const words = literalList(cfg.intermediaryWords);
  const imports = sqlList(cfg.importFlows);
  const ord = sqlList(cfg.ordinaryModes);
  const proc = sqlList(cfg.processingModes);
  const equip = sqlList(cfg.equipmentModes);
  await session.run(`CREATE OR REPLACE TABLE intermediary_share AS
    WITH c AS (
      SELECT CAST(year AS INTEGER) AS year, substr(regexp_replace(hs8, '[^0-9]', '', 'g'), 1, 6) AS hs6,
        CAST(round(value_usd * 100) AS BIGINT) AS cents,
        len(list_filter(${words}, w -> contains(coalesce(firm_name, ''), w))) > 0 AS via
      FROM customs
      WHERE value_usd IS NOT NULL AND trim(flow) IN ${imports} AND trim(trade_mode) IN ${ord})
    SELECT year, hs6, CAST(sum(cents) FILTER (WHERE via) AS DOUBLE) / CAST(sum(cents) AS DOUBLE) AS rho
    FROM c GROUP BY year, hs6 HAVING sum(cents) > 0`);
  await session.run(`CREATE OR REPLACE TABLE dvar_trade AS
    SELECT l.firm, l.year,
      sum(value_kcny) FILTER (WHERE flow = 'export' AND trade_mode IN ${proc}) AS xp,
      sum(value_kcny) FILTER (WHERE flow = 'export' AND trade_mode IN ${ord}) AS xo,
      sum(value_kcny) FILTER (WHERE flow = 'import' AND trade_mode IN ${proc} AND trade_mode NOT IN ${equip}) AS mp,
      sum(value_kcny) FILTER (WHERE flow = 'import' AND trade_mode IN ${ord}) AS mo,
      CASE WHEN bool_or(flow = 'import' AND trade_mode IN ${ord} AND coalesce(s.rho, 0) >= 1) THEN NULL ELSE
        sum(CAST(value_kcny AS DOUBLE) * (1 - coalesce(b.capital_share, 0)) / (1 - coalesce(s.rho, 0)))
          FILTER (WHERE flow = 'import' AND trade_mode IN ${ord}) END AS mo_int
    FROM customs_linked l
    LEFT JOIN (SELECT hs6, min(capital_share) AS capital_share FROM bec GROUP BY hs6) b USING (hs6)
    LEFT JOIN intermediary_share s ON s.year = l.year AND s.hs6 = l.hs6
    WHERE l.firm IS NOT NULL GROUP BY l.firm, l.year`);
}

/** The firm-year columns {@link dvarOfFirmYears} reads (from `dvar_trade` and the ASIE). */
export const DVAR_COLUMNS = ["xp", "xo", "mp", "mo", "mo_int", "trades", "sales"] as const;

/** Firm-year flows in thousand yuan (NaN where `dvar_trade` has no row or the flow is absent). */
export type DvarFlows = Readonly<Record<(typeof DVAR_COLUMNS)[number], Float64Array>>;

/**
 * DVAR per firm-year (Upward, Wang & Zheng 2013's formula, {@link domesticValueAdded}) from the
 * columns of `dvar_trade` and ASIE sales: a flow the firm does not have counts 0 when the firm
 * appears in the customs (`trades` = 1) and the ratio is missing when it does not; missing too where
 * the firm has ordinary imports whose intermediary adjustment is undefined (`mo_int` NaN, `mo` > 0).
 * @example const dvar = dvarOfFirmYears({ xp, xo, mp, mo, mo_int, trades, sales });
 */
export function dvarOfFirmYears(f: DvarFlows): Float64Array {
  const flow = (v: Float64Array) =>
    Float64Array.from(v, (x, i) => (f.trades[i] ? (Number.isNaN(x) ? 0 : x) : Number.NaN));
  const mo = flow(f.mo);
  const moInt = Float64Array.from(mo, (v, i) =>
    Number.isNaN(v) ? Number.NaN : Number.isNaN(f.mo_int[i]) ? (v > 0 ? Number.NaN : 0) : f.mo_int[i],
  );
  return domesticValueAdded({
    processingExports: flow(f.xp),
    ordinaryExports: flow(f.xo),
    processingImports: flow(f.mp),
    ordinaryImports: moInt,
    sales: Float64Array.from(f.sales, (s, i) => (f.trades[i] ? s : Number.NaN)),
  }).dvar;
}
