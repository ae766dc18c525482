import { describe, expect, it } from "vitest";
import { streamRng } from "../../../../src/synth/rng.js";
import {
  distinctPairGroups,
  pairGroups,
  sharedGroups,
} from "../../../../src/studies/tfp-divergence/synth/pairs.js";
import { PARAMS } from "../../../../src/studies/tfp-divergence/synth/params.js";
import { highDesign } from "../../../../src/studies/tfp-divergence/synth/targets.js";
import { makeWorld, selectEconomies } from "../../../../src/studies/tfp-divergence/synth/world.js";

describe("structural twins", () => {
  it("pairs every member, with one triple when the count is odd", () => {
    const members = [0, 2, 3, 5, 6, 7, 9];
    const g = pairGroups(streamRng(3, "t"), members, 10);
    const sizes = new Map<number, number>();
    for (const m of members) sizes.set(g[m], (sizes.get(g[m]) ?? 0) + 1);
    expect([...sizes.values()].sort()).toEqual([2, 2, 3]);
    expect(g[1]).toBe(-1);
    expect(g[8]).toBe(-1);
  });

  it("draws a TL pairing that shares no group with the TS pairing when one exists", () => {
    const members = Array.from({ length: 20 }, (_, i) => i);
    const rng = streamRng(11, "t");
    const ts = pairGroups(rng, members, 20);
    const tl = distinctPairGroups(rng, members, 20, ts);
    expect(sharedGroups(tl, ts)).toBe(0);
    expect(sharedGroups(ts, ts)).toBe(20);
  });
});

describe("High design", () => {
  it("keeps every target at least the margin (in logs) away from the mean and classifies by it", () => {
    const t = Float64Array.of(0.35, 0.6, 0.66, 0.7, 1.0, 0.95, 0.5);
    const d = highDesign(t, [0, 1, 2, 3, 4, 5, 6], 0.2);
    for (let e = 0; e < t.length; e++) {
      expect(Math.abs(Math.log(d.target[e] / d.mean))).toBeGreaterThanOrEqual(0.2 - 1e-12);
      expect(d.high[e]).toBe(d.target[e] > d.mean ? 1 : 0);
    }
    expect(d.high[4]).toBe(1);
    expect(d.high[0]).toBe(0);
  });
});

describe("the synthetic world", () => {
  it("has the paper's sizes at default scale: 60 IFR economies, 41 in both IFR and WIOD", () => {
    const w = makeWorld(1, "default");
    expect(w.ifr.length).toBe(60);
    expect(w.panel.length).toBe(41);
    expect(w.wiod.length).toBe(43);
    expect(selectEconomies("paper").length).toBe(selectEconomies("default").length);
  });

  it("puts the paper's class II and IV examples on the designed sides of the base-TFP mean", () => {
    const w = makeWorld(5, "default");
    const high = (iso: string) => w.highCountry.high[w.econ.findIndex((e) => e.iso3 === iso)];
    for (const iso of ["CHN", "CZE", "SVK"]) expect(high(iso)).toBe(0);
    for (const iso of ["NOR", "IRL", "USA"]) expect(high(iso)).toBe(1);
    expect(PARAMS.highMargin).toBeGreaterThan(0);
  });

  it("is a function of the design seed alone: every sampling seed sees the same twins and factor paths", () => {
    const a = makeWorld(7, "tiny");
    const b = makeWorld(8, "tiny");
    const c = makeWorld(7, "tiny", PARAMS.designSeed + 1);
    expect(a.designSeed).toBe(PARAMS.designSeed);
    expect(Array.from(a.factorTS)).toEqual(Array.from(b.factorTS));
    expect(Array.from(a.tsGroup)).toEqual(Array.from(b.tsGroup));
    expect(Array.from(a.tlGroup)).toEqual(Array.from(b.tlGroup));
    expect(Array.from(a.tsLoad)).toEqual(Array.from(b.tsLoad));
    expect(Array.from(a.factorTS)).not.toEqual(Array.from(c.factorTS));
    expect(Array.from(a.tsGroup)).not.toEqual(Array.from(c.tsGroup));
  });
});
