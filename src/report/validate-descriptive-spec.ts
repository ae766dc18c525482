/** Checks of a descriptive-table spec before anything is rendered. */
import { STAT_LABELS } from "./descriptive-stats.js";
import { assertOutputId } from "./output-id.js";
import type { DescriptiveSpec } from "./table-spec.js";
import { checkLabel } from "./validate-table-spec.js";

/**
 * Throw a descriptive error for a malformed descriptive spec: bad id, unknown statistic, a row lacking a
 * value for a listed statistic (give null to leave it blank), or panels that do not partition the rows.
 * @example validateDescriptiveSpec(spec);
 */
export function validateDescriptiveSpec(spec: DescriptiveSpec): void {
  assertOutputId(spec?.id, "descriptive table");
  const t = `descriptive table "${spec.id}"`;
  checkLabel(spec.title, `${t} title`);
  if (!Array.isArray(spec.stats) || spec.stats.length === 0)
    throw new Error(`${t}: "stats" must list the statistics to show, e.g. ["n", "mean", "sd", "min", "max"]`);
  for (const s of spec.stats)
    if (!(s in STAT_LABELS))
      throw new Error(
        `${t}: unknown statistic ${JSON.stringify(s)}; use ${Object.keys(STAT_LABELS).join(", ")}`,
      );
  if (!Array.isArray(spec.rows)) throw new Error(`${t}: "rows" must be an array`);
  if (
    spec.decimals !== undefined &&
    (!Number.isInteger(spec.decimals) || spec.decimals < 0 || spec.decimals > 12)
  )
    throw new Error(`${t}: decimals is ${spec.decimals}; give a whole number from 0 to 12`);
  spec.rows.forEach((r, i) => {
    const where = `${t} row ${i + 1} ("${r?.variable}")`;
    checkLabel(r?.label, `${where} label`);
    for (const s of spec.stats) {
      const v = r.values?.[s];
      if (v === undefined)
        throw new Error(`${where} has no value for "${s}"; give a number, or null to leave the cell blank`);
      if (v !== null && typeof v !== "number") throw new Error(`${where}: "${s}" must be a number or null`);
    }
  });
  checkPanels(spec, t);
}

function checkPanels(spec: DescriptiveSpec, t: string): void {
  if (!spec.panels) return;
  let next = 0;
  spec.panels.forEach((p, i) => {
    checkLabel(p.label, `${t} panel ${i + 1} label`);
    if (p.from !== next || !Number.isInteger(p.to) || p.to <= p.from || p.to > spec.rows.length)
      throw new Error(
        `${t} panel ${i + 1} covers rows.slice(${p.from}, ${p.to}) but must start at row index ${next} and end (exclusive, as Array.slice) after it, at most at ${spec.rows.length}; panels must cover all rows in order`,
      );
    next = p.to;
  });
  if (next !== spec.rows.length)
    throw new Error(
      `${t}: the panels end at row index ${next} but there are ${spec.rows.length} rows; panels must cover all rows`,
    );
}
