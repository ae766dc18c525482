/**
 * Results defined per (unit, time) cell — shares, indices — returned both as a compact table
 * (one row per cell, sorted by unit then time) and broadcast back to the input rows.
 */
import { type Grouping, type KeyColumn, pickKeyRows } from "./keys.js";

/** A value per (unit, time) cell. */
export interface CellTable {
  /** Unit key of each cell (same kind of key column as the input). */
  readonly unit: KeyColumn;
  /** Time key of each cell (same kind of key column as the input). */
  readonly time: KeyColumn;
  /** The measure for each cell. */
  readonly value: Float64Array;
  /** The cell's value at every input row (NaN where the row's unit or time is missing). */
  readonly byRow: Float64Array;
}

/**
 * Assemble a {@link CellTable} from a grouping of the input rows by (unit, time) and one value per group.
 * @example const t = cellTable(unit, time, groupRows([unit, time], n), values);
 */
export function cellTable(unit: KeyColumn, time: KeyColumn, cells: Grouping, value: Float64Array): CellTable {
  const n = cells.group.length;
  const byRow = new Float64Array(n);
  for (let i = 0; i < n; i++) byRow[i] = cells.group[i] < 0 ? Number.NaN : value[cells.group[i]];
  return Object.freeze({
    unit: pickKeyRows(unit, cells.firstRow),
    time: pickKeyRows(time, cells.firstRow),
    value,
    byRow,
  });
}
