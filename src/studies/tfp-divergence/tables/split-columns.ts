/**
 * Columns of split-sample tables: one regression per group; a group with too few rows to estimate
 * is left out and named in a note (user data need not cover every industry or class).
 */
import type { Label, TableColumn } from "../../../report/table-spec.js";
import type { ColumnModel, Estimator } from "../estimator.js";

/** The estimable columns and the labels of the groups left out. */
export interface SplitColumns {
  readonly columns: TableColumn[];
  readonly omitted: Label[];
}

/** Fewest rows a split sample needs to be estimated. */
export const MIN_SPLIT_ROWS = 30;

/**
 * Estimate each model whose split sample has at least MIN_SPLIT_ROWS rows.
 * @example splitColumns(est, models, "table8");
 */
export function splitColumns(est: Estimator, models: readonly ColumnModel[], id: string): SplitColumns {
  const columns: TableColumn[] = [];
  const omitted: Label[] = [];
  models.forEach((m, j) => {
    if (est.frame(m.panel, m.subset).nrows < MIN_SPLIT_ROWS) omitted.push(m.label);
    else columns.push(est.column(m, `${id} column (${j + 1})`));
  });
  if (columns.length === 0)
    throw new Error(
      `${id}: no split sample has ${MIN_SPLIT_ROWS} rows or more; the panel is too small for this table`,
    );
  return { columns, omitted };
}

/**
 * A note naming the groups left out, or none.
 * @example omittedNote(split.omitted);
 */
export function omittedNote(omitted: readonly Label[]): Label[] {
  if (omitted.length === 0) return [];
  return [
    {
      en: `Left out for lack of data (fewer than ${MIN_SPLIT_ROWS} observations): ${omitted.map((l) => l.en).join("; ")}.`,
      zh: `因数据不足(少于 ${MIN_SPLIT_ROWS} 个观测值)未报告:${omitted.map((l) => l.zh).join(";")}。`,
    },
  ];
}
