/** Notes and refusals about the estimation sample that name what happened to which variable. */

/**
 * The note for rows deleted because of an infinite value.
 * @example nonFiniteNote({ rows: 2, columns: ["x"] }); // "2 row(s) with an infinite value …"
 */
export function nonFiniteNote(nf: { readonly rows: number; readonly columns: readonly string[] }): string {
  return `${nf.rows} row(s) with an infinite value (±Inf, e.g. 1e309 or inf in the data) in ${nf.columns.join(", ")} were deleted (counted in removed.missing)`;
}

/**
 * Throw when dropping collinear excluded instruments (e.g. instruments absorbed by the fixed
 * effects) leaves fewer excluded instruments than endogenous regressors, naming the dropped ones.
 * @example checkIdentification(["z"], [], ["w"], ["firm"]); // throws: z absorbed
 */
export function checkIdentification(
  instruments: readonly string[],
  kept: readonly number[],
  endog: readonly string[],
  fixedEffects: readonly string[],
): void {
  if (kept.length >= endog.length) return;
  const lost = instruments.filter((_, j) => !kept.includes(j));
  const fe = fixedEffects.length
    ? `, or have no variation within the fixed effects (${fixedEffects.join(", ")})`
    : "";
  throw new Error(
    `the model is not identified: the excluded instrument(s) ${lost.join(", ")} are collinear with the exogenous regressors or the other instruments${fe}, which leaves ${kept.length} excluded instrument(s) for ${endog.length} endogenous regressor(s) (${endog.join(", ")}); use instruments that vary within the fixed effects`,
  );
}
