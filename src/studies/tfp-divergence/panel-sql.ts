/**
 * The joins and aggregations of study B in DuckDB: the country-year panel (PWT × WDI × IFR totals,
 * 1994–2019), the WIOD accounts with China's employment filled from the labour yearbook, and the
 * economy-industry-year panel (WIOD manufacturing × IFR, 2000–2014).
 */
import type { DataSession } from "../../io/session.js";
import { quoteLiteral } from "../../io/sql.js";
import { INDUSTRY_CODES } from "./sectors.js";

/** Years of the two panels and their base years. */
export const PANEL_YEARS = {
  country: { first: 1994, last: 2019, base: 1994 },
  industry: { first: 2000, last: 2014, base: 2000 },
} as const;

const MANUF = INDUSTRY_CODES.map(quoteLiteral).join(", ");

/**
 * Create tables `b_country`, `b_wiod` and `b_industry` from the registered sources.
 * @example await buildPanelTables(session);
 */
export async function buildPanelTables(session: DataSession): Promise<void> {
  const c = PANEL_YEARS.country;
  const ind = PANEL_YEARS.industry;
  await session.run(
    `CREATE OR REPLACE TABLE b_ifr_total AS
     SELECT iso3, year, sum(stock) AS stock, sum(installations) AS installations
     FROM ifr GROUP BY iso3, year`,
    "summing robots by economy and year",
  );
  await session.run(
    `CREATE OR REPLACE TABLE b_country AS
     SELECT p.iso3, p.year, p.ctfp, p.rtfpna, p.hc, p.pop, p.emp, p.rgdpna,
            w.fdi, w.internet, w.services_va, w.industry_va,
            r.stock, r.installations, b.emp AS emp_base
     FROM pwt p
     JOIN wdi w ON w.iso3 = p.iso3 AND w.year = p.year
     JOIN b_ifr_total r ON r.iso3 = p.iso3 AND r.year = p.year
     JOIN (SELECT iso3, emp FROM pwt WHERE year = ${c.base}) b ON b.iso3 = p.iso3
     WHERE p.year BETWEEN ${c.first} AND ${c.last}
     ORDER BY p.iso3, p.year`,
    "building the country-year panel",
  );
  await session.run(
    `CREATE OR REPLACE TABLE b_wiod AS
     SELECT s.iso3, s.sector, s.year, s.va, s.go, s.ii, s.k,
            CASE WHEN s.iso3 = 'CHN' THEN coalesce(s.emp, l.emp) ELSE s.emp END AS emp,
            CASE WHEN s.iso3 = 'CHN' THEN coalesce(s.empe, l.emp) ELSE s.empe END AS empe,
            CASE WHEN s.iso3 = 'CHN' THEN coalesce(s.h_empe, l.emp * l.hours_per_week * 52 / 1000)
                 ELSE s.h_empe END AS h_empe
     FROM wiod_sea s
     LEFT JOIN china_labour l ON s.iso3 = 'CHN' AND l.sector = s.sector AND l.year = s.year
     WHERE s.year BETWEEN ${ind.first} AND ${ind.last}
     ORDER BY s.iso3, s.sector, s.year`,
    "filling China's WIOD employment from the labour yearbook",
  );
  await session.run(
    `CREATE OR REPLACE TABLE b_industry AS
     SELECT w.iso3, w.sector AS industry, w.year, w.va, w.go, w.ii, w.k, w.emp, w.empe, w.h_empe,
            i.stock, i.installations, e0.emp AS emp_base,
            c.hc, c.fdi, c.internet, c.services_va, c.industry_va, c.rgdpna, c.pop, c.rtfpna, c.ctfp
     FROM b_wiod w
     JOIN ifr i ON i.iso3 = w.iso3 AND i.industry = w.sector AND i.year = w.year
     JOIN (SELECT iso3, sector, emp FROM b_wiod WHERE year = ${ind.base}) e0
       ON e0.iso3 = w.iso3 AND e0.sector = w.sector
     JOIN b_country c ON c.iso3 = w.iso3 AND c.year = w.year
     WHERE w.sector IN (${MANUF})
     ORDER BY w.iso3, w.sector, w.year`,
    "building the economy-industry-year panel",
  );
}
