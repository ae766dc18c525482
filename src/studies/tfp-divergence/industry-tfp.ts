/**
 * Industry TFP by Levinsohn–Petrin (value added on labour and capital, intermediate inputs as the
 * proxy), one production function per manufacturing industry (the paper estimates TFP "各经济体
 * 制造业分行业层面 … 采用 LP 法测度", and production technologies differ across the 14 industries),
 * on the economy-industry-year panel: the economies of an industry are its units.
 */
import type { Frame } from "../../frame/frame.js";
import { levinsohnPetrin } from "../../measures/index.js";
import { cat, mapColumns, num } from "./frame-columns.js";

/** The elasticities of one industry's production function. */
export interface IndustryFunction {
  readonly industry: string;
  readonly labor: number;
  readonly capital: number;
  readonly nobs: number;
  readonly units: number;
  readonly secondStageRows: number;
}

/** ln TFP per row of the panel and the production function of each industry. */
export interface IndustryTfp {
  readonly tfp: Float64Array;
  readonly functions: readonly IndustryFunction[];
}

/**
 * Economy × industry unit ids (dense, from the two categorical codes).
 * @example const id = unitIds(frame);
 */
export function unitIds(frame: Frame): Int32Array {
  const iso3 = cat(frame, "iso3");
  const industry = cat(frame, "industry");
  const L = industry.levels.length;
  return Int32Array.from(iso3.codes, (c, i) =>
    c < 0 || industry.codes[i] < 0 ? -1 : c * L + industry.codes[i],
  );
}

/**
 * Estimate LP industry by industry on the panel frame (columns iso3, industry, va, emp, k, ii,
 * year); ln TFP of each row from its own industry's elasticities.
 * @example const lp = industryTfp(frame); lp.tfp; lp.functions[0].labor;
 */
export function industryTfp(frame: Frame): IndustryTfp {
  const industry = cat(frame, "industry");
  const iso3 = cat(frame, "iso3");
  const va = mapColumns([num(frame, "va")], Math.log);
  const labor = mapColumns([num(frame, "emp")], Math.log);
  const capital = mapColumns([num(frame, "k")], Math.log);
  const proxy = mapColumns([num(frame, "ii")], Math.log);
  const year = num(frame, "year");
  const tfp = new Float64Array(frame.nrows).fill(Number.NaN);
  const functions: IndustryFunction[] = [];
  industry.levels.forEach((code, level) => {
    const rows: number[] = [];
    for (let i = 0; i < frame.nrows; i++) if (industry.codes[i] === level) rows.push(i);
    if (rows.length === 0) return;
    const pick = (x: Float64Array) => Float64Array.from(rows, (i) => x[i]);
    let lp: ReturnType<typeof levinsohnPetrin>;
    try {
      lp = levinsohnPetrin(
        {
          va: pick(va),
          labor: pick(labor),
          capital: pick(capital),
          proxy: pick(proxy),
          id: Int32Array.from(rows, (i) => iso3.codes[i]),
          time: pick(year),
        },
        { reps: 0 },
      );
    } catch (err) {
      throw new Error(
        `Levinsohn–Petrin for industry ${code} (${rows.length} rows of the economy-industry-year panel): ${(err as Error).message}`,
      );
    }
    rows.forEach((i, r) => {
      tfp[i] = lp.tfp[r];
    });
    functions.push({
      industry: code,
      labor: lp.labor,
      capital: lp.capital,
      nobs: lp.nobs,
      units: lp.nfirms,
      secondStageRows: lp.nSecondStage,
    });
  });
  return { tfp, functions };
}
