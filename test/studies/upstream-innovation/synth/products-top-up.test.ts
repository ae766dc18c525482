import { describe, expect, it } from "vitest";
import { streamRng } from "../../../../src/synth/rng.js";
import { buildAsiePanel } from "../../../../src/studies/upstream-innovation/synth/asie-panel.js";
import { buildCityPanel } from "../../../../src/studies/upstream-innovation/synth/city-panel.js";
import { CustomsRows } from "../../../../src/studies/upstream-innovation/synth/customs-rows.js";
import { buildFirms } from "../../../../src/studies/upstream-innovation/synth/firms.js";
import {
  provinceShortName,
  selectCities,
} from "../../../../src/studies/upstream-innovation/synth/geography.js";
import { buildOutcomes, type Outcomes } from "../../../../src/studies/upstream-innovation/synth/outcomes.js";
import { PARAMS } from "../../../../src/studies/upstream-innovation/synth/parameters.js";
import { PROVINCES } from "../../../../src/studies/upstream-innovation/synth/places-data.js";
import { robotImportRows } from "../../../../src/studies/upstream-innovation/synth/robot-imports.js";
import { scaleSpec } from "../../../../src/studies/upstream-innovation/synth/scale.js";

/** The outcomes of seed 1's tiny world with the products' top-up share set to `topUp`. */
function outcomesWith(topUp: number) {
  const seed = 1;
  const spec = scaleSpec("tiny");
  const cities = selectCities(streamRng(seed, "cities"), spec.cities);
  const places = PROVINCES.flatMap((p) => [provinceShortName(p.name), ...p.cities.map((c) => c[1])]);
  const firms = buildFirms(seed, spec, cities, places);
  const panel = buildCityPanel(seed, cities, firms);
  const shares = robotImportRows(seed, panel, firms, new CustomsRows());
  const asie = buildAsiePanel(seed, firms, panel);
  const products = PARAMS.products as { topUpShare: number };
  const kept = products.topUpShare;
  products.topUpShare = topUp;
  try {
    return { firms, asie, out: buildOutcomes(seed, firms, panel, asie, shares.share) };
  } finally {
    products.topUpShare = kept;
  }
}

describe("study A's products (Table 4 (3), lnn)", () => {
  it("tops up the recorded firm-years on a stream of its own: every other outcome is unchanged, and the recorded share is recordedShare + (1 − recordedShare)·topUpShare", () => {
    const base = outcomesWith(0);
    const top = outcomesWith(0.2);
    const keys = Object.keys(base.out) as (keyof Outcomes)[];
    for (const k of keys.filter((k) => k !== "products"))
      expect(Array.from(top.out[k]), `${k} moved with the products' top-up`).toEqual(Array.from(base.out[k]));
    let upstream = 0;
    let [recorded0, recorded1] = [0, 0];
    for (let r = 0; r < base.asie.n; r++) {
      if (base.firms.kind[base.asie.firm[r]] !== "upstream") continue;
      upstream += 1;
      if (base.out.products[r] > 0) {
        recorded0 += 1;
        // A firm-year recorded without the top-up stays recorded with it.
        expect(top.out.products[r], `row ${r}`).toBeGreaterThan(0);
      }
      if (top.out.products[r] > 0) recorded1 += 1;
    }
    const p = PARAMS.products.recordedShare;
    const se = (q: number) => 3 * Math.sqrt((q * (1 - q)) / upstream);
    expect(Math.abs(recorded0 / upstream - p)).toBeLessThan(se(p));
    const q = p + (1 - p) * 0.2;
    expect(Math.abs(recorded1 / upstream - q)).toBeLessThan(se(q));
  });
});
