/**
 * Step 4: the instrument of eq. (2), us_robot_jt = Σ_i (Employ_ij,2000 / MedEmploy_i,2000) ×
 * (MR^US_it / L^US_i,2000), from the base-year employment, the US robot stocks and US employment.
 */
import type { CategoricalKey } from "../../../measures/keys.js";
import { shiftShareInstrument } from "../../../measures/shift-share.js";
import { registerFrame } from "../../../io/from-frame.js";
import { toFrame } from "../../../io/to-frame.js";
import type { Frame } from "../../../frame/frame.js";
import type { PipelineContext } from "../context.js";

function key(frame: Frame, name: string): CategoricalKey {
  const c = frame.columns[name];
  if (c.type !== "category") throw new Error(`${frame.source}: column ${name} should be text`);
  return { codes: c.codes, levels: c.levels };
}

function num(frame: Frame, name: string): Float64Array {
  const c = frame.columns[name];
  if (c.type !== "number") throw new Error(`${frame.source}: column ${name} should be numeric`);
  return c.values;
}

/**
 * Create table `us_robot(city_code, year, us_robot)`.
 * @example await buildInstrument(ctx, sources);
 */
export async function buildInstrument(
  ctx: PipelineContext,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  const { session, cfg } = ctx;
  const base = await toFrame(
    session,
    "SELECT trim(city_code) AS city_code, trim(industry) AS industry, employment FROM base_employment ORDER BY 1, 2",
    { source: files.base_employment },
  );
  const robots = await toFrame(
    session,
    `SELECT trim(industry) AS industry, CAST(year AS DOUBLE) AS year, robot_stock FROM us_robots
     WHERE year BETWEEN ${cfg.years[0]} AND ${cfg.years[1]} ORDER BY 1, 2`,
    { source: files.us_robots },
  );
  const usEmp = await toFrame(
    session,
    "SELECT trim(industry) AS industry, employment_2000 FROM us_employment ORDER BY 1",
    {
      source: files.us_employment,
    },
  );
  let result: ReturnType<typeof shiftShareInstrument>;
  try {
    result = shiftShareInstrument({
      base: {
        city: key(base, "city_code"),
        industry: key(base, "industry"),
        employment: num(base, "employment"),
      },
      usRobots: {
        industry: key(robots, "industry"),
        year: num(robots, "year"),
        robots: num(robots, "robot_stock"),
      },
      usEmployment: { industry: key(usEmp, "industry"), employment: num(usEmp, "employment_2000") },
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(
      `cannot build the instrument us_robot from ${files.base_employment}, ${files.us_robots} and ${files.us_employment} ` +
        `(base = base_employment, usRobots = us_robots, usEmployment = us_employment; indexes are rows sorted by city and industry): ${msg}`,
    );
  }
  const city = result.city as CategoricalKey;
  await registerFrame(session, "us_robot", {
    nrows: result.value.length,
    names: ["city_code", "year", "us_robot"],
    columns: {
      city_code: { type: "category", codes: city.codes, levels: city.levels },
      year: { type: "number", values: result.year as Float64Array },
      us_robot: { type: "number", values: result.value },
    },
    source: "us_robot",
  });
}
