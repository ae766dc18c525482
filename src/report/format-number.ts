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
