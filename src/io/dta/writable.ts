/**
 * Turn a table read by {@link readDta} back into writer input, keeping storage types, widths,
 * formats, labels, value labels and missing-value tags.
 */
import type { DtaTable } from "./types.js";
import type { DtaWriteTable } from "./write-types.js";

/**
 * Writer input equal to a table that was read, so `writeDta(path, writableFromDta(t))` re-saves it.
 * Widths of `str#` columns are kept when the source was UTF-8; text from other encodings (e.g. GBK,
 * re-encoded as UTF-8 on writing) may need more bytes, so those widths are chosen afresh.
 * @example await writeDta("copy.dta", writableFromDta(await readDta("orig.dta")));
 */
export function writableFromDta(table: DtaTable): DtaWriteTable {
  const refit = table.meta.encoding !== "utf-8";
  return {
    columns: table.meta.variables.map((v, j) => ({
      name: v.name,
      values: table.columns[j],
      missingTags: table.missingTags[j],
      type: refit && v.type === "str" ? undefined : v.type,
      strWidth: refit ? undefined : v.strWidth,
      format: v.format,
      label: v.label,
      valueLabel: v.valueLabel,
    })),
    valueLabels: table.meta.valueLabels,
  };
}
