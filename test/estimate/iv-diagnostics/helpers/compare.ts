/**
 * Tolerance checks against Stata: statistics within 1e-6 relative, p-values within 1e-6 absolute or
 * relative, degrees of freedom exactly.
 */

/** Keys that are degrees of freedom (compared exactly). */
const DF_KEYS = new Set([
  "iddf",
  "jdf",
  "sargandf",
  "estatdf",
  "ardf",
  "ardf_r",
  "sstatdf",
  "df",
  "df_r",
  "SWFdf1",
  "SWFdf2",
  "APFdf1",
  "APFdf2",
]);

/**
 * Null when `mine` agrees with Stata's `expected` for statistic `key`, else a description of the miss.
 * @example mismatch("idstat", 34.8582465989, 34.85824659887334); // null
 */
export function mismatch(key: string, mine: number | null | undefined, expected: number): string | null {
  if (mine === null || mine === undefined) return `${key}: expected ${expected}, got ${mine}`;
  if (DF_KEYS.has(key)) return mine === expected ? null : `${key}: expected ${expected}, got ${mine}`;
  const diff = Math.abs(mine - expected);
  const rel = diff / Math.max(Math.abs(expected), Number.MIN_VALUE);
  const isP = /p$|pvalue$|^idp$|p_|Fp$|chi2p$/.test(key);
  if (isP ? diff <= 1e-6 || rel <= 1e-6 : rel <= 1e-6 || (expected === 0 && diff <= 1e-12)) return null;
  return `${key}: expected ${expected}, got ${mine} (relative error ${rel.toExponential(2)})`;
}
