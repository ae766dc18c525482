/**
 * The cities of a synthetic run: which prefecture cities are drawn, their provinces, codes, names
 * and economic sizes (the weight that scales their firms, employment and imports).
 */
import { normal } from "../../../synth/distributions.js";
import type { Rng } from "../../../synth/rng.js";
import { PROVINCES } from "./places-data.js";

/** A city of the synthetic economy. */
export interface City {
  /** 4-digit city code, e.g. 3205. */
  readonly code: string;
  /** Name with 市, e.g. 苏州市. */
  readonly name: string;
  /** Name without 市, e.g. 苏州. */
  readonly short: string;
  readonly province: string;
  /** Province name without 省/市/自治区, e.g. 江苏. */
  readonly provinceShort: string;
  readonly provinceCode: string;
  readonly tier: 1 | 2 | 3;
  /** Economic size (mean about 1 for a tier-3 city). */
  readonly size: number;
}

const TIER_SIZE = { 1: 4, 2: 2, 3: 1 } as const;

/**
 * The province name without its administrative suffix.
 * @example provinceShortName("广西壮族自治区"); // "广西"
 */
export function provinceShortName(name: string): string {
  return name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/, "");
}

/**
 * Draw `count` cities: all tier-1 cities first, then tier-2, then tier-3, in random order within a
 * tier; sizes are the tier's size times a log-normal factor. Returned sorted by code.
 * @example const cities = selectCities(rng, 40);
 */
export function selectCities(rng: Rng, count: number): City[] {
  const all: (City & { key: number })[] = [];
  for (const p of PROVINCES) {
    for (const [num, short, tier] of p.cities) {
      const size = TIER_SIZE[tier] * Math.exp(normal(rng, 0, 0.4));
      all.push({
        code: `${p.code}${num}`,
        name: `${short}市`,
        short,
        province: p.name,
        provinceShort: provinceShortName(p.name),
        provinceCode: p.code,
        tier,
        size,
        key: tier + rng.next(),
      });
    }
  }
  if (count > all.length) throw new Error(`selectCities: at most ${all.length} cities, asked for ${count}`);
  all.sort((a, b) => a.key - b.key);
  return all
    .slice(0, count)
    .map(({ key: _k, ...c }) => c)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}
