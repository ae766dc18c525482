/** The JSON output of a regression table: the printed cells plus every column's full estimation result. */
import type { EstimationResult } from "../estimate/result.js";
import type { TextTable } from "./text-table.js";
import { type Lang, pickLabel } from "./lang.js";
import type { RegressionCells } from "./regression-cells.js";
import type { FooterRow, TableSpec } from "./table-spec.js";

/** The parsed shape of `<id>.json` for a regression table. */
export interface TableJson {
  readonly id: string;
  readonly title: string;
  readonly lang: Lang;
  readonly columns: readonly {
    readonly number: number;
    readonly label: string;
    readonly sublabel: string | null;
    readonly first_stage_of: string | null;
    readonly footer: Readonly<Record<string, string>>;
    /** The column's EstimationResult, unchanged. */
    readonly result: EstimationResult;
  }[];
  readonly rows: readonly {
    readonly term: string;
    readonly aliases: readonly string[];
    readonly first_stage_of: string | null;
    readonly label: string;
    /** Per column: the coefficient shown (term actually matched, numbers, printed texts), or null if blank. */
    readonly cells: readonly ({
      readonly term: string;
      readonly estimate: number;
      readonly se: number;
      readonly p: number;
      readonly text: string;
      readonly se_text: string;
    } | null)[];
  }[];
  readonly footer: readonly {
    readonly key: string;
    readonly stat: FooterRow["stat"];
    readonly label: string;
    readonly cells: readonly string[];
  }[];
  readonly notes: readonly string[];
  /** The printed layout, added when the file is written (see writeTableOutputs). */
  readonly layout?: TextTable;
}

/**
 * The JSON document of a table (stable key order; results embedded as given, so `JSON.parse` gives them back).
 * @example const json = tableJson(spec, cells, "en", notes);
 */
export function tableJson(
  spec: TableSpec,
  cells: RegressionCells,
  lang: Lang,
  notes: readonly string[],
): TableJson {
  return {
    id: spec.id,
    title: pickLabel(spec.title, lang),
    lang,
    columns: spec.columns.map((c, j) => ({
      number: c.number ?? j + 1,
      label: pickLabel(c.label, lang),
      sublabel: c.sublabel ? pickLabel(c.sublabel, lang) : null,
      first_stage_of: c.firstStageOf ?? null,
      footer: { ...(c.footer ?? {}) },
      result: c.result,
    })),
    rows: spec.rows.map((r, i) => ({
      term: r.term,
      aliases: [...(r.aliases ?? [])],
      first_stage_of: r.firstStageOf ?? null,
      label: pickLabel(r.label, lang),
      cells: cells.coefficients[i].map((c) =>
        c
          ? {
              term: c.coefficient.term,
              estimate: c.coefficient.estimate,
              se: c.coefficient.se,
              p: c.coefficient.p,
              text: c.text,
              se_text: c.seText,
            }
          : null,
      ),
    })),
    footer: spec.footer.map((f, i) => ({
      key: f.key,
      stat: f.stat,
      label: pickLabel(f.label, lang),
      cells: cells.footer[i],
    })),
    notes,
  };
}
