/**
 * From registered sources to the two analysis panels with every measure of STUDIES.md B.2.
 */
import type { Frame } from "../../frame/frame.js";
import type { DataSession } from "../../io/session.js";
import { toFrame } from "../../io/to-frame.js";
import { type CountryPanel, countryMeasures } from "./country-measures.js";
import { buildEconomyTables } from "./economy-sql.js";
import { type EconomyMeasures, economyMeasures } from "./economy-measures.js";
import { type IndustryPanel, industryMeasures } from "./industry-measures.js";
import { buildPanelTables, PANEL_YEARS } from "./panel-sql.js";
import { structureMatches } from "./structure-indices.js";

/** Both panels and the economy-level results. */
export interface Panels {
  readonly country: CountryPanel;
  readonly industry: IndustryPanel;
  readonly economy: EconomyMeasures;
  /** `b_econ_base` (figures 3–5). */
  readonly econBase: Frame;
  readonly globalRobots: Frame;
  readonly empBase: Frame;
  readonly density: Frame;
}

/**
 * Build the panels and measures from the sources registered in `session`.
 * @example const panels = await buildPanels(session, console.log);
 */
export async function buildPanels(session: DataSession, progress: (m: string) => void): Promise<Panels> {
  progress("joining the sources into the country-year and economy-industry-year panels");
  await buildPanelTables(session);
  await requireRows(
    session,
    "b_country",
    `country-year panel (PWT × WDI × IFR, ${PANEL_YEARS.country.first}–${PANEL_YEARS.country.last})`,
  );
  await requireRows(
    session,
    "b_industry",
    `economy-industry-year panel (WIOD × IFR, ${PANEL_YEARS.industry.first}–${PANEL_YEARS.industry.last})`,
  );
  await buildEconomyTables(session);
  progress("computing the country measures (divergence, exposure, TS-matched instruments)");
  const country = countryMeasures(await toFrame(session, "b_country"));
  const wiod = await toFrame(
    session,
    "SELECT * FROM b_wiod WHERE iso3 IN (SELECT DISTINCT iso3 FROM b_industry)",
    {
      source: "WIOD accounts of the panel economies",
    },
  );
  const econBase = await toFrame(session, "b_econ_base");
  const globalRobots = await toFrame(session, "b_global_robots");
  const empBase = await toFrame(session, "b_emp_base");
  const density = await toFrame(session, "b_robot_density");
  progress("computing Stru and the economy classes");
  const economy = economyMeasures(econBase, globalRobots, empBase);
  progress("computing industry TFP (Levinsohn–Petrin), TL/TS matches and the industry measures");
  const industry = industryMeasures(await toFrame(session, "b_industry"), structureMatches(wiod), economy);
  return { country, industry, economy, econBase, globalRobots, empBase, density };
}

async function requireRows(session: DataSession, table: string, what: string): Promise<void> {
  if ((await session.rowCount(table)) === 0) {
    throw new Error(
      `tfp-divergence: the ${what} is empty: no economy and year is in all of its sources; check that the economies use the same ISO3 codes and the years overlap`,
    );
  }
}
