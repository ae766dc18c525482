/**
 * The small sources: city statistics, US robots and employment, base-year employment, NBER-CES
 * productivity matched to CIC industries, and the BEC capital-goods shares.
 */
import { DEFAULT_CONFIG } from "../config.js";
import { normal } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import type { CityPanel } from "./city-panel.js";
import { INTERMEDIATE_CODES, otherProducts, PART_CAPITAL_SHARE, ROBOT_CAPITAL_SHARE } from "./hs-codes.js";
import { CIC_INDUSTRIES } from "./industries.js";
import type { GeneratedColumn } from "./write-columns.js";

/**
 * City statistics by city × year.
 * @example const cols = cityStatsColumns(panel);
 */
export function cityStatsColumns(panel: CityPanel): GeneratedColumn[] {
  const { cities, years } = panel;
  const code: string[] = [];
  const name: string[] = [];
  const province: string[] = [];
  const year: number[] = [];
  for (const c of cities) {
    for (const y of years) {
      code.push(c.code);
      name.push(c.name);
      province.push(c.province);
      year.push(y);
    }
  }
  return [
    { name: "city_code", type: "string", values: code },
    { name: "city_name", type: "string", values: name },
    { name: "province", type: "string", values: province },
    { name: "year", type: "integer", values: year },
    { name: "gdp_per_capita", type: "number", values: panel.gdpPerCapita },
    { name: "secondary_share", type: "number", values: panel.secondaryShare },
    { name: "education_expenditure", type: "number", values: panel.educationExpenditure },
  ];
}

/**
 * US robot stocks by industry × year.
 * @example const cols = usRobotsColumns(panel);
 */
export function usRobotsColumns(panel: CityPanel): GeneratedColumn[] {
  return [
    { name: "industry", type: "string", values: panel.usRobots.industry },
    { name: "year", type: "integer", values: panel.usRobots.year },
    { name: "robot_stock", type: "number", values: panel.usRobots.stock },
  ];
}

/**
 * US employment by industry in 2000.
 * @example const cols = usEmploymentColumns(panel);
 */
export function usEmploymentColumns(panel: CityPanel): GeneratedColumn[] {
  return [
    { name: "industry", type: "string", values: panel.usEmployment.industry },
    { name: "employment_2000", type: "number", values: panel.usEmployment.employment },
  ];
}

/**
 * Employment by city × industry in 2000.
 * @example const cols = baseEmploymentColumns(panel);
 */
export function baseEmploymentColumns(panel: CityPanel): GeneratedColumn[] {
  return [
    { name: "city_code", type: "string", values: panel.baseEmployment.city },
    { name: "industry", type: "string", values: panel.baseEmployment.industry },
    { name: "employment", type: "number", values: panel.baseEmployment.employment },
  ];
}

/**
 * NBER-CES-like US productivity for the NAICS industry matched to each CIC industry (none for an
 * industry without a match; its draws are still made, so the other industries' rows do not move).
 * @example const cols = nberCesColumns(seed, panel.years);
 */
export function nberCesColumns(seed: number, years: readonly number[]): GeneratedColumn[] {
  const rng = streamRng(seed, "nber");
  const naics: string[] = [];
  const cic: string[] = [];
  const year: number[] = [];
  const emp: number[] = [];
  const vadd: number[] = [];
  for (const ind of CIC_INDUSTRIES) {
    const emp0 = 10 + 140 * rng.next();
    const lp0 = Math.log(120) + normal(rng, 0, 0.25); // thousand dollars per worker
    const g = 0.02 + 0.02 * rng.next();
    years.forEach((y, t) => {
      const e = Math.round(emp0 * Math.exp(-0.015 * t + normal(rng, 0, 0.02)) * 10) / 10;
      const lnVadd = lp0 + g * t + normal(rng, 0, 0.03);
      if (ind.naics === null) return;
      naics.push(ind.naics);
      cic.push(ind.cic4);
      year.push(y);
      emp.push(e);
      vadd.push(Math.round(e * Math.exp(lnVadd) * 10) / 10);
    });
  }
  return [
    { name: "naics", type: "string", values: naics },
    { name: "cic4", type: "string", values: cic },
    { name: "year", type: "integer", values: year },
    { name: "emp", type: "number", values: emp },
    { name: "vadd", type: "number", values: vadd },
  ];
}

/**
 * BEC capital-goods shares of every HS6 heading the customs data use.
 * @example const cols = becColumns();
 */
export function becColumns(): GeneratedColumn[] {
  const shares = new Map<string, number>();
  for (const c of DEFAULT_CONFIG.robotCodes) shares.set(c.slice(0, 6), ROBOT_CAPITAL_SHARE);
  for (const c of DEFAULT_CONFIG.partCodes) shares.set(c.slice(0, 6), PART_CAPITAL_SHARE);
  for (const p of [...INTERMEDIATE_CODES, ...otherProducts()]) shares.set(p.hs8.slice(0, 6), p.capitalShare);
  const hs6 = [...shares.keys()].sort();
  return [
    { name: "hs6", type: "string", values: hs6 },
    { name: "capital_share", type: "number", values: hs6.map((h) => shares.get(h) as number) },
  ];
}
