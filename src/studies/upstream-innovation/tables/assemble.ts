/**
 * Assembling a regression table from estimated columns: columns that could not be estimated are left
 * out with a note saying why (never silently), rows no column shows are dropped, and the footer
 * carries the Yes/No rows and the diagnostics of the papers' 2SLS tables.
 */
import type { EstimationResult } from "../../../estimate/result.js";
import type { FooterRow, Label, TableColumn, TableRow, TableSpec } from "../../../report/table-spec.js";
import { buildColumn, type ColumnSpec } from "../estimation/column.js";
import { CLUSTER, FOOTER_IV, FOOTER_LITERAL, standardNotes } from "../labels.js";

/** What a table is made of before estimation. */
export interface TablePlan {
  readonly id: string;
  readonly title: Label;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly TableRow[];
  /** Footer rows after the Yes/No rows (default: the 2SLS diagnostics). */
  readonly footer?: readonly FooterRow[];
  readonly notes?: readonly Label[];
  readonly decimals?: number;
  /** Pre-computed results by column index (e.g. a second stage shared with its first-stage column). */
  readonly results?: Readonly<Record<number, EstimationResult>>;
}

/** An assembled table and the columns that failed. */
export interface AssembledTable {
  readonly spec: TableSpec;
  readonly failures: readonly string[];
}

function shows(col: TableColumn, row: TableRow): boolean {
  const r = col.result;
  const names = [row.term, ...(row.aliases ?? [])];
  let coefs = r.coefficients;
  if (row.firstStageOf !== undefined) {
    if (col.firstStageOf !== undefined) return false;
    coefs = r.iv?.first_stage.find((f) => f.endogenous === row.firstStageOf)?.coefficients ?? [];
  } else if (col.firstStageOf !== undefined) {
    coefs = r.iv?.first_stage.find((f) => f.endogenous === col.firstStageOf)?.coefficients ?? [];
  }
  return coefs.some((c) => names.includes(c.term));
}

/**
 * Estimate every column of a plan and assemble the table spec.
 * @example const { spec, failures } = assembleTable(plan);
 */
export function assembleTable(plan: TablePlan): AssembledTable {
  const columns: TableColumn[] = [];
  const failures: string[] = [];
  const notes: Label[] = [];
  plan.columns.forEach((c, j) => {
    const out = buildColumn(c, plan.results?.[j]);
    // The column keeps its number in the plan (the paper's), even when one before it is left out.
    if ("column" in out) columns.push({ ...out.column, number: j + 1 });
    else {
      failures.push(`${plan.id} column (${j + 1}): ${out.failed}`);
      notes.push({
        en: `Column (${j + 1}) "${c.label.en}" could not be estimated and is left out: ${out.failed}`,
        zh: `第（${j + 1}）列"${c.label.zh}"无法估计，未列出：${out.failed}`,
      });
    }
  });
  if (!columns.length) {
    throw new Error(`table ${plan.id}: no column could be estimated:\n- ${failures.join("\n- ")}`);
  }
  const rows = plan.rows.filter((row) => columns.some((col) => shows(col, row)));
  const clusters = [...new Set(plan.columns.map((c) => c.cluster))];
  const clusterNote =
    clusters.length === 1
      ? standardNotes(CLUSTER[clusters[0]] ?? { en: clusters[0], zh: clusters[0] })
      : [
          {
            en: "Standard errors clustered at the level named in each column heading.",
            zh: "标准误按各列标题所示层级聚类。",
          },
        ];
  return {
    spec: {
      id: plan.id,
      title: plan.title,
      columns,
      rows,
      footer: [...FOOTER_LITERAL, ...(plan.footer ?? FOOTER_IV)],
      notes: [...clusterNote, ...(plan.notes ?? []), ...notes],
      decimals: plan.decimals,
    },
    failures,
  };
}
