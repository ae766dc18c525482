/**
 * truth.json of study B: the DGP's parameters and design, the value every printed coefficient of
 * Tables 2–9 targets (`effects`, see estimands.ts), the OLS columns inconsistent by design
 * (`biased`), the printed coefficients without a target (`untargeted`, the first stages) and the
 * signs the DGP builds into those.
 */
import type { DataSession } from "../../../io/session.js";
import { registerSources } from "../../sources.js";
import { buildPanels, type Panels } from "../panels.js";
import { schema } from "../schema.js";
import type { Scale, Truth } from "../../types.js";
import { designWeight } from "./design-weights.js";
import { INFERENCE_UNTARGETED, inferenceEffects } from "./inference-truth.js";
import type { Generated } from "./generate.js";
import { PARAMS } from "./params.js";
import { estimands } from "./estimands.js";
import { SIGNS } from "./truth-signs.js";

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
  const targets = estimands(g, panels);
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
        note: "effects: each column's estimator applied to its outcome without the TFP shock, the value-added noise and RE's capital-growth noise, on the pipeline's panels (estimands.ts). w_*: the pooled 2SLS of Table 3 weighs the High group's extra effect by w (the 2SLS coefficient of Exposure*High(design) on Exposure).",
        w_country: wCountry,
        w_industry: wIndustry,
      },
    },
    effects: {
      ...targets.effects,
      // The inference table's headline columns share Table 3's estimands (inference-truth.ts).
      ...inferenceEffects(targets.effects["table3.2.Exposure"], targets.effects["table3.5.Exposure"]),
    },
    biased: targets.biased,
    untargeted: { ...targets.untargeted, ...INFERENCE_UNTARGETED },
    signs: SIGNS,
  };
}
