/** Number formatting for tables, in the style of Stata and fixest output. */

/**
 * A number with `digits` significant digits, switching to scientific notation for very small or large values.
 * @example formatNumber(0.000123456, 4); // "0.0001235"
 */
export function formatNumber(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || Number.isNaN(x)) return ".";
  if (!Number.isFinite(x)) return x > 0 ? "Inf" : "-Inf";
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e7 || a < 1e-4) return x.toExponential(Math.max(0, digits - 1));
  return Number(x.toPrecision(digits)).toString();
}

/**
 * A p-value: `< 2e-16` below machine precision, else 3 significant digits.
 * @example formatP(1e-20); // "< 2e-16"
 */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return ".";
  if (p < 2.2e-16) return "< 2e-16";
  return formatNumber(p, 3);
}

/**
 * Significance stars of the studies' tables: * 10%, ** 5%, *** 1%.
 * @example stars(0.03); // "**"
 */
export function stars(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return "";
  if (p < 0.01) return "***";
  if (p < 0.05) return "**";
  if (p < 0.1) return "*";
  return "";
}

/**
 * A table entry with a fixed number of decimals (the papers' style). A non-zero value that would print
 * as zero at that precision switches to scientific notation with `decimals − 1` mantissa decimals,
 * so it stays visible; null/undefined → "" (not applicable), NaN → "." (missing, as in Stata).
 * @example formatFixed(-1.64, 4); // "-1.6400"; formatFixed(0.00012, 4); // "0.0001"; formatFixed(3e-7, 4); // "3.000e-7"
 */
export function formatFixed(x: number | null | undefined, decimals = 4): string {
  if (x === null || x === undefined) return "";
  if (Number.isNaN(x)) return ".";
  if (!Number.isFinite(x)) return x > 0 ? "Inf" : "-Inf";
  if (x === 0) return (0).toFixed(decimals);
  const fixed = x.toFixed(decimals);
  if (Number(fixed) === 0) return x.toExponential(Math.max(0, decimals - 1));
  return fixed;
}

/**
 * A p-value in a table footer: fixed decimals, never scientific (a tiny p prints as 0.0000, the papers' [0.000 0]).
 * @example formatProbability(0.00049); // "0.0005"
 */
export function formatProbability(p: number | null | undefined, decimals = 4): string {
  if (p === null || p === undefined) return "";
  if (Number.isNaN(p)) return ".";
  const fixed = p.toFixed(decimals);
  return Number(fixed) === 0 ? (0).toFixed(decimals) : fixed;
}

/**
 * A count (observations) as a plain integer without separators, as the papers print N.
 * @example formatCount(3236); // "3236"
 */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return "";
  if (!Number.isFinite(n)) return ".";
  return Math.round(n).toString();
}
