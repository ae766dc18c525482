/** Which coefficient a table row shows in a column: the term or one of its aliases, second or first stage. */
import type { CoefficientRow, EstimationResult, FirstStage } from "../estimate/result.js";
import type { TableColumn, TableRow } from "./table-spec.js";

/**
 * The first stage of `endogenous` in a 2SLS result, or an error naming the endogenous regressors there are.
 * @example firstStageFor(result, "robot", "table2 column (2)").coefficients;
 */
export function firstStageFor(result: EstimationResult, endogenous: string, where: string): FirstStage {
  if (!result.iv) {
    throw new Error(
      `${where}: asks for the first stage of "${endogenous}" but its result is ${result.method.toUpperCase()} (${result.formula}); give a 2SLS result or drop firstStageOf`,
    );
  }
  const fs = result.iv.first_stage.find((f) => f.endogenous === endogenous);
  if (!fs) {
    const names = result.iv.first_stage.map((f) => `"${f.endogenous}"`).join(", ");
    throw new Error(
      `${where}: no first stage for "${endogenous}" in ${result.formula}; the endogenous regressors are ${names}`,
    );
  }
  return fs;
}

/**
 * The coefficient a row shows in a column (null: blank cell). The row's term and aliases are looked up
 * in the column's coefficients (its first stage for a `firstStageOf` column, or the row's first stage
 * for a `firstStageOf` row); two of them present at once is an error.
 * @example rowCoefficient(spec.columns[0], spec.rows[0], "table2 column (1)")?.estimate;
 */
export function rowCoefficient(column: TableColumn, row: TableRow, where: string): CoefficientRow | null {
  const coefs = coefficientsShown(column, row, where);
  if (!coefs) return null;
  const names = [row.term, ...(row.aliases ?? [])];
  const hits = coefs.filter((c) => names.includes(c.term));
  if (hits.length > 1) {
    throw new Error(
      `${where}: row "${row.term}" matches ${hits.map((h) => `"${h.term}"`).join(" and ")}; a row may show only one of its term and aliases per column — split it into two rows`,
    );
  }
  return hits[0] ?? null;
}

function coefficientsShown(
  column: TableColumn,
  row: TableRow,
  where: string,
): readonly CoefficientRow[] | null {
  const r = column.result;
  if (row.firstStageOf !== undefined) {
    if (column.firstStageOf !== undefined) return null;
    const fs = r.iv?.first_stage.find((f) => f.endogenous === row.firstStageOf);
    return fs ? fs.coefficients : null;
  }
  if (column.firstStageOf !== undefined) return firstStageFor(r, column.firstStageOf, where).coefficients;
  return r.coefficients;
}
