/**
 * The WIOD sectors outside the 14 manufacturing industries (2000–2014). Secondary sectors scale with
 * manufacturing value added; the tertiary total is set so that tertiary / secondary value added
 * equals the economy's TS index exactly; agriculture's employment share moves with the economy's
 * TL factor (a low-productivity sector gaining or losing workers moves the Theil index, eq. 15).
 */
import { SECTORS } from "../sectors.js";
import { normal } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import type { CountryBasics } from "./country-basics.js";
import type { Manufacturing } from "./manufacturing.js";
import { COUNTRY_YEARS, PARAMS, ROBOT_YEARS, WIOD_YEARS } from "./params.js";
import type { World } from "./world.js";

/** Per non-manufacturing sector: VA relative to manufacturing (secondary) or share of the tertiary total,
 * labour productivity relative to manufacturing, VA share of output, capital-VA ratio, hours factor. */
const PROFILE: Readonly<
  Record<string, { rel: number; prod: number; vaShare: number; kv: number; hours: number }>
> = {
  A: { rel: 0, prod: 0, vaShare: 0.55, kv: 2.5, hours: 1.05 },
  B: { rel: 0.12, prod: 3, vaShare: 0.5, kv: 3, hours: 1.0 },
  "C19-C20": { rel: 0.1, prod: 2.5, vaShare: 0.25, kv: 2, hours: 1.0 },
  C33: { rel: 0.04, prod: 0.8, vaShare: 0.35, kv: 1.2, hours: 1.0 },
  "D-E": { rel: 0.12, prod: 3, vaShare: 0.4, kv: 5, hours: 0.98 },
  F: { rel: 0.3, prod: 0.7, vaShare: 0.35, kv: 0.8, hours: 1.02 },
  G: { rel: 0.18, prod: 0.6, vaShare: 0.6, kv: 1.2, hours: 0.95 },
  H: { rel: 0.08, prod: 0.9, vaShare: 0.5, kv: 3, hours: 1.05 },
  I: { rel: 0.05, prod: 0.4, vaShare: 0.5, kv: 1.2, hours: 0.9 },
  J: { rel: 0.07, prod: 1.5, vaShare: 0.55, kv: 1.5, hours: 0.98 },
  K: { rel: 0.1, prod: 2, vaShare: 0.6, kv: 0.8, hours: 0.98 },
  "L-N": { rel: 0.27, prod: 1.2, vaShare: 0.6, kv: 6, hours: 0.95 },
  "O-U": { rel: 0.25, prod: 0.7, vaShare: 0.65, kv: 2, hours: 0.92 },
};

/** One generated non-manufacturing row. */
export interface SectorRow {
  readonly e: number;
  readonly sector: string;
  readonly year: number;
  readonly va: number;
  readonly go: number;
  readonly ii: number;
  readonly emp: number;
  readonly hoursPerWeek: number;
  readonly k: number;
}

/**
 * Generate the non-manufacturing sectors of every WIOD economy.
 * @example const rows = otherSectors(world, basics, manuf);
 */
export function otherSectors(world: World, basics: CountryBasics, manuf: Manufacturing): SectorRow[] {
  const rng = streamRng(world.seed, "tfp/other-sectors");
  const M = 14;
  const Y = manuf.years;
  const secondary = SECTORS.filter((s) => s.cls === 2 && s.code in PROFILE);
  const tertiary = SECTORS.filter((s) => s.cls === 3);
  const rows: SectorRow[] = [];
  for (const e of world.wiod) {
    const eco = world.econ[e];
    const relEco = Object.fromEntries(
      Object.keys(PROFILE).map((code) => [code, Math.exp(normal(rng, 0, code === "B" ? 0.6 : 0.2))]),
    );
    const prodEco = Object.fromEntries(
      Object.keys(PROFILE).map((code) => [code, Math.exp(normal(rng, 0, 0.1))]),
    );
    const agriEmp0 = 0.03 + 0.6 * Math.max(0, 1 - eco.tfp) ** 2;
    const hoursEco = 41 - 6 * (eco.tfp - 0.65) + normal(rng, 0, 1.5);
    for (let t = 0; t < Y; t++) {
      const year = WIOD_YEARS.first + t;
      const b = e * basics.years + (year - COUNTRY_YEARS.first);
      let vaM = 0;
      let empM = 0;
      for (let j = 0; j < M; j++) {
        vaM += manuf.va[(e * M + j) * Y + t];
        empM += manuf.emp[(e * M + j) * Y + t];
      }
      const prodM = vaM / empM;
      const va: Record<string, number> = {};
      let sec = vaM;
      for (const s of secondary) {
        va[s.code] = vaM * PROFILE[s.code].rel * relEco[s.code] * Math.exp(normal(rng, 0, 0.02));
        sec += va[s.code];
      }
      const ter = basics.ts[b] * sec;
      const w = tertiary.map((s) => PROFILE[s.code].rel * relEco[s.code] * Math.exp(normal(rng, 0, 0.01)));
      const wsum = w.reduce((x, y) => x + y, 0);
      tertiary.forEach((s, k) => {
        va[s.code] = (ter * w[k]) / wsum;
      });
      const agri = basics.agriShare[b];
      va.A = (agri / (1 - agri)) * (sec + ter);
      const emp: Record<string, number> = {};
      let nonAgri = empM;
      for (const code of Object.keys(va)) {
        if (code === "A") continue;
        emp[code] = va[code] / (PROFILE[code].prod * prodEco[code] * prodM);
        nonAgri += emp[code];
      }
      const f = world.factorTL[world.tlGroup[e] * world.robotYears + (year - ROBOT_YEARS.first)];
      const agriShare = Math.min(0.7, agriEmp0 * Math.exp(PARAMS.structure.loadTL * f - 0.005 * t));
      emp.A = (agriShare / (1 - agriShare)) * nonAgri;
      for (const code of Object.keys(va)) {
        const p = PROFILE[code];
        const go = va[code] / p.vaShare;
        rows.push({
          e,
          sector: code,
          year,
          va: va[code],
          go,
          ii: go - va[code],
          emp: emp[code],
          hoursPerWeek: hoursEco * p.hours * Math.exp(normal(rng, 0, 0.01)),
          k: va[code] * p.kv,
        });
      }
    }
  }
  return rows;
}
