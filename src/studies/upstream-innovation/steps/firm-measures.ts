/**
 * The firm measures computed in JavaScript on the upstream panel: standardised output y, the De
 * Loecker–Warzynski markup (the output elasticity of intermediate inputs of a gross-output
 * Cobb–Douglas estimated per 2-digit industry, production-function.ts), the SA index of financing
 * constraints, the technology gap (eq. 3), the domestic value-added ratio, and the split indicators
 * of Tables 3 and 5 (quantiles within the baseline sample of firm-years with patents).
 */
import type { Frame } from "../../../frame/frame.js";
import { markupDLW } from "../../../measures/markup-dlw.js";
import { pctile } from "../../../measures/percentile.js";
import { standardize } from "../../../measures/standardize.js";
import { techGap } from "../../../measures/tech-gap.js";
import { numericColumn, withColumns } from "../frame-utils.js";
import { DVAR_COLUMNS, type DvarFlows, dvarOfFirmYears } from "./dvar-trade.js";
import { materialsElasticityByIndustry } from "./production-function.js";
import { studySaIndex } from "./sa-design.js";

/** The cut-offs used for the split samples. */
export interface SplitCutoffs {
  /** The materials elasticity of each industry group (CIC 2-digit, or the pooled small ones). */
  readonly markupElasticity: Readonly<Record<string, number>>;
  readonly markupP75: number;
  readonly saMedian: number;
  readonly gapP25: number;
  readonly gapP50: number;
}

const lnPos = (v: Float64Array) => Float64Array.from(v, (x) => (x > 0 ? Math.log(x) : Number.NaN));

/** θ_m per 2-digit industry group from the production sample. */
function elasticities(production: Frame) {
  const cic2 = production.columns.cic2;
  const firm = production.columns.firm;
  if (cic2?.type !== "category" || firm?.type !== "category")
    throw new Error(`${production.source}: columns cic2 and firm should be text`);
  return materialsElasticityByIndustry({
    industry: Array.from(cic2.codes, (c) => (c < 0 ? "" : cic2.levels[c])),
    firm,
    year: numericColumn(production, "year"),
    output: lnPos(numericColumn(production, "output")),
    labor: lnPos(numericColumn(production, "employment")),
    capital: lnPos(numericColumn(production, "net_fixed_assets")),
    materials: lnPos(numericColumn(production, "intermediate_inputs")),
  });
}

/**
 * Add y, markup, sa, gap, dvar and the split indicators high_markup, high_sa, gap_small, gap_large.
 * The materials elasticity of the markups comes from `production` (every ASIE firm-year of the
 * makers' 2-digit industries, see production-function.ts).
 * @example const { frame, cutoffs } = addFirmMeasures(panels.upstream, panels.production);
 */
export function addFirmMeasures(panel: Frame, production: Frame): { frame: Frame; cutoffs: SplitCutoffs } {
  const n = panel.nrows;
  const output = numericColumn(panel, "output");
  const y = standardize(output);
  const lnq = lnPos(output);
  const lnl = lnPos(numericColumn(panel, "employment"));
  const lnk = lnPos(numericColumn(panel, "net_fixed_assets"));
  const inter = numericColumn(panel, "intermediate_inputs");
  const lnm = lnPos(inter);
  const pf = elasticities(production);
  const cic4 = panel.columns.cic4;
  if (cic4?.type !== "category") throw new Error(`${panel.source}: column cic4 should be text`);
  const theta = Float64Array.from(cic4.codes, (c) => {
    const group = c < 0 ? undefined : pf.groupOf[cic4.levels[c].slice(0, 2)];
    return group === undefined ? Number.NaN : pf.byGroup[group];
  });
  const expenditure = Float64Array.from(inter, (x) => (x > 0 ? x : Number.NaN));
  const markup = markupDLW({ output: lnq, inputs: [lnl, lnk, lnm], elasticity: theta, expenditure }).markup;
  const assets = numericColumn(panel, "total_assets");
  const sa = studySaIndex(assets, numericColumn(panel, "age"));
  const gap = techGap(numericColumn(panel, "us_lnlp"), numericColumn(panel, "lnlp"));
  const dvar = dvarOfFirmYears(
    Object.fromEntries(DVAR_COLUMNS.map((c) => [c, numericColumn(panel, c)])) as DvarFlows,
  );
  // Split cut-offs within the baseline sample (firm-years with patents).
  const lnspatent = numericColumn(panel, "lnspatent");
  const inSample = (v: Float64Array) =>
    Float64Array.from(v, (x, i) => (Number.isNaN(lnspatent[i]) ? Number.NaN : x));
  const cutoffs: SplitCutoffs = {
    markupElasticity: pf.byGroup,
    markupP75: pctile(inSample(markup), 75),
    saMedian: pctile(inSample(sa), 50),
    gapP25: pctile(inSample(gap), 25),
    gapP50: pctile(inSample(gap), 50),
  };
  const flag = (v: Float64Array, test: (x: number) => boolean) =>
    Float64Array.from(v, (x) => (Number.isNaN(x) ? Number.NaN : test(x) ? 1 : 0));
  const frame = withColumns(panel, {
    y,
    markup,
    sa,
    gap,
    dvar,
    high_markup: flag(markup, (x) => x >= cutoffs.markupP75),
    high_sa: flag(sa, (x) => x > cutoffs.saMedian),
    gap_small: flag(gap, (x) => x <= cutoffs.gapP25),
    gap_large: flag(gap, (x) => x >= cutoffs.gapP50),
  });
  if (frame.nrows !== n) throw new Error("internal: the upstream panel changed size");
  return { frame, cutoffs };
}
