/**
 * The data layer: a DuckDB session, readers (CSV, Parquet, Excel .xlsx, Stata .dta) into tables,
 * writers (CSV, Parquet, .dta), fast transfer between tables and frames, panel validation and
 * descriptive statistics.
 */
export { convertFile, type ConvertOptions, type ConvertResult } from "./convert-file.js";
export { describeTable, type DescribeRow } from "./describe-table.js";
export { describeText, formatStat } from "./describe-text.js";
export { formatOf } from "./formats.js";
export { registerFrame } from "./from-frame.js";
export { type LoadFrameOptions, loadFrame } from "./load-frame.js";
export { declarePanel, type PanelInfo, type PanelKeys } from "./panel.js";
export { readFile } from "./read-file.js";
export type { FileFormat, ReadOptions, ReadProgress, ReadReport } from "./read-options.js";
export { requireColumns } from "./require-columns.js";
export { type ColumnInfo, DataSession, type DataSessionOptions, type SqlScalar } from "./session.js";
export { quoteIdent, quoteLiteral } from "./sql.js";
export type { ColumnMeta, TableMeta, ValueLabelEntry } from "./table-meta.js";
export { type ToFrameOptions, toFrame } from "./to-frame.js";
export { type OutputFormat, outputFormat, writeTable } from "./write-file.js";
