/**
 * Customs rows tied to the outcome equations: robot-part imports of the part-importing ASIE firms,
 * exports and intermediate imports of exporting component makers (their domestic value-added ratio
 * follows from them: part of each intermediate import is declared by a trading company of the city,
 * at the product's intermediary share, and some makers also import equipment under 来料加工装配进口的
 * 设备, a capital good outside the ratio), and robot-part imports of trading companies by city.
 */
import { DEFAULT_CONFIG } from "../config.js";
import { cnyPerUsd } from "../exchange-rates.js";
import { normal, pick } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import type { AsiePanel } from "./asie-panel.js";
import type { CityPanel } from "./city-panel.js";
import { type CustomsRows, customsCode, DESTINATIONS, ORIGINS, splitAmount } from "./customs-rows.js";
import type { Firms } from "./firms.js";
import { CUSTOMS_NOISE, sourceName } from "./name-noise.js";
import { EQUIPMENT_CODES, INTERMEDIATE_CODES } from "./hs-codes.js";
import type { Outcomes } from "./outcomes.js";
import { PARAMS } from "./parameters.js";

/**
 * Append the part imports, component makers' trade and traders' part imports to `rows`.
 * @example firmTradeRows(seed, firms, panel, asie, outcomes, shares.share, rows);
 */
export function firmTradeRows(
  seed: number,
  firms: Firms,
  panel: CityPanel,
  asie: AsiePanel,
  out: Outcomes,
  share: Float64Array,
  rows: CustomsRows,
): void {
  const rng = streamRng(seed, "customs/firms");
  const noise = streamRng(seed, "customs/name-noise");
  // A stream of its own for the intermediaries and equipment, so the other rows keep their draws.
  const design = streamRng(seed, "customs/dvar-design");
  const { cities } = panel;
  const traders: number[][] = cities.map(() => []);
  for (let i = 0; i < firms.n; i++) if (firms.kind[i] === "trader") traders[firms.city[i]].push(i);
  // Intermediaries: the traders whose names say so (进出口, 贸易, …, as the pipeline recognises them).
  const words = DEFAULT_CONFIG.intermediaryWords;
  const intermediaries = traders.map((list) =>
    list.filter((i) => words.some((w) => firms.name[i].name.includes(w))),
  );
  const parts = DEFAULT_CONFIG.partCodes;
  const rates = DEFAULT_CONFIG.cnyPerUsd;
  for (let k = 0; k < asie.n; k++) {
    if (!(out.partImports[k] > 0) && Number.isNaN(out.dvar[k])) continue;
    const i = asie.firm[k];
    const year = asie.year[k];
    const city = cities[firms.city[i]];
    const usdPerThousandCny = 1000 / cnyPerUsd(year, rates);
    const base = {
      year,
      firmCode: customsCode(city.code, i),
      city: rng.next() < 0.9 ? city.name : city.short,
    };
    if (out.partImports[k] > 0) {
      const pieces = splitAmount(() => rng.next(), out.partImports[k] * usdPerThousandCny, 1 + rng.int(3));
      for (const v of pieces) {
        rows.push({
          ...base,
          firmName: sourceName(rng, noise, firms.name[i], city, 0.3, year, CUSTOMS_NOISE),
          flow: "进口",
          hs8: pick(rng, parts),
          tradeMode: rng.next() < 0.8 ? "一般贸易" : "进料加工贸易",
          country: pick(rng, ORIGINS),
          valueUsd: v,
          quantity: v / (200 + 800 * rng.next()),
        });
      }
    }
    if (!Number.isNaN(out.dvar[k])) {
      const sales = asie.sales[k];
      const exportsUsd = out.exportShare[k] * sales * usdPerThousandCny;
      for (const v of splitAmount(() => rng.next(), exportsUsd, 1 + rng.int(2))) {
        rows.push({
          ...base,
          firmName: sourceName(rng, noise, firms.name[i], city, 0.3, year, CUSTOMS_NOISE),
          flow: "出口",
          hs8: pick(rng, parts),
          tradeMode: "一般贸易",
          country: pick(rng, DESTINATIONS),
          valueUsd: v,
          quantity: v / (300 + 900 * rng.next()),
        });
      }
      const importsUsd = (1 - out.dvar[k]) * sales * usdPerThousandCny;
      const local = intermediaries[firms.city[i]];
      for (const v of splitAmount(() => rng.next(), importsUsd, 1 + rng.int(3))) {
        const product = pick(rng, INTERMEDIATE_CODES);
        const direct = v * (1 - product.intermediaryShare);
        const quantity = v / (5 + 20 * rng.next());
        rows.push({
          ...base,
          firmName: sourceName(rng, noise, firms.name[i], city, 0.3, year, CUSTOMS_NOISE),
          flow: "进口",
          hs8: product.hs8,
          tradeMode: "一般贸易",
          country: pick(rng, ORIGINS),
          valueUsd: direct,
          quantity: quantity * (1 - product.intermediaryShare),
        });
        const f = local.length ? pick(design, local) : -1;
        rows.push({
          year,
          firmCode: customsCode(city.code, f < 0 ? 88888 : f),
          firmName: f < 0 ? `${city.short}五金矿产进出口有限公司` : firms.name[f].name,
          city: city.name,
          flow: "进口",
          hs8: product.hs8,
          tradeMode: "一般贸易",
          country: pick(design, ORIGINS),
          valueUsd: v * product.intermediaryShare,
          quantity: quantity * product.intermediaryShare,
        });
      }
      if (design.next() < 0.3) {
        rows.push({
          ...base,
          firmName: firms.name[i].name,
          flow: "进口",
          hs8: pick(design, EQUIPMENT_CODES),
          tradeMode: "来料加工装配进口的设备",
          country: pick(design, ORIGINS),
          valueUsd: (0.02 + 0.08 * design.next()) * sales * usdPerThousandCny,
          quantity: 1 + design.int(3),
        });
      }
    }
  }
  // Trading companies import parts too: in proportion to the local upstream makers' sales, more where
  // more robots are imported (the imported share of parts rises with robot imports).
  const T = panel.years.length;
  const upstreamSales = new Float64Array(cities.length * T);
  for (let k = 0; k < asie.n; k++) {
    if (firms.kind[asie.firm[k]] === "upstream") upstreamSales[asie.cityYear[k]] += asie.sales[k];
  }
  const tp = PARAMS.traderParts;
  cities.forEach((city, j) => {
    for (let t = 0; t < T; t++) {
      const cy = j * T + t;
      if (!(upstreamSales[cy] > 0)) continue;
      const year = panel.years[t];
      const thousandCny =
        tp.scale * upstreamSales[cy] * Math.exp(tp.beta * share[cy] + normal(rng, 0, tp.sigma));
      const f = traders[j].length ? pick(rng, traders[j]) : -1;
      rows.push({
        year,
        firmCode: customsCode(city.code, f < 0 ? 77777 : f),
        firmName: f < 0 ? `${city.short}机电设备进出口有限公司` : firms.name[f].name,
        city: city.name,
        flow: "进口",
        hs8: pick(rng, parts),
        tradeMode: "一般贸易",
        country: pick(rng, ORIGINS),
        valueUsd: (thousandCny * 1000) / cnyPerUsd(year, rates),
        quantity: 100,
      });
    }
  });
}
