/**
 * Firm domestic value-added ratio of exports (DVAR) following Upward, Wang & Zheng (2013), with
 * processing and ordinary trade treated separately.
 */
import { numberArg, numericArg, optionsArg, sameLength } from "./validate.js";

/** Inputs of {@link domesticValueAdded}: firm-year flows in one currency (e.g. thousand yuan). */
export interface DomesticValueAddedInput {
  /** Exports under processing trade, X^P. */
  readonly processingExports: Float64Array;
  /** Exports under ordinary trade, X^O. */
  readonly ordinaryExports: Float64Array;
  /** Imported intermediates under processing trade, M^P (leave out capital goods by BEC beforehand). */
  readonly processingImports: Float64Array;
  /** Imports under ordinary trade (all goods, or intermediates only when `intermediateShare` is 1). */
  readonly ordinaryImports: Float64Array;
  /**
   * BEC intermediate share of `ordinaryImports` (0…1; a number or one per row, e.g.
   * Σ value·is_intermediate / Σ value over the firm's ordinary import lines). Default 1.
   */
  readonly intermediateShare?: number | Float64Array;
  /** Total sales S (domestic sales + exports; ASIE sales or gross output). */
  readonly sales: Float64Array;
}

/** Options of {@link domesticValueAdded}. */
export interface DomesticValueAddedOptions {
  /** `"keep"` (default) returns values outside [0, 1] as computed; `"missing"` turns them into NaN. */
  readonly outOfRange?: "keep" | "missing";
}

/** Result of {@link domesticValueAdded}. */
export interface DomesticValueAddedResult {
  readonly dvar: Float64Array;
  /** 0 = no exports or missing input, 1 = pure processing, 2 = pure ordinary, 3 = mixed. */
  readonly regime: Int8Array;
}

/**
 * DVAR = 1 − [M^P + X^O · M^O_int / (S − X^P)] / (X^P + X^O), where M^O_int = ordinaryImports ×
 * intermediateShare (UWZ 2013: processing imports are entirely foreign content of processing
 * exports; ordinary imported intermediates are used in the same proportion in domestic sales and
 * ordinary exports, S − X^P = D + X^O being the sales they serve). It nests the three cases:
 * pure processing (X^O = 0) 1 − M^P / X^P; pure ordinary (X^P = 0) 1 − M^O_int / S; mixed, the
 * formula itself. UWZ's adjustment for imports through trade intermediaries is not applied (adjust
 * the import inputs beforehand if needed).
 *
 * NaN where exports are 0, an input is missing, or X^O > 0 while S ≤ X^P (sales cannot cover the
 * processing exports — inconsistent data). Negative flows or a share outside [0, 1] are errors.
 * @example domesticValueAdded({ processingExports: x_p, ordinaryExports: x_o, processingImports: m_p, ordinaryImports: m_o, sales: s }).dvar;
 */
export function domesticValueAdded(
  input: DomesticValueAddedInput,
  opts?: DomesticValueAddedOptions,
): DomesticValueAddedResult {
  const fn = "domesticValueAdded";
  if (typeof input !== "object" || input === null) {
    throw new Error(
      `${fn}: pass { processingExports, ordinaryExports, processingImports, ordinaryImports, sales }`,
    );
  }
  const xp = numericArg(fn, "processingExports", input.processingExports);
  const xo = numericArg(fn, "ordinaryExports", input.ordinaryExports);
  const mp = numericArg(fn, "processingImports", input.processingImports);
  const mo = numericArg(fn, "ordinaryImports", input.ordinaryImports);
  const s = numericArg(fn, "sales", input.sales);
  const shareIn = input.intermediateShare ?? 1;
  const shareArr = typeof shareIn === "number" ? null : numericArg(fn, "intermediateShare", shareIn);
  if (typeof shareIn === "number") numberArg(fn, "intermediateShare", shareIn, { min: 0, max: 1 });
  const o = optionsArg(fn, opts);
  const outOfRange = o.outOfRange ?? "keep";
  if (outOfRange !== "keep" && outOfRange !== "missing") {
    throw new Error(
      `${fn}: option "outOfRange" must be "keep" or "missing", got ${JSON.stringify(outOfRange)}`,
    );
  }
  const n = sameLength(fn, [
    ["processingExports", xp.length],
    ["ordinaryExports", xo.length],
    ["processingImports", mp.length],
    ["ordinaryImports", mo.length],
    ["sales", s.length],
    ...(shareArr ? [["intermediateShare", shareArr.length] as const] : []),
  ]);
  const named: [string, Float64Array][] = [
    ["processingExports", xp],
    ["ordinaryExports", xo],
    ["processingImports", mp],
    ["ordinaryImports", mo],
    ["sales", s],
  ];
  const dvar = new Float64Array(n).fill(Number.NaN);
  const regime = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    for (const [name, col] of named) {
      if (col[i] < 0)
        throw new Error(
          `${fn}: ${name} is negative (${col[i]}) at index ${i}; trade flows and sales must be ≥ 0`,
        );
    }
    const share = shareArr ? shareArr[i] : (shareIn as number);
    if (share < 0 || share > 1) {
      throw new Error(`${fn}: intermediateShare is ${share} at index ${i}; it must lie in [0, 1]`);
    }
    const X = xp[i] + xo[i];
    if (!(X > 0) || Number.isNaN(mp[i]) || Number.isNaN(mo[i]) || Number.isNaN(s[i]) || Number.isNaN(share))
      continue;
    let foreign = mp[i];
    if (xo[i] > 0) {
      const served = s[i] - xp[i];
      if (!(served > 0)) continue;
      foreign += (xo[i] * mo[i] * share) / served;
    }
    const d = 1 - foreign / X;
    regime[i] = xo[i] === 0 ? 1 : xp[i] === 0 ? 2 : 3;
    dvar[i] = outOfRange === "missing" && (d < 0 || d > 1) ? Number.NaN : d;
  }
  return Object.freeze({ dvar, regime });
}
