/**
 * Study B — robot adoption, TFP and the divergence of productivity across economies (Wang & Liu):
 * the raw-source schema, the synthetic twin and the pipeline to Tables 1–9 and Figures 1–5.
 */
import { synthTfpDivergence } from "./synth/synth.js";
import type { Study } from "../types.js";
import { runTfpDivergence } from "./run.js";
import { schema } from "./schema.js";

/** Study B. */
export const study: Study = {
  id: "tfp-divergence",
  schema,
  synth: synthTfpDivergence,
  run: runTfpDivergence,
};
