/**
 * The value every regression coefficient of study B's Tables 2–9 targets in a generated world.
 *
 * Each TFP outcome of the DGP is its systematic part plus errors that are independent of the
 * instruments and controls (and, where the design makes them so, of the regressors): the TFP
 * shock u and the value-added noise η. The estimand of a column is the same
 * estimator (same formula, sample, controls, fixed effects, instruments) applied to the outcome
 * with those errors removed, computed on the pipeline's own panels: for 2SLS (and OLS on exogenous
 * regressors) this is the probability limit given the regressors, so split samples, interactions
 * and the realised High / Stru / class groups are covered without a formula per table. OLS columns
 * whose regressors carry the TFP shock (robot stocks respond to it) are listed as biased.
 */
import type { Frame } from "../../../frame/frame.js";
import { divergence } from "../../../measures/index.js";
import { type ColumnModel, Estimator } from "../estimator.js";
import { cat, num, withColumns } from "../frame-columns.js";
import type { Panels } from "../panels.js";
import { INDUSTRY_CODES } from "../sectors.js";
import { TABLE2_MODELS } from "../tables/table2.js";
import { TABLE3_MODELS } from "../tables/table3.js";
import { TABLE4_MODELS } from "../tables/table4.js";
import { TABLE5_MODELS } from "../tables/table5.js";
import { TABLE6_MODELS } from "../tables/table6.js";
import { TABLE7_MODELS } from "../tables/table7.js";
import { TABLE8_MODELS } from "../tables/table8.js";
import { TABLE9_MODELS } from "../tables/table9.js";
import { MIN_SPLIT_ROWS } from "../tables/split-columns.js";
import type { Generated } from "./generate.js";
import { PARAMS, ROBOT_YEARS, WIOD_YEARS } from "./params.js";

/** A table's models and the terms it prints. */
interface TableModels {
  readonly id: string;
  readonly models: readonly ColumnModel[];
  readonly terms: readonly string[];
  /** Split tables number only the estimable columns. */
  readonly split?: boolean;
}

const TABLES: readonly TableModels[] = [
  { id: "table2", models: TABLE2_MODELS, terms: ["Exposure"] },
  { id: "table3", models: TABLE3_MODELS, terms: ["Exposure", "IV_TS", "IV_TL"] },
  { id: "table4", models: TABLE4_MODELS, terms: ["Exposure_Install"] },
  { id: "table5", models: TABLE5_MODELS, terms: ["Exposure", "Exposure:High"] },
  {
    id: "table6",
    models: TABLE6_MODELS,
    terms: ["Exposure_Install", "Exposure_Install:High", "RE", "RE:High"],
  },
  { id: "table7", models: TABLE7_MODELS, terms: ["Exposure", "Exposure:Stru"] },
  { id: "table8", models: TABLE8_MODELS, terms: ["Exposure"], split: true },
  { id: "table9", models: TABLE9_MODELS, terms: ["Exposure"], split: true },
];

/** First-stage regressors: projection coefficients with no structural value in the DGP. */
const FIRST_STAGE_TERMS = new Set(["IV_TS", "IV_TL"]);

/** Effects, biased estimators and the printed coefficients without a target. */
export interface Estimands {
  readonly effects: Record<string, number>;
  readonly biased: Record<string, string>;
  readonly untargeted: Record<string, string>;
}

/**
 * Outcomes without a target: RE's own noise (capital growth and capital-per-worker shocks) also
 * moves the controls lnsize and lncapital, so no error-free RE isolates the robot effect.
 */
const NO_TARGET: Readonly<Record<string, string>> = {
  RE: "RE's own noise (capital growth, capital per worker) also moves the controls lnsize and lncapital: no error-free outcome defines a target",
};

/** The formula's outcome (left of `~`). */
function outcomeOf(formula: string): string {
  return formula.split("~", 1)[0].trim();
}

/** Why an OLS column's robot regressor is inconsistent by design, by panel and regressor. */
const BIAS_CAUSE = {
  stock: "robot stocks fall with the year's TFP shock (idle robots scrapped or redeployed)",
  countryInstalls: "robot installations fall with the economy's TFP shock",
  industryInstalls:
    "robots are adopted where the industry's productivity lags (installations fall with the industry's TFP shock of the year; the cell's own adoption level lowers its TFP)",
} as const;

/** Whether an OLS column's regressors carry the TFP shock or the adoption-level confounder by design. */
function olsBias(model: ColumnModel): string | null {
  const outcome = outcomeOf(model.formula);
  if (outcome === "RE") return null;
  const stock = /\bExposure\b(?!_)/.test(model.formula);
  const installs = /\bExposure_Install\b/.test(model.formula);
  const cause = stock
    ? BIAS_CAUSE.stock
    : installs && model.panel === "country" && Number(PARAMS.country.endog) !== 0
      ? BIAS_CAUSE.countryInstalls
      : installs &&
          model.panel === "industry" &&
          (Number(PARAMS.industry.levelConfound) !== 0 || Number(PARAMS.industry.endog) !== 0)
        ? BIAS_CAUSE.industryInstalls
        : null;
  if (!cause) return null;
  return outcome === "var_tfp"
    ? `inconsistent: ${cause}, so OLS on Var_TFP is biased downward above the mean and upward below it`
    : `downward: ${cause}`;
}

/**
 * Country frame with `tfp_star` and `var_tfp_star` (the TFP shock removed).
 * The US shock is common within a year: the year fixed effects absorb it and Var_TFP is scale-free.
 */
function countryStar(frame: Frame, g: Generated): Frame {
  const iso3 = cat(frame, "iso3");
  const year = num(frame, "year");
  const tfp = num(frame, "tfp");
  const econ = new Map(g.world.econ.map((e, i) => [e.iso3, i]));
  const T = g.world.robotYears;
  const star = Float64Array.from(tfp, (v, i) => {
    const e = econ.get(iso3.levels[iso3.codes[i]]);
    if (e === undefined) return Number.NaN;
    return v - g.shocks.country[e * T + (year[i] - ROBOT_YEARS.first)];
  });
  return withColumns(frame, {
    tfp_star: star,
    var_tfp_star: divergence(star.map(Math.exp), year),
  });
}

/** Industry frame with the error-free outcomes (the TFP shock and the value-added noise removed). */
function industryStar(frame: Frame, g: Generated): Frame {
  const iso3 = cat(frame, "iso3");
  const industry = cat(frame, "industry");
  const year = num(frame, "year");
  const tfp = num(frame, "tfp");
  const ctfp = num(frame, "country_tfp");
  const econ = new Map(g.world.econ.map((e, i) => [e.iso3, i]));
  const ind = new Map(INDUSTRY_CODES.map((c, j) => [c, j]));
  const M = INDUSTRY_CODES.length;
  const T = g.world.robotYears;
  const Y = g.manuf.years;
  const n = frame.nrows;
  const tfpStar = new Float64Array(n);
  const ctfpStar = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = econ.get(iso3.levels[iso3.codes[i]]);
    const j = ind.get(industry.levels[industry.codes[i]]);
    if (e === undefined || j === undefined) {
      tfpStar[i] = ctfpStar[i] = Number.NaN;
      continue;
    }
    const r = year[i] - ROBOT_YEARS.first;
    const m = (e * M + j) * Y + (year[i] - WIOD_YEARS.first);
    tfpStar[i] =
      tfp[i] - g.shocks.industry[(e * M + j) * T + r] - g.manuf.vaNoise[m] - g.manuf.confound[e * M + j];
    ctfpStar[i] = ctfp[i] - g.shocks.country[e * T + r];
  }
  return withColumns(frame, {
    tfp_star: tfpStar,
    var_tfp_star: divergence(tfpStar, [industry, year]),
    country_tfp_star: ctfpStar,
  });
}

/** One printed column: its table, number (as printed), model and printed terms. */
export interface PrintedColumn {
  readonly table: string;
  readonly column: number;
  readonly model: ColumnModel;
  readonly terms: readonly string[];
}

/**
 * The columns of Tables 2–9 as the tables number them (split tables skip groups too small to estimate).
 * @example for (const c of printedColumns(new Estimator(panels))) c.model.formula;
 */
export function printedColumns(est: Estimator): PrintedColumn[] {
  const out: PrintedColumn[] = [];
  for (const table of TABLES) {
    let column = 0;
    for (const model of table.models) {
      if (table.split && est.frame(model.panel, model.subset).nrows < MIN_SPLIT_ROWS) continue;
      column += 1;
      out.push({ table: table.id, column, model, terms: table.terms });
    }
  }
  return out;
}

/**
 * The estimand of every printed coefficient of Tables 2–9 on the pipeline's panels.
 * @example const { effects, biased, untargeted } = estimands(generated, panels);
 */
export function estimands(g: Generated, panels: Panels): Estimands {
  const country = panels.country.frame;
  const industry = panels.industry.frame;
  const real = new Estimator({ country, industry });
  const star = new Estimator({ country: countryStar(country, g), industry: industryStar(industry, g) });
  const effects: Record<string, number> = {};
  const biased: Record<string, string> = {};
  const untargeted: Record<string, string> = {};
  for (const { table, column, model, terms } of printedColumns(real)) {
    const outcome = outcomeOf(model.formula);
    const where = `truth of ${table} column (${column})`;
    if (outcome in NO_TARGET) {
      for (const term of terms)
        if (model.formula.split("~").slice(1).join("~").includes(term))
          untargeted[`${table}.${column}.${term}`] = NO_TARGET[outcome];
      continue;
    }
    // A first stage (outcome Exposure) has only projection coefficients: no error-free outcome.
    const result =
      outcome === "Exposure"
        ? real.estimate(model, where)
        : star.estimate({ ...model, formula: model.formula.replace(/^[^~]*~/, `${outcome}_star ~`) }, where);
    const ols = result.method === "ols";
    for (const term of terms) {
      const key = `${table}.${column}.${term}`;
      if (FIRST_STAGE_TERMS.has(term)) {
        if (result.coefficients.some((c) => c.term === term))
          untargeted[key] =
            "first-stage projection of robot exposure on the structure-matched instrument: the DGP fixes no structural value (its sign is in `signs`)";
        continue;
      }
      const c = result.coefficients.find((x) => x.term === term);
      if (!c) continue;
      effects[key] = c.estimate;
      const bias = ols ? olsBias(model) : null;
      if (bias) biased[key] = bias;
    }
  }
  return { effects, biased, untargeted };
}
