/**
 * Step 3 and the city-level measures: robot_jt (city robot imports / national robot imports, all
 * robot import rows counted nationally), robot_np (the same without processing trade), robot_cap
 * (robot imports / capital-goods imports, capital goods by BEC share), cap_ratio (the city's imported
 * parts in all the parts it uses: imported parts / (imported parts + the local upstream makers'
 * domestic sales, i.e. sales − export delivery value), where the city has upstream makers in the
 * ASIE), robot_kcny (the city's robot imports in thousand yuan, for net_robot), the instrument,
 * the lagged robot share late_robot and the mean robot share of the other cities of the province
 * other_robot.
 */
import { registerFrame } from "../../../io/from-frame.js";
import { toFrame } from "../../../io/to-frame.js";
import { lag } from "../../../measures/lag.js";
import type { PipelineContext } from "../context.js";
import { sqlList } from "./asie.js";

/**
 * Create table `city_panel` with one row per city-year of the city statistics.
 * @example await buildCityMeasures(ctx);
 */
export async function buildCityMeasures(ctx: PipelineContext): Promise<void> {
  const { session, cfg } = ctx;
  const robot = sqlList(cfg.robotCodes);
  const parts = sqlList(cfg.partCodes);
  const proc = sqlList(cfg.processingModes);
  await session.run(`CREATE OR REPLACE TABLE city_base AS
    WITH imp AS (SELECT * FROM customs_linked WHERE flow = 'import'),
    r AS (SELECT year, city_code, cents, value_kcny, trade_mode IN ${proc} AS processing FROM imp WHERE hs8 IN ${robot}),
    nat AS (SELECT year, sum(cents) AS n, sum(cents) FILTER (WHERE NOT processing) AS n_np FROM r GROUP BY year),
    city AS (SELECT year, city_code, sum(cents) AS c, sum(cents) FILTER (WHERE NOT processing) AS c_np,
        sum(value_kcny) AS c_kcny
      FROM r WHERE city_code IS NOT NULL GROUP BY year, city_code),
    cap AS (SELECT year, city_code, sum(CAST(i.cents * b.capital_share AS DECIMAL(20, 4))) AS cap_cents
      FROM imp i JOIN (SELECT hs6, min(capital_share) AS capital_share FROM bec GROUP BY hs6) b USING (hs6)
      WHERE city_code IS NOT NULL GROUP BY year, city_code),
    pt AS (SELECT year, city_code, sum(value_kcny) AS parts_kcny FROM imp WHERE hs8 IN ${parts} AND city_code IS NOT NULL
      GROUP BY year, city_code),
    up AS (SELECT a.year, a.city AS city_code,
        sum(CAST(greatest(a.sales - coalesce(a.export_value, 0), 0) AS DECIMAL(20, 4))) AS up_domestic
      FROM asie_clean a JOIN upstream_firms USING (firm) WHERE a.sales IS NOT NULL GROUP BY a.year, a.city)
    SELECT cy.city_code, cy.year, cy.province, cy.lngdp, cy.second_rate, cy.lnedc_cost,
      CASE WHEN nat.n > 0 THEN coalesce(city.c, 0) / nat.n END AS robot,
      CASE WHEN nat.n_np > 0 THEN coalesce(city.c_np, 0) / nat.n_np END AS robot_np,
      CASE WHEN cap.cap_cents > 0 THEN coalesce(city.c, 0) / CAST(cap.cap_cents AS DOUBLE) END AS robot_cap,
      CASE WHEN coalesce(pt.parts_kcny, 0) + coalesce(up.up_domestic, 0) > 0 AND up.city_code IS NOT NULL
        THEN CAST(coalesce(pt.parts_kcny, 0) AS DOUBLE) / CAST(coalesce(pt.parts_kcny, 0) + up.up_domestic AS DOUBLE) END AS cap_ratio,
      CAST(coalesce(city.c_kcny, 0) AS DOUBLE) AS robot_kcny,
      u.us_robot
    FROM city_year cy
    LEFT JOIN nat USING (year)
    LEFT JOIN city USING (year, city_code)
    LEFT JOIN cap USING (year, city_code)
    LEFT JOIN pt USING (year, city_code)
    LEFT JOIN up USING (year, city_code)
    LEFT JOIN us_robot u ON u.city_code = cy.city_code AND u.year = cy.year
    ORDER BY cy.city_code, cy.year`);
  const f = await toFrame(
    session,
    "SELECT city_code, year, province, robot FROM city_base ORDER BY city_code, year",
  );
  const city = f.columns.city_code;
  const prov = f.columns.province;
  const year = f.columns.year;
  const rob = f.columns.robot;
  if (
    city.type !== "category" ||
    year.type !== "number" ||
    rob.type !== "number" ||
    prov.type !== "category"
  ) {
    throw new Error("city panel: unexpected column types");
  }
  const late = lag(rob.values, city, year.values, 1);
  // Mean robot share of the other cities of the same province in the same year.
  const sum = new Map<string, number>();
  const count = new Map<string, number>();
  const keyOf = (i: number) => `${prov.codes[i]}|${year.values[i]}`;
  for (let i = 0; i < f.nrows; i++) {
    if (prov.codes[i] < 0 || Number.isNaN(rob.values[i])) continue;
    const k = keyOf(i);
    sum.set(k, (sum.get(k) ?? 0) + rob.values[i]);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const other = new Float64Array(f.nrows);
  for (let i = 0; i < f.nrows; i++) {
    const k = keyOf(i);
    const c = count.get(k) ?? 0;
    other[i] =
      prov.codes[i] < 0 || Number.isNaN(rob.values[i]) || c < 2
        ? Number.NaN
        : ((sum.get(k) as number) - rob.values[i]) / (c - 1);
  }
  await registerFrame(session, "city_lags", {
    nrows: f.nrows,
    names: ["city_code", "year", "late_robot", "other_robot"],
    columns: {
      city_code: city,
      year,
      late_robot: { type: "number", values: late },
      other_robot: { type: "number", values: other },
    },
    source: "city lags",
  });
  await session.run(`CREATE OR REPLACE TABLE city_panel AS
    SELECT b.*, l.late_robot, l.other_robot FROM city_base b JOIN city_lags l USING (city_code, year) ORDER BY city_code, year`);
}
