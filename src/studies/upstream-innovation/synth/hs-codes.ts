/**
 * HS codes of the synthetic customs data beyond the study's robot and part codes: the pool of other
 * products (with their BEC capital-goods shares) and the pure intermediate inputs that component
 * makers import.
 */

/** An HS8 product and the capital-goods share of its HS6 heading. */
export interface HsProduct {
  readonly hs8: string;
  readonly capitalShare: number;
}

/** An intermediate input and the share of its imports that reach the makers through trade intermediaries. */
export interface IntermediateProduct extends HsProduct {
  readonly intermediaryShare: number;
}

/**
 * Intermediate inputs of component makers (capital share 0): steel, bearings' steel, chips, copper
 * wire. Of every maker's imports of a product, `intermediaryShare` is declared by a trading company
 * (Upward, Wang & Zheng 2013's indirect imports), the rest by the maker itself.
 */
export const INTERMEDIATE_CODES: readonly IntermediateProduct[] = [
  { hs8: "72085110", capitalShare: 0, intermediaryShare: 0.3 },
  { hs8: "72193200", capitalShare: 0, intermediaryShare: 0.2 },
  { hs8: "74081100", capitalShare: 0, intermediaryShare: 0.4 },
  { hs8: "85423100", capitalShare: 0, intermediaryShare: 0.25 },
  { hs8: "85423900", capitalShare: 0, intermediaryShare: 0.1 },
  { hs8: "39089000", capitalShare: 0, intermediaryShare: 0.35 },
];

/** Machine tools component makers import as equipment under 来料加工装配进口的设备 (capital goods, BEC share 1). */
export const EQUIPMENT_CODES: readonly string[] = ["84571090", "84581000", "84621090"];

const CHAPTER_SHARES: readonly [string, number][] = [
  ["8428", 1],
  ["8456", 1],
  ["8457", 1],
  ["8458", 1],
  ["8462", 1],
  ["8471", 0.8],
  ["8477", 1],
  ["8479", 1],
  ["8481", 0.3],
  ["8482", 0.2],
  ["8504", 0.4],
  ["8517", 0.7],
  ["8536", 0.2],
  ["8541", 0],
  ["8708", 0.1],
  ["9013", 0.5],
  ["9026", 0.8],
  ["9031", 0.9],
  ["3901", 0],
  ["3920", 0],
  ["2902", 0],
  ["4011", 0.2],
  ["5209", 0],
  ["6204", 0],
  ["7210", 0],
  ["7318", 0.1],
  ["7403", 0],
  ["8414", 0.6],
  ["8443", 0.9],
  ["8523", 0.3],
];

/**
 * Other products: for each 4-digit heading, six HS8 codes with the heading's capital share (the
 * HS6 sub-headings are 10–60, the HS8 suffix 00 or 90).
 * @example otherProducts().length; // 180
 */
export function otherProducts(): HsProduct[] {
  const out: HsProduct[] = [];
  for (const [heading, share] of CHAPTER_SHARES) {
    for (const sub of ["10", "20", "30"]) {
      for (const suffix of ["00", "90"]) out.push({ hs8: `${heading}${sub}${suffix}`, capitalShare: share });
    }
  }
  return out;
}

/** Capital-goods shares the generator gives robot and part codes (by HS8). */
export const ROBOT_CAPITAL_SHARE = 1;
export const PART_CAPITAL_SHARE = 0.1;
