/**
 * Economy-level tables of study B in DuckDB: base-year TFP and robot adoption of the industry-panel
 * economies (Figure 3, classes I–IV), global robot installations by industry (eq. 19, Figure 5),
 * base-year industry employment (eq. 19, Figure 5) and robots per worker over time (Figure 4).
 */
import type { DataSession } from "../../io/session.js";
import { quoteLiteral } from "../../io/sql.js";
import { INDUSTRY_CODES } from "./sectors.js";

const MANUF = INDUSTRY_CODES.map(quoteLiteral).join(", ");

/** Years of robot installations summed for Figure 3 and the classes (the paper's 2000–2019). */
export const ADOPTION_YEARS = { first: 2000, last: 2019 } as const;
/** Years of global installations in the robot shares of eq. (19). */
export const STRU_YEARS = { first: 2000, last: 2014 } as const;

/**
 * Create `b_econ_base` (iso3, tfp_base, manuf_emp, installs, robots_per100), `b_global_robots`
 * (industry, installations, installs_2019) and `b_emp_base` (iso3, industry, emp) for the
 * economies of `b_industry`, and `b_robot_density` (iso3, year, stock, density) for Figure 4.
 * @example await buildEconomyTables(session);
 */
export async function buildEconomyTables(session: DataSession): Promise<void> {
  await session.run(
    `CREATE OR REPLACE TABLE b_emp_base AS
     SELECT iso3, industry, any_value(emp_base) AS emp
     FROM b_industry GROUP BY iso3, industry ORDER BY iso3, industry`,
    "collecting base-year industry employment",
  );
  await session.run(
    `CREATE OR REPLACE TABLE b_econ_base AS
     WITH m AS (SELECT iso3, sum(emp) AS manuf_emp FROM b_emp_base GROUP BY iso3),
          r AS (SELECT iso3, sum(installations) AS installs FROM ifr
                WHERE industry IN (${MANUF}) AND year BETWEEN ${ADOPTION_YEARS.first} AND ${ADOPTION_YEARS.last}
                GROUP BY iso3)
     SELECT m.iso3, p.ctfp AS tfp_base, m.manuf_emp, r.installs,
            r.installs / (10 * m.manuf_emp) AS robots_per100
     FROM m JOIN r ON r.iso3 = m.iso3
     JOIN pwt p ON p.iso3 = m.iso3 AND p.year = ${ADOPTION_YEARS.first}
     ORDER BY m.iso3`,
    "computing base-year TFP and robot adoption by economy",
  );
  await session.run(
    `CREATE OR REPLACE TABLE b_global_robots AS
     SELECT industry,
            sum(CASE WHEN year BETWEEN ${STRU_YEARS.first} AND ${STRU_YEARS.last} THEN installations END) AS installations,
            sum(CASE WHEN year BETWEEN ${ADOPTION_YEARS.first} AND ${ADOPTION_YEARS.last} THEN installations END) AS installs_2019
     FROM ifr WHERE industry IN (${MANUF}) GROUP BY industry ORDER BY industry`,
    "summing global robot installations by industry",
  );
  await session.run(
    `CREATE OR REPLACE TABLE b_robot_density AS
     SELECT r.iso3, r.year, sum(r.stock) AS stock, any_value(e.manuf_emp) AS manuf_emp,
            sum(r.stock) / any_value(e.manuf_emp) AS density
     FROM ifr r JOIN b_econ_base e ON e.iso3 = r.iso3
     WHERE r.industry IN (${MANUF}) AND r.year BETWEEN ${ADOPTION_YEARS.first} AND ${ADOPTION_YEARS.last}
     GROUP BY r.iso3, r.year ORDER BY r.iso3, r.year`,
    "computing robots per worker by economy and year",
  );
}
