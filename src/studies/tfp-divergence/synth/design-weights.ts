/**
 * The estimand of the pooled 2SLS of Table 3 under heterogeneous effects. With
 * y = (βlow + βhigh·High)·Exposure + …, the 2SLS coefficient on Exposure equals
 * βlow + βhigh·w + (sampling error), where w = Σ ẑ·(Exposure·High) / Σ ẑ·Exposure is the
 * coefficient of the same 2SLS with Exposure·High as the outcome (ẑ the first-stage fitted
 * values, residualised on the controls and fixed effects). w is computed on the generated data
 * with the pipeline's own panels, instruments, controls and fixed effects.
 */
import { feols } from "../../../estimate/feols.js";
import type { Frame } from "../../../frame/frame.js";
import { cat, num, withColumns } from "../frame-columns.js";
import { baseline2sls, VCOV } from "../formulas.js";
import type { World } from "./world.js";

/**
 * w for a panel frame given the design High of every economy (by ISO3).
 * @example designWeight(panels.country.frame, "country", world, world.highCountry.high);
 */
export function designWeight(
  frame: Frame,
  panel: "country" | "industry",
  world: World,
  high: Uint8Array,
): number {
  const iso3 = cat(frame, "iso3");
  const index = new Map(world.econ.map((e, i) => [e.iso3, i]));
  const levelHigh = iso3.levels.map((lv) => {
    const e = index.get(lv);
    if (e === undefined)
      throw new Error(`synth tfp-divergence: the panel has an economy ${lv} the design does not know`);
    return high[e];
  });
  const exposure = num(frame, "Exposure");
  const design = Float64Array.from(iso3.codes, (c, i) => exposure[i] * levelHigh[c]);
  const result = feols(
    withColumns(frame, { ExposureHigh_design: design }),
    baseline2sls(panel, "ExposureHigh_design"),
    {
      vcov: VCOV,
    },
  );
  const row = result.coefficients.find((c) => c.term === "Exposure");
  if (!row) throw new Error("synth tfp-divergence: the design-weight regression has no Exposure coefficient");
  return row.estimate;
}
