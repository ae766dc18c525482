/**
 * Study A's measures in the paper's design (issue 10, docs/STUDIES.md "Measure designs"), each on a
 * small hand-built example whose answer is worked out in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameFromArrays } from "../../../src/frame/frame.js";
import { DataSession } from "../../../src/io/session.js";
import { DEFAULT_CONFIG } from "../../../src/studies/upstream-innovation/config.js";
import type { PipelineContext } from "../../../src/studies/upstream-innovation/context.js";
import { addNetRobot } from "../../../src/studies/upstream-innovation/estimation/net-robot.js";
import { numericColumn } from "../../../src/studies/upstream-innovation/frame-utils.js";
import { buildCityMeasures } from "../../../src/studies/upstream-innovation/steps/city-measures.js";
import {
  buildDvarTrade,
  DVAR_COLUMNS,
  type DvarFlows,
  dvarOfFirmYears,
} from "../../../src/studies/upstream-innovation/steps/dvar-trade.js";
import {
  materialsElasticityByIndustry,
  POOLED,
} from "../../../src/studies/upstream-innovation/steps/production-function.js";
import { SA_CAPS, studySaIndex } from "../../../src/studies/upstream-innovation/steps/sa-design.js";
import { simulateGrossOutput } from "../../measures/simulate-gross-output.js";

let session: DataSession;
let ctx: PipelineContext;

beforeAll(async () => {
  session = await DataSession.open();
  ctx = {
    session,
    cfg: DEFAULT_CONFIG,
    outDir: "",
    progress: () => {},
    linkage: [],
  } as unknown as PipelineContext;
});

afterAll(async () => {
  await session.close();
});

describe("DVAR: equipment imports left out, trade intermediaries apportioned (UWZ 2013)", () => {
  it("gives the hand-computed ratios of three makers, one importing equipment, beside an intermediary", async () => {
    // Firms (2005, values in thousand yuan; the raw customs carry the same numbers as dollars):
    //  A: ordinary exports 1000, ordinary steel (720851) imports 200, equipment 300 under 来料加工装配进口的设备; sales 2000.
    //  B: processing exports 500 and processing chip imports 200 (进料加工贸易); sales 600.
    //  C: ordinary exports 400, ordinary steel imports 100 and 50 of a bearing heading (848210, BEC capital share 0.2); sales 1000.
    //  An intermediary (苏州五金矿产进出口有限公司, no ASIE firm) imports 100 of steel under ordinary trade.
    // ρ(steel) = 100 / (200 + 100 + 100) = 0.25; ρ(bearings) = 0.
    // A: M^O_int = 200 / 0.75 = 266.67; DVAR = 1 − 266.67/2000 = 0.866667 (equipment excluded).
    // B: 1 − 200/500 = 0.6.
    // C: M^O_int = 100/0.75 + 50·0.8 = 173.33; DVAR = 1 − 173.33/1000 = 0.826667.
    const rows: [string | null, string, string, string, string, number][] = [
      ["A", "苏州甲精密机械有限公司", "出口", "84834010", "一般贸易", 1000],
      ["A", "苏州甲精密机械有限公司", "进口", "72085110", "一般贸易", 200],
      ["A", "苏州甲精密机械有限公司", "进口", "84571090", "来料加工装配进口的设备", 300],
      ["B", "苏州乙电机有限公司", "出口", "85015100", "进料加工贸易", 500],
      ["B", "苏州乙电机有限公司", "进口", "85423100", "进料加工贸易", 200],
      ["C", "苏州丙传感器有限公司", "出口", "90318090", "一般贸易", 400],
      ["C", "苏州丙传感器有限公司", "进口", "72085110", "一般贸易", 100],
      ["C", "苏州丙传感器有限公司", "进口", "84821090", "一般贸易", 50],
      [null, "苏州五金矿产进出口有限公司", "进口", "72085110", "一般贸易", 100],
    ];
    const values = rows
      .map(
        ([f, name, flow, hs8, mode, v]) =>
          `(2005, ${f ? `'${f}'` : "NULL"}, '${name}', '${flow}', '${hs8}', '${mode}', ${v})`,
      )
      .join(", ");
    await session.run(
      `CREATE OR REPLACE TABLE raw_rows(year INTEGER, firm VARCHAR, firm_name VARCHAR, flow VARCHAR, hs8 VARCHAR, trade_mode VARCHAR, v DOUBLE)`,
    );
    await session.run(`INSERT INTO raw_rows VALUES ${values}`);
    await session.run(
      "CREATE OR REPLACE TABLE customs AS SELECT year, firm_name, flow, hs8, trade_mode, v AS value_usd FROM raw_rows",
    );
    await session.run(`CREATE OR REPLACE TABLE customs_linked AS
      SELECT year, firm, CASE flow WHEN '进口' THEN 'import' ELSE 'export' END AS flow, hs8, substr(hs8, 1, 6) AS hs6,
        trade_mode, CAST(v AS DECIMAL(18, 6)) AS value_kcny FROM raw_rows`);
    await session.run(
      "CREATE OR REPLACE TABLE bec AS SELECT * FROM (VALUES ('720851', 0.0), ('848210', 0.2), ('845710', 1.0), ('854231', 0.0)) t(hs6, capital_share)",
    );
    await buildDvarTrade(ctx);
    const rho = await session.rows("SELECT hs6, rho FROM intermediary_share ORDER BY hs6");
    expect(rho.map((r) => [r.hs6, Number(r.rho)])).toEqual([
      ["720851", 0.25],
      ["848210", 0],
    ]);
    const t = await session.rows("SELECT firm, xp, xo, mp, mo, mo_int FROM dvar_trade ORDER BY firm");
    const num = (v: unknown) => (v === null ? Number.NaN : Number(v));
    const flows: DvarFlows = {
      xp: Float64Array.from(t, (r) => num(r.xp)),
      xo: Float64Array.from(t, (r) => num(r.xo)),
      mp: Float64Array.from(t, (r) => num(r.mp)),
      mo: Float64Array.from(t, (r) => num(r.mo)),
      mo_int: Float64Array.from(t, (r) => num(r.mo_int)),
      trades: Float64Array.of(1, 1, 1),
      sales: Float64Array.of(2000, 600, 1000),
    };
    expect(Object.keys(flows).sort()).toEqual([...DVAR_COLUMNS].sort());
    expect(t.map((r) => r.firm)).toEqual(["A", "B", "C"]);
    // The equipment is not a processing import of A; B's chips are.
    expect(flows.mp[0]).toBeNaN();
    expect(flows.mp[1]).toBe(200);
    expect(flows.mo_int[0]).toBeCloseTo(200 / 0.75, 9);
    expect(flows.mo_int[2]).toBeCloseTo(100 / 0.75 + 40, 9);
    const dvar = dvarOfFirmYears(flows);
    expect(dvar[0]).toBeCloseTo(1 - 200 / 0.75 / 2000, 12); // 0.866667
    expect(dvar[1]).toBeCloseTo(0.6, 12);
    expect(dvar[2]).toBeCloseTo(1 - (100 / 0.75 + 40) / 1000, 12); // 0.826667
  });

  it("leaves the ratio missing where every ordinary import of a product went through intermediaries", async () => {
    // D's only ordinary import is declared under an intermediary-like name (so ρ = 1): no adjustment exists.
    await session.run(`CREATE OR REPLACE TABLE customs AS SELECT * FROM (VALUES
      (2006, '无锡丁科贸有限公司', '进口', '72085110', '一般贸易', 80.0),
      (2006, '无锡丁科贸有限公司', '出口', '84834010', '一般贸易', 100.0)) t(year, firm_name, flow, hs8, trade_mode, value_usd)`);
    await session.run(`CREATE OR REPLACE TABLE customs_linked AS SELECT year, 'D' AS firm,
      CASE flow WHEN '进口' THEN 'import' ELSE 'export' END AS flow, hs8, substr(hs8, 1, 6) AS hs6, trade_mode,
      CAST(value_usd AS DECIMAL(18, 6)) AS value_kcny FROM customs`);
    await buildDvarTrade(ctx);
    const [r] = await session.rows("SELECT mo, mo_int FROM dvar_trade");
    expect(Number(r.mo)).toBe(80);
    expect(r.mo_int).toBeNull();
    const dvar = dvarOfFirmYears({
      xp: Float64Array.of(Number.NaN),
      xo: Float64Array.of(100),
      mp: Float64Array.of(Number.NaN),
      mo: Float64Array.of(80),
      mo_int: Float64Array.of(Number.NaN),
      trades: Float64Array.of(1),
      sales: Float64Array.of(500),
    });
    expect(dvar[0]).toBeNaN();
  });
});

describe("SA index at Hadlock & Pierce's caps", () => {
  it("caps size at ln(4.5 bn 2004 dollars in yuan) and age at 37 years", () => {
    const cap = Math.log(4500 * 8.2768); // 10.5253, millions of yuan
    expect(SA_CAPS.maxSize).toBeCloseTo(10.52528, 4);
    // Assets 100 billion yuan (1e8 thousand) and age 50: both capped.
    // 37 245.6 million yuan exactly at the cap and age 37; 1 000 million yuan (ln 1000 = 6.9078) and age 10 uncapped.
    const sa = studySaIndex(Float64Array.of(1e8, 37245.6e3, 1e6, 0), Float64Array.of(50, 37, 10, 5));
    const atCap = -0.737 * cap + 0.043 * cap * cap - 0.04 * 37;
    expect(sa[0]).toBeCloseTo(atCap, 12); // −3.50578
    expect(sa[1]).toBeCloseTo(atCap, 9);
    const s = Math.log(1000);
    expect(sa[2]).toBeCloseTo(-0.737 * s + 0.043 * s * s - 0.4, 12);
    expect(sa[3]).toBeNaN();
  });
});

describe("cap_ratio: the city's imported parts in all the parts it uses", () => {
  it("divides imported parts by imported parts plus the local makers' domestic sales", async () => {
    // 3201: parts imports 300 (a trader, no ASIE firm); makers U1 (sales 1000, exports 200) and U2 (sales 500,
    // exports 600: domestic sales floored at 0): cap_ratio = 300 / (300 + 800) = 0.272727 (the old ratio over
    // total sales was 300/1800). 3202: parts imports but no upstream maker → missing. 3203: makers, no parts → 0.
    await session.run(`CREATE OR REPLACE TABLE city_year AS SELECT * FROM (VALUES
      ('3201', 2005, '江苏省', 1.0, 45.0, 10.0), ('3202', 2005, '江苏省', 1.1, 46.0, 10.5), ('3203', 2005, '江苏省', 0.9, 44.0, 9.5))
      t(city_code, year, province, lngdp, second_rate, lnedc_cost)`);
    await session.run(
      "CREATE OR REPLACE TABLE us_robot AS SELECT * FROM (VALUES ('3201', 2005, 1.0), ('3202', 2005, 2.0), ('3203', 2005, 3.0)) t(city_code, year, us_robot)",
    );
    await session.run(`CREATE OR REPLACE TABLE customs_linked AS SELECT year, city_code, firm, flow, hs8, substr(hs8, 1, 6) AS hs6,
      trade_mode, CAST(v * 100 AS BIGINT) AS cents, CAST(v AS DECIMAL(18, 6)) AS value_kcny FROM (VALUES
      (2005, '3201', NULL, 'import', '84834010', '一般贸易', 300.0),
      (2005, '3201', 'X', 'import', '84795090', '一般贸易', 50.0),
      (2005, '3202', NULL, 'import', '85015100', '一般贸易', 120.0),
      (2005, '3202', 'Y', 'import', '84795010', '一般贸易', 150.0)) t(year, city_code, firm, flow, hs8, trade_mode, v)`);
    await session.run(
      "CREATE OR REPLACE TABLE bec AS SELECT * FROM (VALUES ('848340', 0.1), ('847950', 1.0), ('850151', 0.1), ('847950', 1.0)) t(hs6, capital_share)",
    );
    await session.run(`CREATE OR REPLACE TABLE asie_clean AS SELECT * FROM (VALUES
      ('U1', 2005, '3201', 1000.0, 200.0), ('U2', 2005, '3201', 500.0, 600.0), ('U3', 2005, '3203', 700.0, NULL),
      ('X', 2005, '3201', 9000.0, 0.0)) t(firm, year, city, sales, export_value)`);
    await session.run(
      "CREATE OR REPLACE TABLE upstream_firms AS SELECT * FROM (VALUES ('U1'), ('U2'), ('U3')) t(firm)",
    );
    await buildCityMeasures(ctx);
    const rows = await session.rows(
      "SELECT city_code, cap_ratio, robot_kcny FROM city_panel ORDER BY city_code",
    );
    expect(Number(rows[0].cap_ratio)).toBeCloseTo(300 / 1100, 12);
    expect(rows[1].cap_ratio).toBeNull();
    expect(Number(rows[2].cap_ratio)).toBe(0);
    // The robot import amounts net_robot starts from (thousand yuan).
    expect(rows.map((r) => Number(r.robot_kcny))).toEqual([50, 150, 0]);
  });
});

describe("net_robot: residual of the city's robot import amount on city and industry controls", () => {
  it("returns the part of ln(1 + robot imports) the controls do not explain, one regression row per city-year", () => {
    // Six city-years; A-2005 and B-2005 have identical controls, so e = (+0.3, −0.3, 0, 0, 0, 0) is
    // orthogonal to every regressor and is exactly the OLS residual of
    // ln(1 + amount) = 2 + 0.5·lngdp + 0.01·second_rate + 0.3·lnedc_cost − 1·hhi_mean + e.
    // A-2005 has two firms (cic4_hhi 0.05 and 0.15, mean 0.1): it still counts once.
    const cy = [
      { city: "A", year: 2005, lngdp: 1, second: 40, edc: 5, hhi: [0.05, 0.15], e: 0.3 },
      { city: "B", year: 2005, lngdp: 1, second: 40, edc: 5, hhi: [0.1], e: -0.3 },
      { city: "A", year: 2006, lngdp: 2, second: 42, edc: 5.5, hhi: [0.2], e: 0 },
      { city: "B", year: 2006, lngdp: 1.5, second: 45, edc: 6, hhi: [0.15], e: 0 },
      { city: "C", year: 2005, lngdp: 3, second: 38, edc: 4, hhi: [0.3], e: 0 },
      { city: "C", year: 2006, lngdp: 2.5, second: 50, edc: 7, hhi: [0.05], e: 0 },
    ];
    const cols: Record<string, (number | string)[]> = {
      city: [],
      year: [],
      robot: [],
      robot_kcny: [],
      lngdp: [],
      second_rate: [],
      lnedc_cost: [],
      cic4_hhi: [],
    };
    const expected: number[] = [];
    cy.forEach((c, j) => {
      const hhiMean = c.hhi.reduce((a, b) => a + b, 0) / c.hhi.length;
      const lnAmount = 2 + 0.5 * c.lngdp + 0.01 * c.second + 0.3 * c.edc - hhiMean + c.e;
      for (const h of c.hhi) {
        cols.city.push(c.city);
        cols.year.push(c.year);
        cols.robot.push(0.01 * (j + 1) ** 2); // the robot share: not what net_robot uses
        cols.robot_kcny.push(Math.expm1(lnAmount));
        cols.lngdp.push(c.lngdp);
        cols.second_rate.push(c.second);
        cols.lnedc_cost.push(c.edc);
        cols.cic4_hhi.push(h);
        expected.push(c.e);
      }
    });
    const out = numericColumn(addNetRobot(frameFromArrays(cols)), "net_robot");
    expect(out.length).toBe(7);
    out.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i], 9);
    });
  });
});

describe("DLW markups: the materials elasticity estimated by industry", () => {
  it("estimates each 2-digit industry on its own and pools the small ones", () => {
    // Industry 34 with θ_m = 0.6 and 35 with θ_m = 0.4 (400 firms × 10 years each); 39 has 40 firms,
    // too few to stand alone (fewer than 3 × 150 rows), so it forms the pooled group with θ_m = 0.6.
    const parts = [
      { ind: "34", sim: simulateGrossOutput(11, 400, 10, 0.6) },
      { ind: "35", sim: simulateGrossOutput(12, 400, 10, 0.4) },
      { ind: "39", sim: simulateGrossOutput(13, 40, 10, 0.6) },
    ];
    const cat = (f: (p: (typeof parts)[number]) => Float64Array) =>
      Float64Array.from(parts.flatMap((p) => Array.from(f(p))));
    const industry = parts.flatMap((p) => Array<string>(p.sim.y.length).fill(p.ind));
    const firmIds = parts.flatMap((p) => Array.from(p.sim.id, (i) => `${p.ind}-${i}`));
    const levels = [...new Set(firmIds)];
    const index = new Map(levels.map((v, c) => [v, c]));
    const res = materialsElasticityByIndustry({
      industry,
      firm: { codes: Int32Array.from(firmIds, (v) => index.get(v) as number), levels },
      year: cat((p) => p.sim.year),
      output: cat((p) => p.sim.y),
      labor: cat((p) => p.sim.l),
      capital: cat((p) => p.sim.k),
      materials: cat((p) => p.sim.m),
    });
    expect(Object.keys(res.byGroup)).toEqual(["34", "35", POOLED]);
    // Monte Carlo of one industry of this size (seeds 11–18): θ_m = 0.4 → 0.35–0.48 (mean 0.44), OLS
    // 0.66–0.69; θ_m = 0.6 → 0.57–0.65 (mean 0.63), OLS 0.77–0.79 — a small upward bias, far below OLS's.
    expect(Math.abs(res.byGroup["34"] - 0.6)).toBeLessThan(0.1);
    expect(Math.abs(res.byGroup["35"] - 0.4)).toBeLessThan(0.1);
    expect(res.byGroup["34"] - res.byGroup["35"]).toBeGreaterThan(0.1);
    expect(res.theta[0]).toBe(res.byGroup["34"]);
    expect(res.theta[4000]).toBe(res.byGroup["35"]);
    expect(res.theta[8000]).toBe(res.byGroup[POOLED]);
  });

  it("names the industry whose production function cannot be estimated", () => {
    // Industry 35 has 500 firms observed for two years only: no firm has two previous years.
    const sim = simulateGrossOutput(21, 500, 2);
    const levels = Array.from({ length: 500 }, (_, i) => `f${i}`);
    expect(() =>
      materialsElasticityByIndustry({
        industry: Array<string>(sim.y.length).fill("35"),
        firm: { codes: Int32Array.from(sim.id), levels },
        year: sim.year,
        output: sim.y,
        labor: sim.l,
        capital: sim.k,
        materials: sim.m,
      }),
    ).toThrow(/industry 35 cannot be estimated: .*two previous years/);
  });
});
