/**
 * The generated world as the five raw source tables of study B (STUDIES.md B.1), as frames with
 * the canonical column names of the schema.
 */
import { type Frame, frameFromArrays } from "../../../frame/frame.js";
import { IFR_CODES, INDUSTRY_CODES } from "../sectors.js";
import type { Generated } from "./generate.js";
import { COUNTRY_YEARS, ROBOT_YEARS, WIOD_YEARS } from "./params.js";

/** The source tables by canonical name. */
export type SourceFrames = Readonly<Record<"ifr" | "pwt" | "wiod_sea" | "wdi" | "china_labour", Frame>>;

/**
 * Assemble the source tables of a generated world.
 * @example const frames = sourceFrames(generateWorld(1, "tiny"));
 */
export function sourceFrames(g: Generated): SourceFrames {
  return {
    ifr: ifrFrame(g),
    pwt: pwtFrame(g),
    wiod_sea: wiodFrame(g),
    wdi: wdiFrame(g),
    china_labour: chinaFrame(g),
  };
}

function ifrFrame(g: Generated): Frame {
  const { world, robots } = g;
  const iso3: string[] = [];
  const industry: string[] = [];
  const year: number[] = [];
  const inst: number[] = [];
  const stock: number[] = [];
  const T = world.robotYears;
  for (const e of world.ifr) {
    IFR_CODES.forEach((code, j) => {
      for (let y = ROBOT_YEARS.reportFirst; y <= ROBOT_YEARS.last; y++) {
        const i = (e * IFR_CODES.length + j) * T + (y - ROBOT_YEARS.first);
        iso3.push(world.econ[e].iso3);
        industry.push(code);
        year.push(y);
        inst.push(robots.installations[i]);
        stock.push(robots.stock[i]);
      }
    });
  }
  return frameFromArrays({ iso3, industry, year, installations: inst, stock }, "ifr");
}

function pwtFrame(g: Generated): Frame {
  const { world, basics, country } = g;
  const cols = {
    iso3: [] as string[],
    country: [] as string[],
    year: [] as number[],
    ctfp: [] as number[],
    rtfpna: [] as number[],
    hc: [] as number[],
    rgdpna: [] as number[],
    rgdpo: [] as number[],
    pop: [] as number[],
    emp: [] as number[],
  };
  world.econ.forEach((eco, e) => {
    for (let t = 0; t < basics.years; t++) {
      const i = e * basics.years + t;
      const rgdpna = Math.exp(basics.lnprgdp[i]) * basics.pop[i];
      cols.iso3.push(eco.iso3);
      cols.country.push(eco.en);
      cols.year.push(COUNTRY_YEARS.first + t);
      cols.ctfp.push(country.ctfp[i]);
      cols.rtfpna.push(country.rtfpna[i]);
      cols.hc.push(basics.hc[i]);
      cols.rgdpna.push(rgdpna);
      cols.rgdpo.push(rgdpna * basics.rgdpoFactor[e]);
      cols.pop.push(basics.pop[i]);
      cols.emp.push(basics.emp[i]);
    }
  });
  return frameFromArrays(cols, "pwt");
}

function wdiFrame(g: Generated): Frame {
  const { world, basics } = g;
  const cols = {
    iso3: [] as string[],
    year: [] as number[],
    fdi: [] as number[],
    internet: [] as number[],
    services_va: [] as number[],
    industry_va: [] as number[],
  };
  world.econ.forEach((eco, e) => {
    for (let t = 0; t < basics.years; t++) {
      const i = e * basics.years + t;
      cols.iso3.push(eco.iso3);
      cols.year.push(COUNTRY_YEARS.first + t);
      cols.fdi.push(basics.fdi[i]);
      cols.internet.push(basics.internet[i]);
      cols.services_va.push(basics.servicesPct[i]);
      cols.industry_va.push(basics.industryPct[i]);
    }
  });
  return frameFromArrays(cols, "wdi");
}

function wiodFrame(g: Generated): Frame {
  const { world, manuf, others } = g;
  const cols = {
    iso3: [] as string[],
    sector: [] as string[],
    year: [] as number[],
    va: [] as number[],
    go: [] as number[],
    ii: [] as number[],
    emp: [] as (number | null)[],
    empe: [] as (number | null)[],
    h_empe: [] as (number | null)[],
    k: [] as number[],
  };
  const push = (
    e: number,
    sector: string,
    year: number,
    v: { va: number; go: number; ii: number; emp: number; hpw: number; k: number },
  ) => {
    const china = world.econ[e].iso3 === "CHN";
    const employees = v.emp * employeeShare(world.econ[e].tfp);
    cols.iso3.push(world.econ[e].iso3);
    cols.sector.push(sector);
    cols.year.push(year);
    cols.va.push(v.va);
    cols.go.push(v.go);
    cols.ii.push(v.ii);
    cols.emp.push(china ? null : v.emp);
    cols.empe.push(china ? null : employees);
    cols.h_empe.push(china ? null : (employees * v.hpw * 52) / 1000);
    cols.k.push(v.k);
  };
  const M = INDUSTRY_CODES.length;
  for (const e of world.wiod) {
    INDUSTRY_CODES.forEach((code, j) => {
      for (let t = 0; t < manuf.years; t++) {
        const i = (e * M + j) * manuf.years + t;
        push(e, code, WIOD_YEARS.first + t, {
          va: manuf.va[i],
          go: manuf.go[i],
          ii: manuf.ii[i],
          emp: manuf.emp[i],
          hpw: manuf.hoursPerWeek[i],
          k: manuf.k[i],
        });
      }
    });
  }
  for (const r of others) push(r.e, r.sector, r.year, { ...r, hpw: r.hoursPerWeek });
  return frameFromArrays(cols, "wiod_sea");
}

/**
 * Employees' share of persons engaged (the rest are self-employed), higher where TFP is higher;
 * the generated weekly hours are per employee.
 */
function employeeShare(tfp: number): number {
  return Math.min(0.97, 0.7 + 0.25 * tfp);
}

function chinaFrame(g: Generated): Frame {
  const { world, manuf, others } = g;
  const cols = {
    sector: [] as string[],
    year: [] as number[],
    emp: [] as number[],
    hours_per_week: [] as number[],
  };
  const e = world.econ.findIndex((x) => x.iso3 === "CHN");
  if (e >= 0 && world.wiod.includes(e)) {
    const M = INDUSTRY_CODES.length;
    INDUSTRY_CODES.forEach((code, j) => {
      for (let t = 0; t < manuf.years; t++) {
        const i = (e * M + j) * manuf.years + t;
        cols.sector.push(code);
        cols.year.push(WIOD_YEARS.first + t);
        cols.emp.push(manuf.emp[i]);
        cols.hours_per_week.push(manuf.hoursPerWeek[i]);
      }
    });
    for (const r of others) {
      if (r.e !== e) continue;
      cols.sector.push(r.sector);
      cols.year.push(r.year);
      cols.emp.push(r.emp);
      cols.hours_per_week.push(r.hoursPerWeek);
    }
  }
  return frameFromArrays(cols, "china_labour");
}
