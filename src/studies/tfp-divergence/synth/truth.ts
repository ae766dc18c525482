/**
 * truth.json of study B: the DGP's parameters and design, the value the baseline 2SLS columns are
 * consistent for, the direction of the OLS bias, and the signs the DGP builds into the other
 * tables (whose estimators have no single consistent target: OLS with endogenous robots,
 * divergence outcomes, split samples by estimated TFP).
 */
import type { DataSession } from "../../../io/session.js";
import { registerSources } from "../../sources.js";
import { buildPanels, type Panels } from "../panels.js";
import { schema } from "../schema.js";
import type { Scale, Truth } from "../../types.js";
import { designWeight } from "./design-weights.js";
import { inferenceEffects } from "./inference-truth.js";
import type { Generated } from "./generate.js";
import { PARAMS } from "./params.js";
import { BIASED, SIGNS } from "./truth-signs.js";

/**
 * Read the written sources back, rebuild the panels as the pipeline does, and assemble the truth.
 * @example const truth = await buildTruth(session, generated, files, 42, "tiny");
 */
export async function buildTruth(
  session: DataSession,
  g: Generated,
  files: Readonly<Record<string, string>>,
  seed: number,
  scale: Scale,
): Promise<Truth> {
  const sources = Object.fromEntries(Object.entries(files).map(([name, path]) => [name, { path }]));
  await registerSources(session, schema, sources);
  return truthFromPanels(g, await buildPanels(session, () => {}), seed, scale);
}

/**
 * The truth of a generated world given the panels the pipeline builds from its sources.
 * @example const truth = truthFromPanels(generated, panels, 42, "tiny");
 */
export function truthFromPanels(g: Generated, panels: Panels, seed: number, scale: Scale): Truth {
  const w = g.world;
  const wCountry = designWeight(panels.country.frame, "country", w, w.highCountry.high);
  const wIndustry = designWeight(panels.industry.frame, "industry", w, w.highIndustry.high);
  const C = PARAMS.country;
  const I = PARAMS.industry;
  const names = (list: readonly number[], high: Uint8Array, v: number) =>
    list.filter((e) => high[e] === v).map((e) => w.econ[e].iso3);
  const twins = (group: Int32Array, members: readonly number[]) =>
    Object.fromEntries(
      members.map((e) => [
        w.econ[e].iso3,
        members.filter((f) => f !== e && group[f] === group[e]).map((f) => w.econ[f].iso3),
      ]),
    );
  return {
    study: "tfp-divergence",
    seed,
    scale,
    parameters: {
      ...PARAMS,
      design: {
        country_high: names(w.ifr, w.highCountry.high, 1),
        country_low: names(w.ifr, w.highCountry.high, 0),
        industry_high: names(w.panel, w.highIndustry.high, 1),
        industry_low: names(w.panel, w.highIndustry.high, 0),
        ts_twins: twins(w.tsGroup, w.ifr),
        tl_twins: twins(w.tlGroup, w.panel),
        proxy: g.manuf.proxy,
      },
      estimands: {
        note: "Pooled 2SLS of Table 3 = betaLow + betaHigh * w, w = the 2SLS coefficient of Exposure*High(design) on Exposure with the same instruments, controls and fixed effects.",
        w_country: wCountry,
        w_industry: wIndustry,
      },
    },
    effects: {
      "table3.2.Exposure": C.betaLow + C.betaHigh * wCountry,
      "table3.5.Exposure": I.betaLow + I.betaHigh * wIndustry,
      ...inferenceEffects(C.betaLow + C.betaHigh * wCountry, I.betaLow + I.betaHigh * wIndustry),
    },
    biased: BIASED,
    signs: SIGNS,
  };
}
