/**
 * Industry TFP by Levinsohn–Petrin (value added on labour and capital, intermediate inputs as the
 * proxy), one production function for manufacturing, on the economy-industry-year panel.
 */
import type { Frame } from "../../frame/frame.js";
import { type LevinsohnPetrinResult, levinsohnPetrin } from "../../measures/index.js";
import { cat, mapColumns, num } from "./frame-columns.js";

/**
 * Economy × industry unit ids (dense, from the two categorical codes).
 * @example const id = unitIds(frame);
 */
export function unitIds(frame: Frame): Int32Array {
  const iso3 = cat(frame, "iso3");
  const industry = cat(frame, "industry");
  const L = industry.levels.length;
  return Int32Array.from(iso3.codes, (c, i) =>
    c < 0 || industry.codes[i] < 0 ? -1 : c * L + industry.codes[i],
  );
}

/**
 * Estimate LP on the panel frame (columns va, emp, k, ii, year); ln TFP per row in `tfp`.
 * @example const lp = industryTfp(frame); lp.tfp;
 */
export function industryTfp(frame: Frame): LevinsohnPetrinResult {
  return levinsohnPetrin(
    {
      va: mapColumns([num(frame, "va")], Math.log),
      labor: mapColumns([num(frame, "emp")], Math.log),
      capital: mapColumns([num(frame, "k")], Math.log),
      proxy: mapColumns([num(frame, "ii")], Math.log),
      id: unitIds(frame),
      time: num(frame, "year"),
    },
    { reps: 0 },
  );
}
