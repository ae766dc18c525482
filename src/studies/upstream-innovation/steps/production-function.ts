/**
 * The materials elasticity behind study A's DLW markups (Table 5 (1)/(2)): a gross-output
 * Cobb–Douglas estimated separately for each 2-digit CIC industry (大类) by GMM on the productivity
 * innovation with ACF timing (`productionGmm`), year effects absorbed, on every ASIE firm of the
 * industry; industries with too few usable firm-years are estimated together as one pooled group.
 */
import type { CategoricalKey } from "../../../measures/keys.js";
import { productionGmm } from "../../../measures/production-gmm.js";

/** GMM rows (firm-years with the firm's two previous years) an industry needs to be estimated alone. */
export const MIN_INDUSTRY_ROWS = 150;

/** The pooled group's name. */
export const POOLED = "pooled";

/** Inputs: one row per firm-year, logs of deflated output and inputs. */
export interface ElasticityInput {
  /** 2-digit industry per row ("" when unknown: such rows get no elasticity). */
  readonly industry: readonly string[];
  readonly firm: CategoricalKey;
  readonly year: Float64Array;
  readonly output: Float64Array;
  readonly labor: Float64Array;
  readonly capital: Float64Array;
  readonly materials: Float64Array;
}

/** The elasticity per row and per group. */
export interface ElasticityResult {
  /** θ_m per row (NaN where the industry is unknown). */
  readonly theta: Float64Array;
  readonly byGroup: Readonly<Record<string, number>>;
  /** The group of each industry seen (the industry itself, or {@link POOLED}). */
  readonly groupOf: Readonly<Record<string, string>>;
}

/**
 * Estimate θ_m per industry group and spread it over the rows; an estimate outside (0, 1.5) is an
 * error naming the group (the inputs cannot then give markups).
 * @example const { theta } = materialsElasticityByIndustry({ industry, firm, year, output, labor, capital, materials });
 */
export function materialsElasticityByIndustry(input: ElasticityInput): ElasticityResult {
  const n = input.industry.length;
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const g = input.industry[i];
    if (g !== "" && Number.isFinite(input.materials[i])) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  // Rough size screen on complete rows; the estimator itself checks the GMM sample.
  const groupOf = (g: string) => (g === "" ? "" : (counts.get(g) ?? 0) >= 3 * MIN_INDUSTRY_ROWS ? g : POOLED);
  const groups = [...new Set(input.industry.map(groupOf))].filter((g) => g !== "").sort();
  const theta = new Float64Array(n).fill(Number.NaN);
  const byGroup: Record<string, number> = {};
  const years = [...new Set(input.year)].filter(Number.isFinite).sort((a, b) => a - b);
  for (const g of groups) {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (groupOf(input.industry[i]) === g) rows.push(i);
    const pick = (c: Float64Array) => Float64Array.from(rows, (i) => c[i]);
    const yr = pick(input.year);
    const dummies = years.slice(1).map((y) => Float64Array.from(yr, (v) => (v === y ? 1 : 0)));
    const estimate = () =>
      productionGmm({
        output: pick(input.output),
        labor: pick(input.labor),
        capital: pick(input.capital),
        materials: pick(input.materials),
        id: { codes: Int32Array.from(rows, (i) => input.firm.codes[i]), levels: input.firm.levels },
        time: yr,
        controls: dummies,
      });
    let fit: ReturnType<typeof productionGmm>;
    try {
      fit = estimate();
    } catch (e) {
      throw new Error(
        `the production function of industry ${g === POOLED ? "group 'pooled' (the industries with too few firm-years)" : g} cannot be estimated: ${(e as Error).message}`,
      );
    }
    if (!(fit.materials > 0 && fit.materials < 1.5)) {
      throw new Error(
        `the output elasticity of intermediate inputs estimated for industry ${g} is ${fit.materials} (OLS ${fit.ols.materials}); ` +
          "it should lie in (0, 1.5) — check the asie columns output, employment, net_fixed_assets and intermediate_inputs of that industry",
      );
    }
    byGroup[g] = fit.materials;
    for (const i of rows) theta[i] = fit.materials;
  }
  const groups2 = Object.fromEntries([...counts.keys()].sort().map((g) => [g, groupOf(g)]));
  return Object.freeze({ theta, byGroup: Object.freeze(byGroup), groupOf: Object.freeze(groups2) });
}
