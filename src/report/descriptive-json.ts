/** The JSON output of a descriptive-statistics table, with the raw numbers. */
import { type DescriptiveStat, STAT_LABELS } from "./descriptive-stats.js";
import type { TextTable } from "./text-table.js";
import { type Lang, pickLabel } from "./lang.js";
import type { DescriptiveSpec } from "./table-spec.js";

/** The parsed shape of `<id>.json` for a descriptive table (raw numbers; null = not available). */
export interface DescriptiveJson {
  readonly id: string;
  readonly title: string;
  readonly lang: Lang;
  readonly stats: readonly DescriptiveStat[];
  readonly stat_labels: readonly string[];
  readonly rows: readonly {
    readonly variable: string;
    readonly label: string;
    readonly panel: string | null;
    readonly values: Readonly<Record<string, number | null>>;
  }[];
  readonly notes: readonly string[];
  /** The printed layout, added when the file is written (see writeTableOutputs). */
  readonly layout?: TextTable;
}

/**
 * The JSON document of a descriptive table, with the raw numbers.
 * @example JSON.stringify(descriptiveJson(spec, "en"));
 */
export function descriptiveJson(spec: DescriptiveSpec, lang: Lang): DescriptiveJson {
  const panelOf = (i: number) => {
    const p = spec.panels?.find((x) => i >= x.from && i < x.to);
    return p ? pickLabel(p.label, lang) : null;
  };
  return {
    id: spec.id,
    title: pickLabel(spec.title, lang),
    lang,
    stats: [...spec.stats],
    stat_labels: spec.stats.map((s) => pickLabel(STAT_LABELS[s], lang)),
    rows: spec.rows.map((r, i) => ({
      variable: r.variable,
      label: pickLabel(r.label, lang),
      panel: panelOf(i),
      values: Object.fromEntries(spec.stats.map((s) => [s, r.values[s]])),
    })),
    notes: (spec.notes ?? []).map((x) => pickLabel(x, lang)),
  };
}
