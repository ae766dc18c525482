import { describe, expect, it } from "vitest";
import { IFR_CODES, INDUSTRY_CODES, SECTOR_CODES } from "../../../../src/studies/tfp-divergence/sectors.js";
import { generateWorld } from "../../../../src/studies/tfp-divergence/synth/generate.js";
import { ROBOT_YEARS, WIOD_YEARS } from "../../../../src/studies/tfp-divergence/synth/params.js";
import { sourceFrames } from "../../../../src/studies/tfp-divergence/synth/source-frames.js";

const g = generateWorld(21, "tiny");
const frames = sourceFrames(g);
const num = (table: keyof typeof frames, col: string) => {
  const c = frames[table].columns[col];
  if (c.type !== "number") throw new Error(`${col} is not numeric`);
  return c.values;
};
const text = (table: keyof typeof frames, col: string) => {
  const c = frames[table].columns[col];
  if (c.type !== "category") throw new Error(`${col} is not text`);
  return Array.from(c.codes, (k) => c.levels[k]);
};

describe("generated sources of study B", () => {
  it("cover every IFR industry and year for the IFR economies, with integer robots and a 12-year stock", () => {
    const years = ROBOT_YEARS.last - ROBOT_YEARS.reportFirst + 1;
    expect(frames.ifr.nrows).toBe(g.world.ifr.length * IFR_CODES.length * years);
    const inst = num("ifr", "installations");
    const stock = num("ifr", "stock");
    for (let i = 0; i < inst.length; i++) {
      expect(Number.isInteger(inst[i])).toBe(true);
      expect(stock[i]).toBeGreaterThanOrEqual(inst[i]);
    }
  });

  it("write WIOD accounts for every sector with VA + II = GO, positive II, and China's employment only in the yearbook", () => {
    const wiodYears = WIOD_YEARS.last - WIOD_YEARS.first + 1;
    expect(frames.wiod_sea.nrows).toBe(g.world.wiod.length * SECTOR_CODES.length * wiodYears);
    const va = num("wiod_sea", "va");
    const go = num("wiod_sea", "go");
    const ii = num("wiod_sea", "ii");
    const emp = num("wiod_sea", "emp");
    const iso = text("wiod_sea", "iso3");
    for (let i = 0; i < va.length; i++) {
      expect(ii[i]).toBeGreaterThan(0);
      expect(Math.abs(va[i] + ii[i] - go[i])).toBeLessThanOrEqual(1e-9 * go[i]);
      expect(Number.isNaN(emp[i])).toBe(iso[i] === "CHN");
    }
    expect(frames.china_labour.nrows).toBe(SECTOR_CODES.length * wiodYears);
  });

  it("make the US the ctfp numeraire (ctfp = 1) and rtfpna = 1 in 2017 for every economy", () => {
    const iso = text("pwt", "iso3");
    const year = num("pwt", "year");
    const ctfp = num("pwt", "ctfp");
    const rtfpna = num("pwt", "rtfpna");
    for (let i = 0; i < iso.length; i++) {
      if (iso[i] === "USA") expect(ctfp[i]).toBe(1);
      if (year[i] === 2017) expect(rtfpna[i]).toBeCloseTo(1, 12);
    }
  });

  it("keep the value-added share of manufacturing near its calibrated mean and the LP proxy monotone in TFP", () => {
    expect(g.manuf.proxy.meanShare).toBeCloseTo(0.3, 6);
    expect(g.manuf.proxy.gammaOmega).toBeLessThan(0);
    let n = 0;
    let s = 0;
    for (const e of g.world.panel) {
      for (
        let c = e * INDUSTRY_CODES.length * g.manuf.years;
        c < (e + 1) * INDUSTRY_CODES.length * g.manuf.years;
        c++
      ) {
        s += g.manuf.va[c] / g.manuf.go[c];
        n++;
      }
    }
    expect(s / n).toBeGreaterThan(0.2);
    expect(s / n).toBeLessThan(0.45);
  });

  it("are identical for the same seed and differ for another", () => {
    const again = sourceFrames(generateWorld(21, "tiny"));
    const other = sourceFrames(generateWorld(22, "tiny"));
    const ctfp = (f: typeof frames) => {
      const c = f.pwt.columns.ctfp;
      return c.type === "number" ? Array.from(c.values) : [];
    };
    expect(ctfp(again)).toEqual(ctfp(frames));
    expect(ctfp(other)).not.toEqual(ctfp(frames));
  });

  it("share the fixed design across sampling seeds (industry mix, adoption levels) and redraw the shocks", () => {
    const other = generateWorld(22, "tiny");
    // The mix is design; only the level follows the economy's employment, which carries sampling noise.
    const J = g.structure.industries;
    const mix = (x: Float64Array) => Array.from(x, (v, c) => v / x[c - (c % J)]);
    const a = mix(g.structure.emp2000);
    const b = mix(other.structure.emp2000);
    expect(Math.max(...b.map((v, c) => Math.abs(v - a[c])))).toBeLessThan(1e-12);
    expect(Array.from(other.robots.ownLevel)).toEqual(Array.from(g.robots.ownLevel));
    expect(Array.from(other.shocks.industry)).not.toEqual(Array.from(g.shocks.industry));
    expect(Array.from(other.robots.installations)).not.toEqual(Array.from(g.robots.installations));
  });
});
