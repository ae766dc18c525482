/**
 * Writing a DuckDB table as a Stata .dta file (format 118) with the `.dta` writer: numbers keep
 * the smallest Stata type that holds them exactly (FLOAT columns stay float), DATE becomes `%td`,
 * TIMESTAMP `%tc`, text `str#`/`strL` (missing text is ""). Labels recorded on the session for the
 * table (from a .dta it was read from) are written back.
 */
import type { DtaWriteColumn } from "./dta/index.js";
import { writeDta } from "./dta/index.js";
import type { DataSession } from "./session.js";
import type { TableMeta } from "./table-meta.js";
import { toFrame } from "./to-frame.js";

const DAYS_1960_TO_1970 = 3653;
const STATA_EPOCH_MS = 315_619_200_000;

/** Integer column types that a frame turns into text when they hold values beyond ±2^53. */
const WIDE_INTEGER = /^(BIGINT|HUGEINT|UBIGINT|UHUGEINT|DECIMAL)/;

/**
 * Write table `table` to `path` as .dta (the writer itself writes to a temporary name and renames).
 * Integer identifiers beyond ±2^53, which no Stata numeric type stores exactly, are written as text
 * (`str#`), digit for digit, with a warning naming the column; nothing is rounded. Returns the warnings.
 * @example const warnings = await writeDtaTable(session, "panel", "panel.dta");
 */
export async function writeDtaTable(session: DataSession, table: string, path: string): Promise<string[]> {
  const warnings: string[] = [];
  const types = new Map((await session.columns(table)).map((c) => [c.name, c.type]));
  const frame = await toFrame(session, table);
  const meta = session.meta.get(table);
  const columns: DtaWriteColumn[] = frame.names.map((name) => {
    const col = frame.columns[name];
    const type = types.get(name) ?? "";
    const kept = labelsOf(meta, name);
    if (col.type === "category") {
      if (WIDE_INTEGER.test(type))
        warnings.push(
          `${path}: column "${name}" holds integers beyond ±2^53 (e.g. 18-digit codes), which a Stata double would round; it is written as text (str), digit for digit (use destring in Stata only if you need arithmetic on it)`,
        );
      const values = new Array<string>(frame.nrows);
      for (let i = 0; i < frame.nrows; i++) values[i] = col.codes[i] < 0 ? "" : col.levels[col.codes[i]];
      return { name, values, label: kept.label };
    }
    if (type === "DATE") {
      const values = col.values.map((d) => d + DAYS_1960_TO_1970);
      return { name, values, type: "long", format: "%td", label: kept.label };
    }
    if (type.startsWith("TIMESTAMP")) {
      const values = col.values.map((s) => s * 1000 + STATA_EPOCH_MS);
      return { name, values, type: "double", format: "%tc", label: kept.label };
    }
    return {
      name,
      values: col.values,
      ...(type === "FLOAT" ? { type: "float" as const } : {}),
      label: kept.label,
      ...(kept.format && !/^%t|^%d|s$/.test(kept.format) ? { format: kept.format } : {}),
      valueLabel: kept.valueLabel,
    };
  });
  const used = new Set(columns.map((c) => c.valueLabel).filter((v): v is string => !!v));
  const valueLabels = Object.fromEntries(
    Object.entries(meta?.valueLabels ?? {}).filter(([k]) => used.has(k)),
  );
  await writeDta(path, { columns, valueLabels }, { dataLabel: meta?.dataLabel ?? "" });
  return warnings;
}

function labelsOf(
  meta: TableMeta | undefined,
  name: string,
): { label: string; format: string; valueLabel: string | null } {
  const c = meta?.columns[name];
  return { label: c?.label ?? "", format: c?.format ?? "", valueLabel: c?.valueLabel ?? null };
}
