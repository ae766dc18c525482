/**
 * Cities and their statistics: the city list (code, name, province) that every other source is
 * matched to, and the city controls lngdp, second_rate and lnedc_cost by city-year.
 */
import type { DataSession } from "../../../io/session.js";
import { type CityLookup, cityLookup } from "../address-city.js";
import { type PlaceNames, placeNames } from "../place-names.js";

/**
 * Create tables `cities(city_code, city_name, province)` and `city_year(city_code, year, province,
 * lngdp, second_rate, lnedc_cost)`; return the lookups built from the city names.
 * @example const { lookup, places } = await prepareCities(session, "city_stats.csv", [2000, 2013]);
 */
export async function prepareCities(
  session: DataSession,
  file: string,
  years: readonly [number, number],
): Promise<{ lookup: CityLookup; places: PlaceNames }> {
  await session.run(`CREATE OR REPLACE TABLE city_year AS
    SELECT trim(city_code) AS city_code, CAST(year AS INTEGER) AS year, trim(province) AS province, trim(city_name) AS city_name,
      CASE WHEN gdp_per_capita > 0 THEN ln(gdp_per_capita / 10000) END AS lngdp,
      secondary_share AS second_rate,
      CASE WHEN education_expenditure > 0 THEN ln(education_expenditure) END AS lnedc_cost
    FROM city_stats WHERE year BETWEEN ${years[0]} AND ${years[1]}`);
  const missing = await session.rows(
    "SELECT row_number() OVER () AS r FROM city_year WHERE city_code IS NULL OR city_code = '' OR year IS NULL LIMIT 1",
  );
  if (missing.length) {
    throw new Error(`${file}: a row of city_stats has no city_code or year; every row needs both`);
  }
  const dup = await session.rows(
    "SELECT city_code, year, count(*) AS n FROM city_year GROUP BY ALL HAVING count(*) > 1 ORDER BY city_code, year LIMIT 3",
  );
  if (dup.length) {
    const which = dup.map((d) => `${d.city_code} in ${d.year} (${d.n} rows)`).join(", ");
    throw new Error(
      `${file}: city_stats has more than one row for a city-year: ${which}; keep one row per city and year`,
    );
  }
  await session.run(`CREATE OR REPLACE TABLE cities AS
    SELECT city_code, min(city_name) AS city_name, min(province) AS province FROM city_year GROUP BY city_code ORDER BY city_code`);
  const rows = await session.rows("SELECT city_code, city_name FROM cities ORDER BY city_code");
  const list = rows.map((r) => ({ code: String(r.city_code), name: String(r.city_name ?? "") }));
  if (!list.length) throw new Error(`${file}: city_stats has no rows in ${years[0]}–${years[1]}`);
  return { lookup: cityLookup(list), places: placeNames(list.map((c) => c.name)) };
}
