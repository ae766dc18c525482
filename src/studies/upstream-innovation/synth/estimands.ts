/**
 * The estimands of study A's regressions given the realised data. Patent effects differ across firms
 * (by markup, financing constraint, ownership and technology gap), so 2SLS converges to a weighted
 * average of the firms' effects, the weights being each firm's share of the instrumented variation
 * of robot. Conditional on the realised types, locations and instrument that average is computed
 * exactly as the 2SLS coefficient of the structural component (β_i·robot) on the column's sample,
 * with the same controls, fixed effects and instrument; the remaining estimation error comes only
 * from shocks independent across city-years, so the paper's city × year clustering is valid for it.
 * The same device gives the first stages (the projection of the noise-free robot share on
 * us_robot), the OLS pseudo-true value (β_i·robot + ρ·u) and the standardised-output column.
 */
import { feols } from "../../../estimate/feols.js";
import type { Column, Frame } from "../../../frame/frame.js";
import { CITY_CONTROLS, CONTROLS, FIRM_FE } from "../estimation/column.js";
import type { AsiePanel } from "./asie-panel.js";
import type { CityPanel } from "./city-panel.js";
import { pctile } from "../../../measures/percentile.js";
import { CNY_PER_USD } from "../exchange-rates.js";
import { studySaIndex } from "../steps/sa-design.js";
import type { Firms } from "./firms.js";
import { CIC_INDUSTRIES } from "./industries.js";
import { nberCesColumns } from "./small-tables.js";
import type { Outcomes } from "./outcomes.js";
import { patentEffect } from "./outcomes.js";
import { PARAMS } from "./parameters.js";

/** Everything the estimands are computed from. */
export interface EstimandInputs {
  readonly firms: Firms;
  readonly panel: CityPanel;
  readonly asie: AsiePanel;
  readonly out: Outcomes;
  /** robot by city-year as the pipeline computes it. */
  readonly share: Float64Array;
  /** The run's seed (the NBER-CES rows are regenerated from it). */
  readonly seed: number;
}

/** Row-level columns of the estimand regressions. */
interface Sample {
  readonly rows: readonly number[];
  readonly ystar: (k: number) => number;
  /** Regressor (robot by default) and excluded instrument (us_robot by default; none for OLS). */
  readonly regressor?: (k: number) => number;
  readonly instrument?: ((k: number) => number) | null;
}

function frameOf(inp: EstimandInputs, s: Sample): Frame {
  const { asie, panel, firms, share } = inp;
  const T = panel.years.length;
  const num = (f: (k: number) => number): Column => ({
    type: "number",
    values: Float64Array.from(s.rows, f),
  });
  const cy = (k: number) => asie.cityYear[k];
  const columns: Record<string, Column> = {
    ystar: num(s.ystar),
    robot: num(s.regressor ?? ((k) => share[cy(k)])),
    z: num(s.instrument ?? ((k) => panel.usRobot[cy(k)])),
    firm: num((k) => asie.firm[k]),
    year: num((k) => asie.year[k]),
    cic4: num((k) => firms.cic[asie.firm[k]]),
    city: num((k) => Math.floor(cy(k) / T)),
  };
  for (const c of CONTROLS) columns[c] = num((k) => asie.x[c][k]);
  return { nrows: s.rows.length, names: Object.keys(columns), columns, source: "estimand" };
}

function coef(frame: Frame, formula: string, term: string, what: string): number {
  const res = feols(frame, formula, {});
  const b = res.coefficients.find((c) => c.term === term);
  if (!b) throw new Error(`estimand of ${what}: ${term} was dropped from the estimand regression`);
  return b.estimate;
}

const FE = FIRM_FE.join(" + ");
const X = CONTROLS.join(" + ");

/** 2SLS estimand of a firm-level column. */
function iv(inp: EstimandInputs, s: Sample, what: string): number {
  const rows = s.instrument
    ? s.rows.filter((k) => !Number.isNaN((s.instrument as (k: number) => number)(k)))
    : s.rows;
  return coef(frameOf(inp, { ...s, rows }), `ystar ~ ${X} | ${FE} | robot ~ z`, "robot", what);
}

/** OLS pseudo-true value of a firm-level column. */
function ols(inp: EstimandInputs, s: Sample, what: string): number {
  return coef(frameOf(inp, s), `ystar ~ robot + ${X} | ${FE}`, "robot", what);
}

/** First-stage estimand: the noise-free robot share projected on us_robot, controls and FE. */
function firstStage(inp: EstimandInputs, rows: readonly number[], what: string): number {
  const nf = inp.panel.noiseFree;
  const f = frameOf(inp, { rows, ystar: (k) => nf[inp.asie.cityYear[k]] });
  return coef(f, `ystar ~ z + ${X} | ${FE}`, "z", what);
}

/** First-stage estimand of the city-level column (Table 3 column 2: city controls, city and year FE). */
function cityFirstStage(panel: CityPanel): number {
  const J = panel.cities.length;
  const T = panel.years.length;
  const n = J * T;
  const num = (f: (k: number) => number): Column => ({
    type: "number",
    values: Float64Array.from({ length: n }, (_, k) => f(k)),
  });
  const columns: Record<string, Column> = {
    ystar: num((k) => panel.noiseFree[k]),
    z: num((k) => panel.usRobot[k]),
    city: num((k) => Math.floor(k / T)),
    year: num((k) => k % T),
    lngdp: num((k) => Math.log(panel.gdpPerCapita[k] / 10000)),
    second_rate: num((k) => panel.secondaryShare[k]),
    lnedc_cost: num((k) => Math.log(panel.educationExpenditure[k])),
  };
  const f: Frame = { nrows: n, names: Object.keys(columns), columns, source: "estimand" };
  return coef(f, `ystar ~ z + ${CITY_CONTROLS.join(" + ")} | city + year`, "z", "table3.2 first stage");
}

/** Robot share of the same city in the previous year (NaN in the first year), as late_robot. */
function lateRobot(panel: CityPanel, share: Float64Array): Float64Array {
  const T = panel.years.length;
  return Float64Array.from(share, (_, k) => (k % T === 0 ? Number.NaN : share[k - 1]));
}

/** Mean robot share of the other cities of the province in the same year (NaN when none), as other_robot. */
function otherRobot(panel: CityPanel, share: Float64Array): Float64Array {
  const T = panel.years.length;
  const J = panel.cities.length;
  const out = new Float64Array(J * T);
  for (let j = 0; j < J; j++) {
    const others = panel.cities.flatMap((c, i) =>
      i !== j && c.provinceCode === panel.cities[j].provinceCode ? [i] : [],
    );
    for (let t = 0; t < T; t++) {
      out[j * T + t] = others.length
        ? others.reduce((a, i) => a + share[i * T + t], 0) / others.length
        : Number.NaN;
    }
  }
  return out;
}

/** The split indicators of Tables 3 and 5 as the pipeline computes them, for the given rows. */
interface Splits {
  readonly highMarkup: (k: number) => boolean;
  readonly lowMarkup: (k: number) => boolean;
  readonly lowSa: (k: number) => boolean;
  readonly highSa: (k: number) => boolean;
  readonly gapSmall: (k: number) => boolean;
  readonly gapLarge: (k: number) => boolean;
}

/**
 * The realised splits of the baseline sample: the technology gap (eq. 3, US labour productivity in
 * yuan from the NBER-CES rows as written, less ln(value added / employment)) at its 25th and 50th
 * percentiles and the SA index (the pipeline's `studySaIndex`, Hadlock–Pierce caps included) at its
 * median, exactly as the pipeline's firm measures compute them; the markup top 25% by the
 * intermediate share of output as written (the De Loecker–Warzynski markup is θ over that share
 * purged of noise, and the DGP makes ln output a smooth function of the inputs so the purge keeps it).
 */
function realisedSplits(inp: EstimandInputs, base: readonly number[]): Splits {
  const { asie, firms, out, panel } = inp;
  const nber = nberCesColumns(inp.seed, panel.years);
  const [cicCol, yearCol, empCol, vaddCol] = ["cic4", "year", "emp", "vadd"].map(
    (name) => nber.find((c) => c.name === name)?.values as ArrayLike<number | string>,
  );
  const usLnlp = new Map<string, number>();
  for (let r = 0; r < cicCol.length; r++) {
    const y = Number(yearCol[r]);
    usLnlp.set(`${cicCol[r]}|${y}`, Math.log((Number(vaddCol[r]) * CNY_PER_USD[y]) / Number(empCol[r])));
  }
  const n = base.length;
  const gap = new Float64Array(n);
  const sa = new Float64Array(n);
  const share = new Float64Array(n);
  base.forEach((k, r) => {
    const i = asie.firm[k];
    const cic = CIC_INDUSTRIES[firms.cic[i]].cic4;
    gap[r] = (usLnlp.get(`${cic}|${asie.year[k]}`) ?? Number.NaN) - asie.x.lnlp[k];
    sa[r] = studySaIndex(
      Float64Array.of(asie.totalAssets[k]),
      Float64Array.of(asie.year[k] - firms.foundingYear[i]),
    )[0];
    const q = round3(out.output[k]);
    share[r] = round3(out.output[k] - asie.valueAdded[k]) / q;
  });
  const gapP25 = pctile(gap, 25);
  const gapP50 = pctile(gap, 50);
  const saP50 = pctile(sa, 50);
  const shareP25 = pctile(share, 25);
  const at = new Map(base.map((k, r) => [k, r]));
  const row = (k: number) => {
    const r = at.get(k);
    if (r === undefined) throw new Error("internal: split asked for a row outside the baseline sample");
    return r;
  };
  return {
    highMarkup: (k) => share[row(k)] <= shareP25,
    lowMarkup: (k) => share[row(k)] > shareP25,
    lowSa: (k) => sa[row(k)] <= saP50,
    highSa: (k) => sa[row(k)] > saP50,
    gapSmall: (k) => gap[row(k)] <= gapP25,
    gapLarge: (k) => gap[row(k)] >= gapP50,
  };
}

/** Sample s.d. (n − 1) of the finite values. */
function sd(v: ArrayLike<number>): number {
  let n = 0;
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) continue;
    n++;
    m += v[i];
  }
  m /= n;
  let ss = 0;
  for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i])) ss += (v[i] - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/** Estimands by `<table>.<column>.<term>`, and the OLS pseudo-true value. */
export interface StudyEstimands {
  readonly effects: Readonly<Record<string, number>>;
  /** OLS pseudo-true values (listed in effects and in biased). */
  readonly ols: Readonly<Record<string, number>>;
  /** Columns whose estimand could not be computed at this scale, with the reason. */
  readonly skipped: Readonly<Record<string, string>>;
  /** Population means the realised estimands scatter around. */
  readonly notes: Readonly<Record<string, string>>;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Every estimand of study A's regression tables given the realised data.
 * @example const { effects } = studyEstimands({ firms, panel, asie, out, share });
 */
export function studyEstimands(inp: EstimandInputs): StudyEstimands {
  const { firms, asie, out, share, panel } = inp;
  const firmOf = (k: number) => asie.firm[k];
  const up: number[] = [];
  for (let k = 0; k < asie.n; k++) if (firms.kind[firmOf(k)] === "upstream") up.push(k);
  const base = up.filter((k) => out.patents[k] > 0);
  const inventors = up.filter((k) => out.inventions[k] > 0);
  const beta = (k: number) => patentEffect(firms, firmOf(k));
  const s = (k: number) => share[asie.cityYear[k]];
  const patent = (rows: number[]): Sample => ({ rows, ystar: (k) => beta(k) * s(k) });
  const split = realisedSplits(inp, base);
  const cell = (keep: (k: number) => boolean) => patent(base.filter(keep));
  const e: Record<string, number> = {};
  const skipped: Record<string, string> = {};
  // A column too small to estimate at this scale (e.g. the state-owned cell at --scale tiny) gets no
  // target; the pipeline leaves the same column out with a note.
  const put = (key: string, value: () => number) => {
    try {
      e[key] = value();
    } catch (err) {
      skipped[key] = `no estimand at this scale: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  const lnspatent = iv(inp, patent(base), "table2.3");
  e["table2.3.robot"] = lnspatent;
  const olsValue = ols(
    inp,
    { rows: base, ystar: (k) => beta(k) * s(k) + PARAMS.patents.rho * panel.u[asie.cityYear[k]] },
    "table2.1",
  );
  e["table2.1.robot"] = olsValue;
  e["table3.1.robot"] = PARAMS.partImports.beta;
  e["table3.3.robot"] = PARAMS.expense.beta;
  put("table3.4.robot", () => iv(inp, cell(split.gapSmall), "table3.4"));
  put("table3.5.robot", () => iv(inp, cell(split.gapLarge), "table3.5"));
  // Standardised output: Q = Q⁰·(1 + b·robot) in levels, y = (Q − mean)/s.d. over the upstream panel.
  const sdQ = sd(up.map((k) => round3(out.output[k])));
  put("table4.1.robot", () =>
    iv(inp, { rows: up, ystar: (k) => (PARAMS.output.beta * out.output0[k] * s(k)) / sdQ }, "table4.1"),
  );
  e["table4.2.robot"] = PARAMS.profit.beta;
  e["table4.3.robot"] = PARAMS.products.beta;
  const cells: [string, (k: number) => boolean][] = [
    ["table5.1", split.highMarkup],
    ["table5.2", split.lowMarkup],
    ["table5.3", split.lowSa],
    ["table5.4", split.highSa],
    ["table5.5", (k) => firms.ownership[firmOf(k)] === "state"],
    ["table5.6", (k) => firms.ownership[firmOf(k)] === "foreign"],
    ["table5.7", (k) => firms.ownership[firmOf(k)] === "private"],
  ];
  for (const [id, keep] of cells) put(`${id}.robot`, () => iv(inp, cell(keep), id));
  // First stages of every printed 2SLS column, on the column's sample.
  const fs = (key: string, rows: number[]) => put(key, () => firstStage(inp, rows, key));
  fs("table2.2.us_robot", base);
  const partRows: number[] = [];
  for (let k = 0; k < asie.n; k++) if (out.partImports[k] > 0) partRows.push(k);
  fs("table3.1.us_robot", partRows);
  fs("table3.3.us_robot", up);
  fs("table3.4.us_robot", base.filter(split.gapSmall));
  fs("table3.5.us_robot", base.filter(split.gapLarge));
  put("table3.2.us_robot", () => cityFirstStage(panel));
  fs("table4.1.us_robot", up);
  fs(
    "table4.2.us_robot",
    up.filter((k) => out.profit[k] > 0),
  );
  fs(
    "table4.3.us_robot",
    up.filter((k) => out.products[k] > 0),
  );
  for (const [id, keep] of cells) fs(`${id}.us_robot`, base.filter(keep));
  // Robustness tables.
  put("robustness_outcomes.1.robot", () =>
    iv(
      inp,
      { rows: inventors, ystar: (k) => (beta(k) - PARAMS.patents.deltaInvention) * s(k) },
      "robustness_outcomes.1",
    ),
  );
  e["robustness_outcomes.2.robot"] = PARAMS.dvar.beta;
  const late = lateRobot(panel, share);
  const other = otherRobot(panel, share);
  put("robustness_instruments.1.robot", () =>
    iv(inp, { ...patent(base), instrument: (k) => late[asie.cityYear[k]] }, "robustness_instruments.1"),
  );
  put("robustness_instruments.2.robot", () =>
    iv(inp, { ...patent(base), instrument: (k) => other[asie.cityYear[k]] }, "robustness_instruments.2"),
  );
  e["robustness_samples.2.robot"] = 0;
  for (const c of [1, 2, 3]) e[`robustness_clusters.${c}.robot`] = lnspatent;
  return {
    effects: e,
    ols: { "table2.1.robot": olsValue },
    skipped,
    notes: {
      lnspatent: `population mean of the firm effects: ${PARAMS.patents.mean}`,
    },
  };
}
