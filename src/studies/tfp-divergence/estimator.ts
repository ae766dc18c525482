/**
 * Running the regressions of the tables: each column names its panel, formula and (optionally) a
 * split sample; results are cached so a model shown in two columns (a first and a second stage) is
 * estimated once.
 */
import { feols } from "../../estimate/feols.js";
import type { EstimationResult } from "../../estimate/result.js";
import type { Frame } from "../../frame/frame.js";
import type { Label, TableColumn } from "../../report/table-spec.js";
import { filterRows } from "../../frame/filter-rows.js";
import { VCOV } from "./formulas.js";

/** A split sample: rows where `column` equals `value` (a level text or a number). */
export interface Subset {
  readonly column: string;
  readonly value: string | number;
  readonly label: string;
}

/** One column of a table: what to estimate and how to head it. */
export interface ColumnModel {
  readonly panel: "country" | "industry";
  readonly formula: string;
  readonly subset?: Subset;
  readonly label: Label;
  readonly sublabel?: Label;
  readonly firstStageOf?: string;
  readonly footer: Readonly<Record<string, string>>;
}

/**
 * Estimates column models on the two panels, caching results.
 * @example const est = new Estimator({ country, industry }); est.column(TABLE2_MODELS[0], "table2 column (1)");
 */
export class Estimator {
  private readonly cache = new Map<string, EstimationResult>();
  private readonly subsets = new Map<string, Frame>();

  /** @example new Estimator({ country: panels.country.frame, industry: panels.industry.frame }); */
  constructor(private readonly panels: { readonly country: Frame; readonly industry: Frame }) {}

  /**
   * The result of a model (estimated once per panel, subset and formula).
   * @example est.estimate({ panel: "country", formula: "tfp ~ Exposure | iso3 + year" }, "table2 column (2)");
   */
  estimate(model: Pick<ColumnModel, "panel" | "formula" | "subset">, where: string): EstimationResult {
    const key = `${model.panel}|${model.subset?.column ?? ""}=${model.subset?.value ?? ""}|${model.formula}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const frame = this.frame(model.panel, model.subset);
    let result: EstimationResult;
    try {
      result = feols(frame, model.formula, { vcov: VCOV });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      throw new Error(`${where}: cannot estimate "${model.formula}" on the ${frame.source}: ${msg}`, {
        cause: err,
      });
    }
    this.cache.set(key, result);
    return result;
  }

  /**
   * The table column of a model.
   * @example est.column(model, "table3 column (2)").result.nobs;
   */
  column(model: ColumnModel, where: string): TableColumn {
    return {
      label: model.label,
      ...(model.sublabel ? { sublabel: model.sublabel } : {}),
      result: this.estimate(model, where),
      ...(model.firstStageOf ? { firstStageOf: model.firstStageOf } : {}),
      footer: model.footer,
    };
  }

  /**
   * Rows of a panel (all, or a split sample).
   * @example est.frame("industry", { column: "industry", value: "C29", label: "C29" }).nrows;
   */
  frame(panel: "country" | "industry", subset?: Subset): Frame {
    const base = this.panels[panel];
    if (!subset) return base;
    const key = `${panel}|${subset.column}=${subset.value}`;
    const hit = this.subsets.get(key);
    if (hit) return hit;
    const col = base.columns[subset.column];
    if (!col) throw new Error(`the ${base.source} has no column "${subset.column}" to split on`);
    const keep =
      col.type === "number"
        ? (i: number) => col.values[i] === subset.value
        : (i: number) => col.codes[i] >= 0 && col.levels[col.codes[i]] === subset.value;
    const frame = filterRows(base, keep, subset.label);
    this.subsets.set(key, frame);
    return frame;
  }
}

/**
 * The literal footer cells of a column: controls and fixed effects, "Yes"/"No", blank where a row
 * does not apply to the panel.
 * @example feFooter("industry", { fe: true });
 */
export function feFooter(
  panel: "country" | "industry",
  opts: { readonly fe: boolean; readonly industryFe?: boolean },
): Record<string, string> {
  const yes = (b: boolean) => (b ? "Yes" : "No");
  return {
    economy_controls: "Yes",
    industry_controls: panel === "industry" ? "Yes" : "",
    industry_fe: panel === "industry" ? yes(opts.fe && opts.industryFe !== false) : "",
    economy_fe: yes(opts.fe),
    year_fe: yes(opts.fe),
  };
}
