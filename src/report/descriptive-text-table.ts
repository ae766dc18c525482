/** The printed layout of a descriptive-statistics table (the papers' Table 1). */
import { STAT_LABELS } from "./descriptive-stats.js";
import { formatCount, formatFixed } from "./format-number.js";
import { type Lang, pickLabel } from "./lang.js";
import type { DescriptiveSpec } from "./table-spec.js";
import type { TextRow, TextTable } from "./text-table.js";

/**
 * Lay out a validated descriptive spec: variable | statistics, one block per panel (headed by its label).
 * @example const t = descriptiveTextTable(spec, "zh");
 */
export function descriptiveTextTable(spec: DescriptiveSpec, lang: Lang): TextTable {
  const d = spec.decimals ?? 4;
  const row = (r: DescriptiveSpec["rows"][number]): TextRow => ({
    kind: "stat",
    label: pickLabel(r.label, lang),
    cells: spec.stats.map((s) => (s === "n" ? formatCount(r.values[s]) : formatFixed(r.values[s], d))),
  });
  const blocks: TextRow[][] = spec.panels
    ? spec.panels.map((p) => [
        { kind: "panel", label: pickLabel(p.label, lang), cells: spec.stats.map(() => "") },
        ...spec.rows.slice(p.from, p.to).map(row),
      ])
    : [spec.rows.map(row)];
  return {
    id: spec.id,
    title: pickLabel(spec.title, lang),
    lang,
    ncols: spec.stats.length,
    header: [
      {
        stub: lang === "zh" ? "变量" : "Variable",
        cells: spec.stats.map((s) => ({ text: pickLabel(STAT_LABELS[s], lang), span: 1 })),
      },
    ],
    primaryHeader: 0,
    blocks,
    notes: (spec.notes ?? []).map((x) => pickLabel(x, lang)),
  };
}
