/**
 * The SA index of financing constraints in study A's design (Table 5 (3)/(4)): Hadlock & Pierce
 * (2010), size = ln(total assets in millions of yuan) capped at ln(4.5 billion 2004 US dollars in
 * yuan) and age (years since founding) capped at 37 years, as Hadlock & Pierce cap them.
 */
import { saIndex } from "../../../measures/sa-index.js";

/** Yuan per US dollar in 2004 (People's Bank of China yearly average), the year of Hadlock & Pierce's dollars. */
const CNY_PER_USD_2004 = 8.2768;

/** The caps: size ln(4500 × 8.2768) = ln(37 245.6) (millions of yuan), age 37 years. */
export const SA_CAPS = Object.freeze({ maxSize: Math.log(4500 * CNY_PER_USD_2004), maxAge: 37 });

/**
 * SA per firm-year from ASIE total assets (thousand yuan) and age in years; NaN where assets ≤ 0
 * or either input is missing.
 * @example studySaIndex(Float64Array.of(1e8), Float64Array.of(50)); // both capped: SA at (ln 37 245.6, 37)
 */
export function studySaIndex(totalAssetsThousandYuan: Float64Array, age: Float64Array): Float64Array {
  const size = Float64Array.from(totalAssetsThousandYuan, (a) => (a > 0 ? Math.log(a / 1000) : Number.NaN));
  return saIndex(size, age, SA_CAPS);
}
