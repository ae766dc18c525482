/**
 * Robot imports in the customs data: each city-year's imports (set by the endogenous demand) split
 * over the importing firms of the city, HS8 robot codes, trade modes and origins; a small part
 * without a recorded city; some robot exports (which the pipeline must ignore). The robot share of
 * every city-year is then computed from the written rows, exactly as the pipeline computes it.
 */
import { DEFAULT_CONFIG } from "../config.js";
import { pick, poisson } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import type { CityPanel } from "./city-panel.js";
import { type CustomsRows, customsCode, ORIGINS, splitAmount } from "./customs-rows.js";
import { type Firms, inAsie } from "./firms.js";
import { nameVariant } from "./firm-names.js";
import { PARAMS } from "./parameters.js";

/** Robot shares by city-year as the pipeline computes them from the customs rows. */
export interface RobotShares {
  /** robot_jt: city imports / national imports (all robot import rows, with or without a city). */
  readonly share: Float64Array;
  /** National robot imports by year (cents). */
  readonly nationalCents: Float64Array;
}

/**
 * Append the robot rows to `rows` and return the robot shares they imply.
 * @example const shares = robotImportRows(seed, panel, firms, rows);
 */
export function robotImportRows(
  seed: number,
  panel: CityPanel,
  firms: Firms,
  rows: CustomsRows,
): RobotShares {
  const rng = streamRng(seed, "customs/robots");
  const { cities, years } = panel;
  const T = years.length;
  const J = cities.length;
  const codes = DEFAULT_CONFIG.robotCodes;
  const processingModes = DEFAULT_CONFIG.processingModes;
  const [n0, n1] = PARAMS.imports.national;
  // Candidate importers: the non-upstream ASIE firms of each city.
  const byCity: number[][] = cities.map(() => []);
  for (let i = 0; i < firms.n; i++) if (firms.kind[i] === "downstream") byCity[firms.city[i]].push(i);
  const cityCents = new Float64Array(J * T);
  const nationalCents = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    const year = years[t];
    const national = n0 * (n1 / n0) ** (t / (T - 1));
    for (let j = 0; j < J; j++) {
      const k = j * T + t;
      const amount = national * panel.demand[k];
      const present = byCity[j].filter((i) => inAsie(firms, i, year));
      const nImp = Math.max(1, Math.min(present.length, 1 + poisson(rng, 1.5 * Math.sqrt(cities[j].size))));
      const parts = splitAmount(() => rng.next(), amount, nImp);
      for (let m = 0; m < nImp; m++) {
        let firmName: string;
        let code: string;
        if (present.length > 0) {
          const f = present[rng.int(present.length)];
          firmName = nameVariant(rng, firms.name[f], cities[j], 0.3);
          code = customsCode(cities[j].code, f);
        } else {
          firmName = `${cities[j].short}机器人系统集成有限公司`;
          code = customsCode(cities[j].code, 99999);
        }
        const processing = parts[m] * panel.processingShare[k];
        const pieces: [string, number][] = [
          ["一般贸易", parts[m] - processing],
          [pick(rng, processingModes), processing],
        ];
        for (const [mode, value] of pieces) {
          const written = rows.push({
            year,
            firmCode: code,
            firmName,
            city: rng.next() < 0.85 ? cities[j].name : cities[j].short,
            flow: "进口",
            hs8: pick(rng, codes),
            tradeMode: mode,
            country: pick(rng, ORIGINS),
            valueUsd: value,
            quantity: value / (30000 + 40000 * rng.next()),
          });
          cityCents[k] += Math.round(written * 100);
          nationalCents[t] += Math.round(written * 100);
        }
      }
      // A few robot exports (re-exports of integrators), which are not imports.
      if (rng.next() < 0.1) {
        rows.push({
          year,
          firmCode: customsCode(cities[j].code, 88888),
          firmName: `${cities[j].short}智能装备进出口有限公司`,
          city: cities[j].name,
          flow: "出口",
          hs8: pick(rng, codes),
          tradeMode: "一般贸易",
          country: pick(rng, ORIGINS),
          valueUsd: amount * 0.2,
          quantity: 1 + rng.int(5),
        });
      }
    }
    // Imports whose city is not recorded still count in the national total.
    const unknown = rows.push({
      year,
      firmCode: customsCode("0000", t),
      firmName: "境外机器人贸易代理有限公司",
      city: "",
      flow: "进口",
      hs8: pick(rng, codes),
      tradeMode: "一般贸易",
      country: pick(rng, ORIGINS),
      valueUsd: national * PARAMS.imports.unknownCityShare,
      quantity: 5,
    });
    nationalCents[t] += Math.round(unknown * 100);
  }
  const share = new Float64Array(J * T);
  for (let j = 0; j < J; j++)
    for (let t = 0; t < T; t++) share[j * T + t] = cityCents[j * T + t] / nationalCents[t];
  return { share, nationalCents };
}
