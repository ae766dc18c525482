/**
 * Annual average exchange rates, yuan per US dollar (People's Bank of China central parity, yearly
 * averages), used to put customs values (US dollars) and ASIE accounts (thousand yuan) on one scale.
 */

/** Yuan per US dollar by year, 2000–2013. */
export const CNY_PER_USD: Readonly<Record<number, number>> = Object.freeze({
  2000: 8.2784,
  2001: 8.277,
  2002: 8.277,
  2003: 8.277,
  2004: 8.2768,
  2005: 8.1917,
  2006: 7.9718,
  2007: 7.604,
  2008: 6.9451,
  2009: 6.831,
  2010: 6.7695,
  2011: 6.4588,
  2012: 6.3125,
  2013: 6.1932,
});

/**
 * Yuan per dollar in `year` from a rate table, or an error naming the year and how to supply it.
 * @example cnyPerUsd(2008, CNY_PER_USD); // 6.9451
 */
export function cnyPerUsd(year: number, rates: Readonly<Record<number, number>>): number {
  const r = rates[year];
  if (!(r > 0)) {
    const have = Object.keys(rates).join(", ");
    throw new Error(
      `no yuan/dollar exchange rate for ${year} (the rates cover ${have}); add it under options.cnyPerUsd`,
    );
  }
  return r;
}
