/**
 * Why Table 7's economy-TFP columns (2), (5) of study B's twin look as they do (docs/STUDIES.md B.5;
 * development aid): for each seed, Stru's spread, the parts of Exposure's residual variance, and the
 * regressions of the economy's own Exposure (Xc), of Xc × (Stru − mean) and of its TFP shock (U) on
 * one industry's Exposure with Table 7's controls and fixed effects (OLS, and 2SLS with IV_TS).
 * Usage: npx tsx scripts/b-table7-shares.ts 1,2,3 [--set=structure.mixSpread=0.3,…]
 */
import { estimateModel, feols } from "../src/estimate/feols.js";
import type { Frame } from "../src/frame/frame.js";
import { cat, num, withColumns } from "../src/studies/tfp-divergence/frame-columns.js";
import { controls } from "../src/studies/tfp-divergence/formulas.js";
import { COUNTRY_YEARS, ROBOT_YEARS } from "../src/studies/tfp-divergence/synth/params.js";
import { struValues } from "../src/studies/tfp-divergence/synth/stru.js";
import { withWorldPanels } from "../src/studies/tfp-divergence/synth/world-panels.js";
import { applyParamSet } from "./b-param-set.js";

const CTL = controls("industry");
const FE = "industry + iso3 + year";

/** Mean and s.d. of a list. */
function moments(xs: readonly number[]): string {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
  return `mean ${m.toFixed(4)} s.d. ${sd.toFixed(4)}`;
}

/** The Exposure terms of one regression. */
function show(frame: Frame, label: string, formula: string): void {
  const r = feols(frame, formula, { vcov: "hetero" });
  const terms = r.coefficients.filter((c) => c.term.startsWith("Exposure"));
  console.log(`  ${label.padEnd(30)} ${terms.map((c) => `${c.term} ${c.estimate.toFixed(4)}`).join("  ")}`);
}

applyParamSet(process.argv.slice(2));

for (const seed of (process.argv[2] ?? "1").split(",").map(Number)) {
  await withWorldPanels(seed, "default", ({ generated: g, panels }) => {
    const w = g.world;
    const f = panels.industry.frame;
    const S = struValues(w, g.structure, g.robots);
    const group = (list: readonly number[], high: Uint8Array, h: number) =>
      list.filter((e) => high[e] === h).map((e) => S.stru[e]);
    const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`seed ${seed}`);
    console.log(`  Stru, industry panel: ${moments(w.panel.map((e) => S.stru[e]))}`);
    console.log(`  Stru, country panel:  ${moments(w.ifr.map((e) => S.stru[e]))}`);
    console.log(
      `  High − Low mean Stru: country ${(mean(group(w.ifr, w.highCountry.high, 1)) - mean(group(w.ifr, w.highCountry.high, 0))).toFixed(4)}, industry ${(mean(group(w.panel, w.highIndustry.high, 1)) - mean(group(w.panel, w.highIndustry.high, 0))).toFixed(4)}`,
    );
    const iso = cat(f, "iso3");
    const ind = cat(f, "industry");
    const year = num(f, "year");
    const econ = new Map(w.econ.map((e, i) => [e.iso3, i]));
    const Y = g.country.years;
    const T = w.robotYears;
    const xc = new Float64Array(f.nrows);
    const u = new Float64Array(f.nrows);
    const xcS = new Float64Array(f.nrows);
    for (let i = 0; i < f.nrows; i++) {
      const e = econ.get(iso.levels[iso.codes[i]]) ?? -1;
      xc[i] = g.country.exposure[e * Y + (year[i] - COUNTRY_YEARS.first)];
      u[i] = g.shocks.country[e * T + (year[i] - ROBOT_YEARS.first)];
      xcS[i] = xc[i] * (S.stru[e] - S.ifrMean);
    }
    const fr = withColumns(f, { Xc: xc, U: u, XcS: xcS });
    // Exposure's residual after Table 7's controls and FE: economy × industry, economy × year and rest.
    const rx = estimateModel(fr, `Exposure ~ ${CTL} | ${FE}`, { vcov: "hetero" }).residuals();
    const cellMean = (key: (i: number) => string) => {
      const m = new Map<string, [number, number]>();
      for (let i = 0; i < f.nrows; i++) {
        const v = m.get(key(i)) ?? [0, 0];
        v[0] += rx[i];
        v[1] += 1;
        m.set(key(i), v);
      }
      return (i: number) => {
        const v = m.get(key(i)) ?? [0, 1];
        return v[0] / v[1];
      };
    };
    const ej = cellMean((i) => `${iso.codes[i]}|${ind.codes[i]}`);
    const et = cellMean((i) => `${iso.codes[i]}|${year[i]}`);
    let vt = 0;
    let vej = 0;
    let vet = 0;
    for (let i = 0; i < f.nrows; i++) {
      vt += rx[i] ** 2;
      vej += ej(i) ** 2;
      vet += et(i) ** 2;
    }
    const n = f.nrows;
    console.log(
      `  Var(Exposure residual) ${(vt / n).toFixed(3)}: economy × industry ${(vej / n).toFixed(3)}, economy × year ${(vet / n).toFixed(3)}, rest ${((vt - vej - vet) / n).toFixed(3)}`,
    );
    show(fr, "OLS  Xc on X (share)", `Xc ~ Exposure + ${CTL} | ${FE}`);
    show(fr, "2SLS Xc on X (share)", `Xc ~ ${CTL} | ${FE} | Exposure ~ IV_TS`);
    show(fr, "OLS  Xc·(Stru−m) on X, X·Stru", `XcS ~ Exposure + Exposure:Stru + ${CTL} | ${FE}`);
    show(fr, "2SLS Xc·(Stru−m) on X, X·Stru", `XcS ~ ${CTL} | ${FE} | Exposure + Exposure:Stru ~ IV_TS + IV_TS:Stru`);
    show(fr, "OLS  Xc on X, X·Stru", `Xc ~ Exposure + Exposure:Stru + ${CTL} | ${FE}`);
    show(fr, "2SLS Xc on X, X·Stru", `Xc ~ ${CTL} | ${FE} | Exposure + Exposure:Stru ~ IV_TS + IV_TS:Stru`);
    show(fr, "OLS  U on X, X·Stru", `U ~ Exposure + Exposure:Stru + ${CTL} | ${FE}`);
  });
}
