/**
 * The paper's designs on small hand-built examples (issue 10 item 3, study B): lnweekwork as hours
 * per employee, TL over the three broad sectors, LP estimated industry by industry, Table 6's
 * Chow-type interaction columns, and the economy's TFP as ln ctfp.
 */
import { describe, expect, it } from "vitest";
import { frameFromArrays } from "../../../src/frame/frame.js";
import { levinsohnPetrin } from "../../../src/measures/levinsohn-petrin.js";
import { theilRationalization } from "../../../src/measures/theil.js";
import { countryMeasures } from "../../../src/studies/tfp-divergence/country-measures.js";
import { feols } from "../../../src/estimate/feols.js";
import { COUNTRY_CONTROLS, INDUSTRY_CONTROLS, VCOV } from "../../../src/studies/tfp-divergence/formulas.js";
import { TABLE3_MODELS } from "../../../src/studies/tfp-divergence/tables/table3.js";
import { industryTfp } from "../../../src/studies/tfp-divergence/industry-tfp.js";
import { TABLE6_MODELS } from "../../../src/studies/tfp-divergence/tables/table6.js";
import { threeSectors } from "../../../src/studies/tfp-divergence/three-sectors.js";
import { weeklyHours } from "../../../src/studies/tfp-divergence/weekly-hours.js";
import { simulateLpPanel } from "../../measures/simulate.js";

describe("lnweekwork: weekly hours per employee (H_EMPE / EMPE / 52)", () => {
  it("divides employees' hours by the number of employees, not by all persons engaged", () => {
    // 2,080 million hours by 1,000 thousand employees = 2,080 h a year = 40 h a week; the 250
    // thousand self-employed (EMP = 1,250) must not dilute it to 32 h.
    const out = weeklyHours(Float64Array.of(2080, 2080), Float64Array.of(1000, 0));
    expect(out[0]).toBeCloseTo(Math.log(40), 12);
    expect(Number.isNaN(out[1])).toBe(true);
  });
});

describe("TL (eq. 15) over the three broad sectors", () => {
  it("sums value added and employment to primary, secondary and tertiary before the Theil index", () => {
    // One economy-year, five sectors: A (1), two secondary (2), two tertiary (3).
    const unit = Int32Array.of(0, 0, 0, 0, 0);
    const year = Float64Array.of(2000, 2000, 2000, 2000, 2000);
    const cls = Int32Array.of(1, 2, 2, 3, 3);
    const va = Float64Array.of(10, 30, 10, 25, 25);
    const emp = Float64Array.of(20, 10, 10, 10, 50);
    const broad = threeSectors(unit, year, cls, va, emp);
    expect(Array.from(broad.va)).toEqual([10, 40, 50]);
    expect(Array.from(broad.emp)).toEqual([20, 20, 60]);
    const tl = theilRationalization(broad.va, broad.emp, broad.unit, broad.time).value[0];
    // Y = 100, L = 100: Σ s_j ln((y_j/l_j)/(Y/L)) over the three sectors.
    const want = 0.1 * Math.log(0.5) + 0.4 * Math.log(2) + 0.5 * Math.log(50 / 60);
    expect(tl).toBeCloseTo(want, 12);
    // The all-sector index differs (within-sector gaps count there): the aggregation matters.
    const all = theilRationalization(va, emp, unit, year).value[0];
    expect(Math.abs(all - want)).toBeGreaterThan(0.05);
  });

  it("lets a missing value in any sector row make the broad sector's sum missing", () => {
    const broad = threeSectors(
      Int32Array.of(0, 0),
      Float64Array.of(2000, 2000),
      Int32Array.of(2, 2),
      Float64Array.of(1, Number.NaN),
      Float64Array.of(1, 1),
    );
    expect(Number.isNaN(broad.va[0])).toBe(true);
  });
});

describe("industry LP TFP: one production function per industry", () => {
  it("estimates each industry's elasticities on its own rows (industries with different technologies)", () => {
    const a = simulateLpPanel(11, 60, 8);
    const b = simulateLpPanel(12, 60, 8);
    // Industry B's labour elasticity is 0.3 higher: va_B = va + 0.3·l.
    const vaB = b.va.map((v, i) => v + 0.3 * b.labor[i]);
    const n = a.va.length;
    const col = (x: Float64Array, y: Float64Array) => [...Array.from(x), ...Array.from(y)];
    const frame = frameFromArrays({
      iso3: [...Array.from(a.id, (f) => `E${f}`), ...Array.from(b.id, (f) => `E${f}`)],
      industry: [...Array<string>(n).fill("C29"), ...Array<string>(n).fill("C26")],
      year: col(a.time, b.time),
      va: col(a.va, vaB).map(Math.exp),
      emp: col(a.labor, b.labor).map(Math.exp),
      k: col(a.capital, b.capital).map(Math.exp),
      ii: col(a.proxy, b.proxy).map(Math.exp),
    });
    const lp = industryTfp(frame);
    const own = (p: typeof a, va: Float64Array) =>
      levinsohnPetrin(
        { va, labor: p.labor, capital: p.capital, proxy: p.proxy, id: p.id, time: p.time },
        { reps: 0 },
      );
    const ra = own(a, a.va);
    const rb = own(b, vaB);
    const fa = lp.functions.find((f) => f.industry === "C29");
    const fb = lp.functions.find((f) => f.industry === "C26");
    expect(fa?.labor).toBeCloseTo(ra.labor, 10);
    expect(fb?.labor).toBeCloseTo(rb.labor, 10);
    expect(fb?.labor ?? 0).toBeGreaterThan((fa?.labor ?? 0) + 0.2);
    // The frame holds levels (exp/log round trip): the capital search moves by ~1e-8.
    expect(lp.tfp[0]).toBeCloseTo(ra.tfp[0], 6);
    expect(lp.tfp[n + 5]).toBeCloseTo(rb.tfp[5], 6);
  });
});

describe("Table 6: interaction columns are Chow-type (note ②)", () => {
  it("interacts High with every control in columns (1), (3), (4), (6) and not in (2), (5)", () => {
    const all = [...COUNTRY_CONTROLS, ...INDUSTRY_CONTROLS];
    TABLE6_MODELS.forEach((m, j) => {
      const interacted = all.filter((c) => m.formula.includes(`${c}:High`));
      if (j === 1 || j === 4) expect(interacted).toEqual([]);
      else {
        expect(interacted).toEqual(all);
        expect(m.formula).toMatch(/~ .*\bHigh \+/);
      }
    });
  });
});

describe("economy TFP: ln ctfp (the paper's Table 1)", () => {
  it("takes the country panel's TFP as ln ctfp, not ln rtfpna", () => {
    const years = [1994, 1995, 1996];
    const rows = ["AAA", "BBB"].flatMap((iso3, e) =>
      years.map((year, t) => ({ iso3, year, ctfp: 0.5 + 0.3 * e + 0.01 * t, rtfpna: 1 + 0.02 * t })),
    );
    const raw = frameFromArrays({
      iso3: rows.map((r) => r.iso3),
      year: rows.map((r) => r.year),
      ctfp: rows.map((r) => r.ctfp),
      rtfpna: rows.map((r) => r.rtfpna),
      emp_base: rows.map(() => 10),
      stock: rows.map((_, i) => 100 + i),
      installations: rows.map((_, i) => 10 + i),
      services_va: rows.map((_, i) => 50 + i),
      industry_va: rows.map((_, i) => 30 - i),
      hc: rows.map(() => 3),
      fdi: rows.map(() => 2),
      internet: rows.map(() => 40),
      rgdpna: rows.map(() => 1000),
      pop: rows.map(() => 10),
    });
    const { frame } = countryMeasures(raw);
    const tfp = frame.columns.tfp;
    if (tfp.type !== "number") throw new Error("tfp must be numeric");
    rows.forEach((r, i) => {
      expect(tfp.values[i]).toBeCloseTo(Math.log(r.ctfp), 12);
    });
  });
});

describe("Table 3: first stages as their own regressions", () => {
  it("give the 2SLS first stage's coefficients and SEs, and an adjusted R² of the first stage", () => {
    const n = 120;
    let s = 7;
    const u = () => {
      s = (s * 48271) % 2147483647;
      return s / 2147483647 - 0.5;
    };
    const data: Record<string, number[] | string[]> = {
      iso3: Array.from({ length: n }, (_, i) => `E${i % 12}`),
      year: Array.from({ length: n }, (_, i) => 1994 + Math.floor(i / 12)),
    };
    for (const c of ["IV_TS", ...COUNTRY_CONTROLS]) data[c] = Array.from({ length: n }, u);
    const iv = data.IV_TS as number[];
    data.Exposure = iv.map((z, i) => 0.4 * z + 0.3 * (data.Hc as number[])[i] + u());
    data.tfp = (data.Exposure as number[]).map((x) => 0.03 * x + u());
    const frame = frameFromArrays(data);
    const first = TABLE3_MODELS[0];
    const second = TABLE3_MODELS[1];
    expect(first.firstStageOf).toBeUndefined();
    const a = feols(frame, first.formula, { vcov: VCOV });
    const b = feols(frame, second.formula, { vcov: VCOV });
    const fs = b.iv?.first_stage[0].coefficients.find((c) => c.term === "IV_TS");
    const own = a.coefficients.find((c) => c.term === "IV_TS");
    expect(own?.estimate).toBeCloseTo(fs?.estimate ?? Number.NaN, 10);
    expect(own?.se).toBeCloseTo(fs?.se ?? Number.NaN, 10);
    expect(a.fit.adj_r2).toBeGreaterThan(0);
  });
});
